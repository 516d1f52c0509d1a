import { PRIORITIES, type Priority, type Ticket } from '../model';
import { msg, type Message } from './messages';
import { addBusinessSeconds, businessSecondsBetween, type BusinessCalendar } from './business-hours';

/**
 * The SLA clock as plain data and pure functions.
 *
 * A ticket's clock counts business seconds while the ticket waits on support (status open): it
 * starts when the ticket is opened, stops while it is pending or resolved, and runs again when it
 * opens again. It is stored as the seconds counted before the current running stretch
 * (`slaElapsedSeconds`) and when that stretch began (`slaRunningSince`, null while stopped), so a
 * pause only has to fold the stretch into the count. From those and the targets of the ticket's
 * priority come the due times shown to people and the next instant the sweep must look at.
 */
export const SLA_TARGETS = ['first_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

export interface SlaTargets {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}
export type SlaPolicy = Record<Priority, SlaTargets>;

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  P1: { firstResponseMinutes: 60, resolutionMinutes: 4 * 60 },
  P2: { firstResponseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
  P3: { firstResponseMinutes: 24 * 60, resolutionMinutes: 3 * 24 * 60 },
  P4: { firstResponseMinutes: 3 * 24 * 60, resolutionMinutes: 7 * 24 * 60 },
};

/** The share of a target after which the assignee is warned. */
export const WARN_AT = 0.8;

/** Whether a change moves the clock: a status, the priority (its targets), the first response, joining or leaving a major incident. */
export function movesClock(before: ClockedTicket, after: ClockedTicket): boolean {
  return (
    before.status !== after.status ||
    before.priority !== after.priority ||
    (!before.firstResponseAt && !!after.firstResponseAt) ||
    (before.majorIncidentId ?? null) !== (after.majorIncidentId ?? null)
  );
}

/** Everything the clock needs besides the ticket: the targets and the business hours (null: 24×7). */
export interface SlaSetup {
  policy: SlaPolicy;
  calendar: BusinessCalendar | null;
}

export type SlaClock = Pick<
  Ticket,
  | 'slaElapsedSeconds'
  | 'slaRunningSince'
  | 'firstResponseDueAt'
  | 'resolutionDueAt'
  | 'slaNextCheckAt'
  | 'firstResponseWarnedAt'
  | 'firstResponseBreachedAt'
  | 'resolutionWarnedAt'
  | 'resolutionBreachedAt'
>;

type ClockedTicket = Pick<Ticket, 'status' | 'priority' | 'firstResponseAt'> &
  Partial<Pick<Ticket, 'majorIncidentId'>> &
  SlaClock;

/**
 * The clock runs only while the ticket waits on support, and not while it has joined a major
 * incident (the parent's clock is the one that counts then).
 */
export function clockRuns(ticket: Pick<Ticket, 'status'> & Partial<Pick<Ticket, 'majorIncidentId'>>): boolean {
  return ticket.status === 'open' && !ticket.majorIncidentId;
}

/** Business seconds counted by `now`, including the running stretch. */
export function elapsedSeconds(
  ticket: Pick<SlaClock, 'slaElapsedSeconds' | 'slaRunningSince'>,
  now: Date,
  calendar: BusinessCalendar | null,
): number {
  const running = ticket.slaRunningSince ? businessSecondsBetween(ticket.slaRunningSince, now, calendar) : 0;
  return ticket.slaElapsedSeconds + running;
}

/** A clock that has never run: no time counted, nothing due, no marks. */
export const UNSTARTED_CLOCK: SlaClock = Object.freeze({
  slaElapsedSeconds: 0,
  slaRunningSince: null,
  firstResponseDueAt: null,
  resolutionDueAt: null,
  slaNextCheckAt: null,
  firstResponseWarnedAt: null,
  firstResponseBreachedAt: null,
  resolutionWarnedAt: null,
  resolutionBreachedAt: null,
});

/** The clock of a ticket opened at `now` (its priority already set). */
export function startClock(
  ticket: Pick<Ticket, 'status' | 'priority' | 'firstResponseAt'> & Partial<Pick<Ticket, 'majorIncidentId'>>,
  setup: SlaSetup,
  now: Date,
): SlaClock {
  const clock: SlaClock = { ...UNSTARTED_CLOCK, slaRunningSince: clockRuns(ticket) ? now : null };
  return { ...clock, ...dueTimes({ ...ticket, ...clock }, setup) };
}

/**
 * What a change to a ticket does to its clock: `before` and `after` are the ticket around a
 * change (a status, priority or first response); the answer is the clock fields to write. A
 * change that touches none of those leaves the clock alone. A target missed at the moment it is
 * met (a first response after its due time, a resolution after its) is marked breached then, so
 * figures never depend on whether the sweep came by in between.
 */
export function clockAfterChange(
  before: ClockedTicket,
  after: ClockedTicket,
  setup: SlaSetup,
  now: Date,
): Partial<SlaClock> {
  if (!movesClock(before, after)) return {};
  const targets = setup.policy[after.priority];
  const elapsed = Math.round(elapsedSeconds(before, now, setup.calendar));
  const marks: Partial<SlaClock> = {};
  if (
    !before.firstResponseAt &&
    after.firstResponseAt &&
    !before.firstResponseBreachedAt &&
    elapsed > targets.firstResponseMinutes * 60
  ) {
    marks.firstResponseBreachedAt = now;
  }
  if (
    after.status === 'resolved' &&
    before.status !== 'resolved' &&
    !before.resolutionBreachedAt &&
    elapsed > targets.resolutionMinutes * 60
  ) {
    marks.resolutionBreachedAt = now;
  }
  const clock: ClockedTicket = {
    ...after,
    ...marks,
    slaElapsedSeconds: elapsed,
    slaRunningSince: clockRuns(after) ? now : null,
  };
  return { ...marks, slaElapsedSeconds: elapsed, slaRunningSince: clock.slaRunningSince, ...dueTimes(clock, setup) };
}

/** What the sweep owes a ticket at `now`: warnings and breaches not yet marked, and the new clock fields. */
export interface SlaCheck {
  warn: SlaTarget[];
  breach: SlaTarget[];
  patch: Partial<SlaClock>;
}

/**
 * The sweep's rule for one ticket. A target passes its warning at WARN_AT of its time and its
 * breach at all of it; each is marked once. A sweep that comes after both (the app was down)
 * marks the warning done and reports only the breach: a warning then would be news of the past.
 */
export function checkClock(ticket: ClockedTicket, setup: SlaSetup, now: Date): SlaCheck {
  const check: SlaCheck = { warn: [], breach: [], patch: {} };
  if (!ticket.slaRunningSince) return { ...check, patch: { slaNextCheckAt: null } };
  const targets = setup.policy[ticket.priority];
  // One second of slack: the stored count is whole seconds, the due instants are exact.
  const elapsed = elapsedSeconds(ticket, now, setup.calendar) + 1;
  const consider = (target: SlaTarget, minutes: number, warned: keyof SlaClock, breached: keyof SlaClock) => {
    if (ticket[breached]) return;
    if (elapsed >= minutes * 60) {
      check.breach.push(target);
      (check.patch as Record<string, Date>)[breached] = now;
      if (!ticket[warned]) (check.patch as Record<string, Date>)[warned] = now;
    } else if (!ticket[warned] && elapsed >= minutes * 60 * WARN_AT) {
      check.warn.push(target);
      (check.patch as Record<string, Date>)[warned] = now;
    }
  };
  if (!ticket.firstResponseAt)
    consider('first_response', targets.firstResponseMinutes, 'firstResponseWarnedAt', 'firstResponseBreachedAt');
  consider('resolution', targets.resolutionMinutes, 'resolutionWarnedAt', 'resolutionBreachedAt');
  // Due times too: after a policy change the sweep is what brings every running clock up to date.
  const due = dueTimes({ ...ticket, ...check.patch }, setup);
  const next = due.slaNextCheckAt;
  // Never a next look at or before now: a run must not find the same ticket due again.
  Object.assign(check.patch, due, {
    slaNextCheckAt: next && next.getTime() <= now.getTime() ? new Date(now.getTime() + 1000) : next,
  });
  return check;
}

/** Due times and the sweep's next look, from the clock as it stands. */
function dueTimes(
  ticket: ClockedTicket,
  setup: SlaSetup,
): Pick<SlaClock, 'firstResponseDueAt' | 'resolutionDueAt' | 'slaNextCheckAt'> {
  const since = ticket.slaRunningSince;
  if (!since) return { firstResponseDueAt: null, resolutionDueAt: null, slaNextCheckAt: null };
  const targets = setup.policy[ticket.priority];
  // A threshold already behind the count is due now (the sweep takes it at its next run).
  const at = (seconds: number) =>
    addBusinessSeconds(since, Math.max(0, seconds - ticket.slaElapsedSeconds), setup.calendar);
  const firstResponseDueAt = ticket.firstResponseAt ? null : at(targets.firstResponseMinutes * 60);
  const resolutionDueAt = at(targets.resolutionMinutes * 60);
  const looks: Date[] = [];
  if (!ticket.firstResponseAt) {
    if (!ticket.firstResponseWarnedAt) looks.push(at(targets.firstResponseMinutes * 60 * WARN_AT));
    if (!ticket.firstResponseBreachedAt) looks.push(firstResponseDueAt!);
  }
  if (!ticket.resolutionWarnedAt) looks.push(at(targets.resolutionMinutes * 60 * WARN_AT));
  if (!ticket.resolutionBreachedAt) looks.push(resolutionDueAt);
  const next = looks.length > 0 ? new Date(Math.min(...looks.map((d) => d.getTime()))) : null;
  return { firstResponseDueAt, resolutionDueAt, slaNextCheckAt: next };
}

/** The due time that matters most now: the first response while none was given, else the resolution. */
export function nextDueAt(ticket: Pick<Ticket, 'firstResponseDueAt' | 'resolutionDueAt'>): Date | null {
  return ticket.firstResponseDueAt ?? ticket.resolutionDueAt;
}

/** Reads "90m", "4h", "1d", "1d 4h" as minutes. */
export function parseDuration(text: string): number | null {
  const parts = text
    .trim()
    .toLowerCase()
    .match(/^(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?$/);
  if (!parts || text.trim() === '') return null;
  const minutes = Number(parts[1] ?? 0) * 1440 + Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0);
  return minutes > 0 ? minutes : null;
}

/** Minutes as people write them: "1h", "1d", "1d 4h", "90m" → "1h 30m". */
export function formatDuration(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d && `${d}d`, h && `${h}h`, m && `${m}m`].filter(Boolean).join(' ') || '0m';
}

export function checkPolicy(policy: SlaPolicy): Message[] {
  const problems: Message[] = [];
  for (const p of PRIORITIES) {
    const t = policy[p];
    if (t.firstResponseMinutes > t.resolutionMinutes)
      problems.push(msg('refusals.firstAfterResolution', { priority: p }));
  }
  return problems;
}
