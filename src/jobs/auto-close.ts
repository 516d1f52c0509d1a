import type { Resolution } from '../core/model';
import { resolve } from '../core/rules/transitions';
import { transaction, type ServiceContext } from '../core/services/context';
import { resolveInTx } from '../core/services/tickets';
import { lockTicketByIdIn } from '../core/services/ticket-store';
import { changeDueTickets, daysBefore, type BatchOptions, type DueTicketsJob } from './ticket-batch';

export const AUTO_CLOSE_JOB = 'auto-close';

const RESOLUTION: Resolution = 'closed_automatically';

/**
 * The auto-close as a batch job. Due: pending since the cutoff or earlier. A customer's reply
 * makes a pending ticket open (clearing pending_since) and setting it pending again restarts the
 * clock, so a ticket still pending since the cutoff has had no reply since; a supporter's comment
 * changes neither. The change is the one `transitions.resolve` makes when a person resolves a
 * ticket, recorded as a status_changed event by the helpdesk (actor null). Major incidents' parents
 * are left to `closeDueMajorIncidents`: closing one closes its joined tickets, which a batch
 * write of single tickets cannot do.
 */
export function autoCloseJob(now: Date, policy: ServiceContext['policy']): DueTicketsJob {
  return {
    due: 't.pending_since <= $1 AND NOT t.is_major',
    params: [daysBefore(now, policy.autoCloseDays)],
    change: (ticket) => ({
      patch: resolve(ticket, RESOLUTION, now),
      event: { kind: 'status_changed', data: { from: ticket.status, to: 'resolved', resolution: RESOLUTION } },
    }),
  };
}

/**
 * Resolves as "closed automatically" every ticket pending for `policy.autoCloseDays` by `now`,
 * each with its event and deliveries in the same transaction, batch after batch until none is
 * due. Returns how many tickets it closed (joined tickets closed with their parent not counted).
 */
export async function autoCloseDueTickets(ctx: ServiceContext, now: Date, options: BatchOptions = {}): Promise<number> {
  const single = await changeDueTickets(ctx, now, autoCloseJob(now, ctx.policy), options);
  return single + (await closeDueMajorIncidents(ctx, now, options));
}

/**
 * Due major-incident parents (rare: a handful at most) are handed to the core's resolution one at
 * a time, as a person's resolving them is, so each closes its joined tickets "with the major
 * incident" and every customer is told.
 */
async function closeDueMajorIncidents(ctx: ServiceContext, now: Date, options: BatchOptions): Promise<number> {
  const cutoff = daysBefore(now, ctx.policy.autoCloseDays);
  const due: Array<{ id: number }> = await ctx.dataSource.query(
    `SELECT id FROM ticket WHERE is_major AND status = 'pending' AND pending_since <= $1 ORDER BY pending_since, id`,
    [cutoff],
  );
  const runCtx: ServiceContext = { ...ctx, clock: { now: () => now } };
  let closed = 0;
  for (const { id } of due) {
    if (options.signal?.aborted) break;
    const done = await transaction(runCtx, async (tx) => {
      const parent = await lockTicketByIdIn(tx, id);
      // Answered or reopened since it was read: no longer due.
      if (parent.status !== 'pending' || !parent.pendingSince || parent.pendingSince > cutoff) return false;
      await resolveInTx(tx, parent, null, RESOLUTION);
      return true;
    });
    if (done) {
      closed++;
      if (options.progress) options.progress.rowsAffected++;
    }
  }
  return closed;
}
