import { DAY } from '../clock';
import type { Ticket } from '../model';

/**
 * A ticket waiting on a silent customer, as pure functions: when it is closed automatically, and
 * which reminders it is owed before that. The jobs select with SQL what these say is due (a test
 * holds the two to the same answers on generated tickets) and hand the tickets to the core.
 */

/** The instant `days` (possibly fractional) before `now`: 24-hour days, as everywhere in the core. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY);
}

/**
 * Due for closing by `now`: pending since `autoCloseDays` ago or earlier. A customer's reply makes
 * a pending ticket open (clearing pendingSince), and setting it pending again restarts the count,
 * so a ticket still pending since then has had no reply since; a supporter's comment changes neither.
 */
export function dueForClosing(
  ticket: Pick<Ticket, 'status' | 'pendingSince'>,
  now: Date,
  autoCloseDays: number,
): boolean {
  return (
    ticket.status === 'pending' &&
    !!ticket.pendingSince &&
    ticket.pendingSince.getTime() <= daysBefore(now, autoCloseDays).getTime()
  );
}

/**
 * The reminder days that can still come before the auto-close, ascending: a reminder on or after
 * the closing day would announce a close that has already happened.
 */
export function reminderDaysBeforeClose(policy: { reminderDays: readonly number[]; autoCloseDays: number }): number[] {
  return [...new Set(policy.reminderDays)].filter((day) => day > 0 && day < policy.autoCloseDays).sort((a, b) => a - b);
}

/**
 * The reminder owed to a pending ticket by `now`, if any: how many reminder days have passed since
 * it was set pending (`reached`), and the latest of them. One is owed while remindersSent <
 * reached; sending it sets remindersSent to `reached`, so a run that comes days late marks every
 * passed day done and sends one reminder, not several at once. A customer's reply ends the pending
 * period; setting it pending again resets remindersSent to 0: a new series.
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
 * The reminder the reminder job sends a ticket by `now`: one it is owed, unless the ticket is due
 * for closing (the auto-close closes it and says so; a reminder then would come after the fact).
 */
export function reminderDue(
  ticket: Pick<Ticket, 'status' | 'pendingSince' | 'remindersSent'>,
  now: Date,
  policy: { reminderDays: readonly number[]; autoCloseDays: number },
): { reached: number; day: number } | null {
  if (dueForClosing(ticket, now, policy.autoCloseDays)) return null;
  return reminderOwed(ticket, now, reminderDaysBeforeClose(policy));
}
