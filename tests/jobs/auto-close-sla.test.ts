import { DAY, HOUR } from '../../src/core/clock';
import { autoCloseDueTickets } from '../../src/jobs/auto-close';
import { describeEachDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';
import { SUPPORTER } from './job-helpers';

/**
 * The auto-close changes a ticket through the core, as a person's resolving does: the SLA clock
 * is settled, and a resolution that comes after its target is marked breached at that moment
 * (the default P3 target is three days of open time).
 */
describeEachDatabase('auto-close and the SLA clock', (ctx) => {
  const customer = discord('cleo');

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1' });
  });

  async function clockOf(id: number) {
    const [row] = await ctx().dataSource.query(
      `SELECT status, sla_elapsed_seconds, sla_running_since, resolution_due_at, sla_next_check_at, resolution_breached_at
       FROM ticket WHERE id = $1`,
      [id],
    );
    return row;
  }

  async function closedAfterOpenFor(openMs: number) {
    const { helpdesk, clock } = ctx();
    const ticket = await helpdesk.tickets.open(customer, {
      title: 'VPN drops',
      description: 'Every hour.',
      type: 'incident',
    });
    clock.advance(openMs);
    await helpdesk.tickets.setPending(SUPPORTER, { ticketNumber: ticket.number });
    clock.advance(7 * DAY);
    const closedAt = clock.now();
    expect(await autoCloseDueTickets(helpdesk.ctx, closedAt)).toBeGreaterThanOrEqual(1);
    return { id: ticket.id, closedAt };
  }

  test('open past its resolution target before it was set pending: closing marks the resolution breached', async () => {
    const { id, closedAt } = await closedAfterOpenFor(3 * DAY + HOUR);
    expect(await clockOf(id)).toEqual({
      status: 'resolved',
      sla_elapsed_seconds: 3 * 86_400 + 3_600,
      sla_running_since: null,
      resolution_due_at: null,
      sla_next_check_at: null,
      resolution_breached_at: closedAt,
    });
  });

  test('within its target: closed, the clock stopped, nothing marked', async () => {
    const { id } = await closedAfterOpenFor(2 * DAY);
    expect(await clockOf(id)).toEqual({
      status: 'resolved',
      sla_elapsed_seconds: 2 * 86_400,
      sla_running_since: null,
      resolution_due_at: null,
      sla_next_check_at: null,
      resolution_breached_at: null,
    });
  });
});
