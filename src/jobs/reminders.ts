import type { Ticket } from '../core/model';
import type { ServiceContext } from '../core/services/context';
import { changeDueTickets, daysBefore, type BatchOptions, type DueTicketsJob } from './ticket-batch';

export const REMINDERS_JOB = 'reminders';

/**
 * The reminder days that can still come before the auto-close, ascending: a reminder on or after
 * the closing day would announce a close that has already happened.
 */
export function reminderDaysBeforeClose(policy: ServiceContext['policy']): number[] {
  return [...new Set(policy.reminderDays)].filter((day) => day > 0 && day < policy.autoCloseDays).sort((a, b) => a - b);
}

/**
 * The reminder owed to a pending ticket by `now`, if any: how many reminder days have passed since
 * it was set pending (`reached`), and the latest of them. One is owed while reminders_sent <
 * reached; sending it sets reminders_sent to `reached`, so a run that comes days late marks every
 * passed day done and sends one reminder, not several at once. A customer's reply ends the pending
 * period; setting it pending again resets reminders_sent to 0: a new series.
 */
export function reminderOwed(
  ticket: Pick<Ticket, 'status' | 'pendingSince' | 'remindersSent'>,
  now: Date,
  days: number[],
): { reached: number; day: number } | null {
  if (ticket.status !== 'pending' || !ticket.pendingSince) return null;
  const since = ticket.pendingSince.getTime();
  const reached = days.filter((day) => since <= daysBefore(now, day).getTime()).length;
  return reached > ticket.remindersSent ? { reached, day: days[reached - 1] } : null;
}

/**
 * The reminders as a batch job. Due (the same test as `reminderOwed`, in SQL): pending since the
 * first reminder day's cutoff or earlier, fewer reminders sent than days passed, and not yet due
 * to close (the auto-close job closes those; a reminder then would come after the fact).
 */
export function remindersJob(now: Date, policy: ServiceContext['policy']): DueTicketsJob | null {
  const days = reminderDaysBeforeClose(policy);
  if (days.length === 0) return null;
  const dayCutoffs = days.map((day) => daysBefore(now, day));
  return {
    due: `t.pending_since <= $1 AND t.pending_since > $2
          AND t.reminders_sent < (SELECT count(*) FROM unnest($3::timestamptz[]) AS day_cutoff(at) WHERE t.pending_since <= day_cutoff.at)`,
    params: [dayCutoffs[0], daysBefore(now, policy.autoCloseDays), dayCutoffs],
    change: (ticket) => {
      const owed = reminderOwed(ticket, now, days);
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
