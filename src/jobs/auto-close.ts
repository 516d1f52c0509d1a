import type { Resolution } from '../core/model';
import { resolve } from '../core/rules/transitions';
import type { ServiceContext } from '../core/services/context';
import { changeDueTickets, daysBefore, type BatchOptions, type DueTicketsJob } from './ticket-batch';

export const AUTO_CLOSE_JOB = 'auto-close';

const RESOLUTION: Resolution = 'closed_automatically';

/**
 * The auto-close as a batch job. Due: pending since the cutoff or earlier. A customer's reply
 * makes a pending ticket open (clearing pending_since) and setting it pending again restarts the
 * clock, so a ticket still pending since the cutoff has had no reply since; a supporter's comment
 * changes neither. The change is the one `transitions.resolve` makes when a person resolves a
 * ticket, recorded as a status_changed event by the helpdesk (actor null).
 */
export function autoCloseJob(now: Date, policy: ServiceContext['policy']): DueTicketsJob {
  return {
    due: 't.pending_since <= $1',
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
 * due. Returns how many tickets it closed.
 */
export function autoCloseDueTickets(ctx: ServiceContext, now: Date, options: BatchOptions = {}): Promise<number> {
  return changeDueTickets(ctx, now, autoCloseJob(now, ctx.policy), options);
}
