import fc from 'fast-check';
import { DAY } from '../../src/core/clock';
import type { Ticket } from '../../src/core/model';
import { dueForClosing, reminderDue } from '../../src/core/rules/auto-close';
import type { ServiceContext } from '../../src/core/services/context';
import { autoCloseJob } from '../../src/jobs/auto-close';
import { remindersJob } from '../../src/jobs/reminders';
import { selectDueTickets } from '../../src/jobs/ticket-batch';
import { describeEachDatabase } from '../helpers/database';
import { discord } from '../helpers/people';

/**
 * The jobs decide what is due with SQL, the core with pure functions (`dueForClosing`,
 * `reminderDue`): on generated tickets and policies, the jobs' own read statements select exactly
 * the tickets the functions say are due. Ages are drawn around every cutoff (a millisecond
 * before, at, and after) as well as anywhere in between, since the edges are where the two differ.
 */
const NOW = new Date('2026-03-10T09:30:00.000Z');

interface Generated {
  status: Ticket['status'];
  pendingSince: Date | null;
  remindersSent: number;
  isMajor: boolean;
}

const policyArb = fc.record({
  autoCloseDays: fc.constantFrom(1, 3.5, 7, 14),
  reminderDays: fc.uniqueArray(fc.constantFrom(0.5, 1, 2, 3.5, 5, 6, 7, 10), { maxLength: 4 }),
});

function ticketsArb(days: number[]): fc.Arbitrary<Generated[]> {
  const age = fc.oneof(
    fc.tuple(fc.constantFrom(...days), fc.constantFrom(-1, 0, 1)).map(([d, ms]) => d * DAY + ms),
    fc.integer({ min: 0, max: 20 * DAY }),
  );
  return fc
    .array(
      fc.record({
        status: fc.constantFrom<Ticket['status']>('open', 'pending', 'pending', 'pending', 'resolved'),
        age: fc.option(age, { freq: 8 }),
        remindersSent: fc.integer({ min: 0, max: 4 }),
        isMajor: fc.boolean(),
      }),
      { maxLength: 40 },
    )
    .map((rows) =>
      rows.map((r) => ({
        status: r.status,
        // A pending ticket always has its start; others may keep a stale one (the rules look at the status first).
        pendingSince: r.age === null && r.status !== 'pending' ? null : new Date(NOW.getTime() - (r.age ?? 0)),
        remindersSent: r.remindersSent,
        isMajor: r.isMajor,
      })),
    );
}

describeEachDatabase("the jobs' SQL selects what the pure rules say is due", (ctx) => {
  let customerId: number;

  beforeAll(async () => {
    const person = await ctx().helpdesk.tickets.open(discord('dora'), {
      title: 'A first ticket',
      description: 'To have a customer.',
      type: 'request',
    });
    customerId = person.customerId;
  });

  async function store(tickets: Generated[]): Promise<number[]> {
    const { dataSource } = ctx();
    // The last run's tickets (they have no events or deliveries); the first ticket, open, is never due.
    await dataSource.query(`DELETE FROM ticket WHERE title = 'Generated'`);
    const rows: Array<{ id: number }> = await dataSource.query(
      `INSERT INTO ticket (title, description, type, status, resolution, priority, tier, customer_id, opened_by_id, platform, created_at, updated_at,
                           pending_since, reminders_sent, is_major)
       SELECT 'Generated', '', 'incident', g.status, CASE WHEN g.status = 'resolved' THEN 'resolved_by_staff' END, 'P3', 1, $2, $2,
              'discord', $3, $3, g.pending_since, g.reminders_sent, g.is_major
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (status text, pending_since timestamptz, reminders_sent smallint, is_major boolean))
            WITH ORDINALITY AS g(status, pending_since, reminders_sent, is_major, n)
       ORDER BY g.n
       RETURNING id`,
      [
        JSON.stringify(
          tickets.map((t) => ({
            status: t.status,
            pending_since: t.pendingSince?.toISOString() ?? null,
            reminders_sent: t.remindersSent,
            is_major: t.isMajor,
          })),
        ),
        customerId,
        NOW,
      ],
    );
    return rows.map((r) => r.id);
  }

  test('auto-close and reminders, on generated tickets and policies', async () => {
    await fc.assert(
      fc.asyncProperty(
        policyArb.chain((policy) =>
          fc.tuple(fc.constant(policy), ticketsArb([policy.autoCloseDays, ...policy.reminderDays])),
        ),
        async ([rules, tickets]) => {
          const ids = await store(tickets);
          const policy = { ...ctx().helpdesk.ctx.policy, ...rules };
          const service: ServiceContext = { ...ctx().helpdesk.ctx, policy };
          const idsWhere = (due: (t: Generated) => boolean) =>
            ids.filter((_, i) => due(tickets[i])).sort((a, b) => a - b);
          const selected = async (job: ReturnType<typeof remindersJob>) =>
            job ? (await selectDueTickets(service, job)).map((row) => Number(row.id)).sort((a, b) => a - b) : [];

          expect(await selected(autoCloseJob(NOW, policy))).toEqual(
            idsWhere((t) => dueForClosing(t, NOW, policy.autoCloseDays)),
          );
          expect(await selected(remindersJob(NOW, policy))).toEqual(
            idsWhere((t) => reminderDue(t, NOW, policy) !== null),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  test('the generator reaches every case: due to close, owed a reminder, and neither', async () => {
    const policy = { ...ctx().helpdesk.ctx.policy, autoCloseDays: 7, reminderDays: [2, 5] };
    const tickets = fc.sample(ticketsArb([7, 2, 5]), { numRuns: 30, seed: 21 }).flat();
    const closing = tickets.filter((t) => dueForClosing(t, NOW, 7)).length;
    const reminding = tickets.filter((t) => reminderDue(t, NOW, policy) !== null).length;
    expect(closing).toBeGreaterThan(0);
    expect(reminding).toBeGreaterThan(0);
    expect(tickets.length - closing - reminding).toBeGreaterThan(0);
  });
});
