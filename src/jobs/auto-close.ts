import type { Resolution } from '../core/model';
import { daysBefore, dueForClosing } from '../core/rules/auto-close';
import { resolve } from '../core/rules/transitions';
import type { ServiceContext } from '../core/services/context';
import { CLOCK_FIELDS } from '../core/services/ticket-columns';
import { changeDueTickets, PENDING_JOB_FIELDS, type BatchOptions, type DueTicketsJob } from './ticket-batch';

export const AUTO_CLOSE_JOB = 'auto-close';

const RESOLUTION: Resolution = 'closed_automatically';

/**
 * The auto-close as a batch job. Due (`dueForClosing`, in SQL): pending since the cutoff or
 * earlier. The change is the one `transitions.resolve` makes when a person resolves a ticket,
 * recorded as a status_changed event by the helpdesk (actor null); the core writes what follows
 * (the clock stops, a resolution past its target is marked breached, and a major incident's
 * parent closes its joined tickets "with the major incident").
 */
export function autoCloseJob(now: Date, policy: ServiceContext['policy']): DueTicketsJob {
  return {
    due: 't.pending_since <= $1',
    params: [daysBefore(now, policy.autoCloseDays)],
    // Closing moves the SLA clock: what the clock rule reads too.
    fields: [...PENDING_JOB_FIELDS, ...CLOCK_FIELDS],
    change: (ticket) =>
      dueForClosing(ticket, now, policy.autoCloseDays)
        ? {
            patch: resolve(ticket, RESOLUTION, now),
            event: { kind: 'status_changed', data: { from: ticket.status, to: 'resolved', resolution: RESOLUTION } },
          }
        : null,
  };
}

/**
 * Resolves as "closed automatically" every ticket pending for `policy.autoCloseDays` by `now`,
 * each with its event and deliveries in the same transaction, batch after batch until none is
 * due. Returns how many tickets it closed (joined tickets closed with their parent not counted).
 */
export async function autoCloseDueTickets(ctx: ServiceContext, now: Date, options: BatchOptions = {}): Promise<number> {
  return changeDueTickets(ctx, now, autoCloseJob(now, ctx.policy), options);
}
