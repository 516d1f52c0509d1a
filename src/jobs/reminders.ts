import { daysBefore, reminderDaysBeforeClose, reminderDue } from '../core/rules/auto-close';
import type { ServiceContext } from '../core/services/context';
import type { TicketField } from '../core/services/ticket-columns';
import { changeDueTickets, type BatchOptions, type DueTicketsJob } from './ticket-batch';

export { reminderDaysBeforeClose, reminderOwed } from '../core/rules/auto-close';

export const REMINDERS_JOB = 'reminders';

/**
 * What a reminder reads of a due ticket: its rule's inputs (status, pending since, reminders
 * sent), and what its notice names and where it goes (the ticket's number, platform and people,
 * whether it is a major incident's parent). Not the rest of the row: a reminder changes only its
 * count and moves no clock, and every column more is read for each of 100k due tickets.
 */
const REMINDER_FIELDS: readonly TicketField[] = [
  'id',
  'number',
  'status',
  'platform',
  'customerId',
  'assigneeId',
  'pendingSince',
  'remindersSent',
  'isMajor',
  'majorIncidentId',
];

/**
 * The reminders as a batch job. Due (`reminderDue`, in SQL): pending since the first reminder
 * day's cutoff or earlier, fewer reminders sent than days passed, and not yet due to close (the
 * auto-close job closes those; a reminder then would come after the fact).
 */
export function remindersJob(now: Date, policy: ServiceContext['policy']): DueTicketsJob | null {
  const days = reminderDaysBeforeClose(policy);
  if (days.length === 0) return null;
  const dayCutoffs = days.map((day) => daysBefore(now, day));
  return {
    due: `t.pending_since <= $1 AND t.pending_since > $2
          AND t.reminders_sent < (SELECT count(*) FROM unnest($3::timestamptz[]) AS day_cutoff(at) WHERE t.pending_since <= day_cutoff.at)`,
    params: [dayCutoffs[0], daysBefore(now, policy.autoCloseDays), dayCutoffs],
    fields: REMINDER_FIELDS,
    change: (ticket) => {
      const owed = reminderDue(ticket, now, policy);
      if (!owed) return null;
      return {
        patch: { remindersSent: owed.reached },
        event: { kind: 'reminded', data: { day: owed.day, pendingSince: ticket.pendingSince!.toISOString() } },
      };
    },
  };
}

/**
 * Sends the reminders due by `now` on pending tickets (`policy.reminderDays` after pending_since),
 * once per day per pending period, each with its `reminded` event and deliveries in the same
 * transaction, batch after batch until none is due. Returns how many tickets were reminded.
 */
export async function sendDueReminders(ctx: ServiceContext, now: Date, options: BatchOptions = {}): Promise<number> {
  const job = remindersJob(now, ctx.policy);
  return job ? changeDueTickets(ctx, now, job, options) : 0;
}
