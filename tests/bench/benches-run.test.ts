import { benchJobs } from '../../bench/jobs';
import { benchLookAlike } from '../../bench/look-alike';
import { benchOpenTickets } from '../../bench/open-tickets';
import { benchSlaSweep } from '../../bench/sla-sweep';

/**
 * The benchmarks are not timed here (figures come from `npm run bench`), but their code paths are
 * run on tiny sizes, so a bench that no longer works is found by `npm test` and not by the next
 * person measuring: the hand-written side of the ticket-open bench once failed on every ticket
 * after a change to the look-alike search, and the auto-close's hand-written side went on writing
 * its notice without the rating buttons resolving now asks for.
 */
describe('the benchmarks run (tiny sizes, PGlite, untimed)', () => {
  test('opening tickets: both sides open every ticket and write the same events and deliveries per ticket', async () => {
    const result = await benchOpenTickets('pglite', { tickets: 8, concurrency: 2, rounds: 1, warmup: 2 });
    expect(result.services.perSec).toBeGreaterThan(0);
    expect(result.handSql.perSec).toBeGreaterThan(0);
    expect(result.handSql.eventsPerTicket).toBe(result.services.eventsPerTicket);
    expect(result.handSql.deliveriesPerTicket).toBe(result.services.deliveriesPerTicket);
  });

  test('the look-alike search: measured for each new incident, and it finds the outage its window holds', async () => {
    const { figures } = await benchLookAlike('pglite', { earlier: 500, incidents: 5 });
    expect(figures.searchP50Ms).toBeGreaterThan(0);
    expect(figures.openP50Ms).toBeGreaterThan(0);
    expect(figures.lookAlikesPerIncident).toBeGreaterThan(0);
  });

  test('the auto-close and reminder jobs: the job and the hand-written SQL write the same', async () => {
    const figures = await benchJobs('pglite', { tickets: 400, pendingDue: 30, remindersDue: 30, rounds: 1 });
    expect(figures.mismatch).toBe('');
    expect([figures.closed, figures.reminded]).toEqual([30, 30]);
  });

  test('the SLA sweep: the job and the hand-written SQL warn the same tickets the same way', async () => {
    const figures = await benchSlaSweep('pglite', { tickets: 400, due: 30, rounds: 1 });
    expect(figures.mismatch).toBe('');
    expect(figures.warned).toBe(30);
  });
});
