import type { Platform, Priority, Resolution, Ticket, TicketStatus, TicketType } from '../model';
import { DEFAULT_LANGUAGE, t, type Language, type TextKey } from '../texts';

/**
 * What the helpdesk says, in one place, so Discord and Slack say the same. A text is kept as its
 * catalog key and values (a `Message`), so what is stored to be sent later (a reminder at night)
 * is written in the reader's language when it is sent, not when it was planned.
 */
export interface Message {
  key: TextKey;
  params?: Record<string, MessageParam>;
}
/** A value in a text: plain, another text (said in the same language), or a moment (in the reader's time zone). */
export type MessageParam = string | number | Message | Moment;
export interface Moment {
  at: string;
  precision: 'day' | 'minute';
}

export interface SayOptions {
  /** The reader's time zone (IANA), where the platform tells it; UTC otherwise. */
  timeZone?: string;
}

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
const isMoment = (value: unknown): value is Moment =>
  typeof value === 'object' && value !== null && typeof (value as Moment).at === 'string';

/** `2026-12-05` or `2026-12-05 14:30 UTC`: the same figures in every language, in the reader's zone. */
export function formatMoment(moment: Moment, timeZone = 'UTC'): string {
  // In UTC the figures are those of the instant in ISO form (as a Moment keeps it, or made so, for
  // four-digit years): a batch of reminders says a day per ticket, and formatToParts took a
  // quarter of planning it.
  if (timeZone === 'UTC') {
    const iso = UTC_ISO.test(moment.at) ? moment.at : isoIfFourDigitYear(new Date(moment.at));
    if (iso) return moment.precision === 'day' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  }
  const at = new Date(moment.at);
  // Not a moment at all (a hand-edited row): said as stored, which no zone can fix.
  if (Number.isNaN(at.getTime())) return moment.at;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatIn(timeZone).formatToParts(at);
  } catch {
    // A zone this runtime does not know: UTC, said as such.
    return formatMoment(moment, 'UTC');
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  return moment.precision === 'day' ? day : `${day} ${part('hour')}:${part('minute')} ${timeZone}`;
}

const UTC_ISO = /^[1-9]\d{3}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;
const isoIfFourDigitYear = (at: Date) => {
  const year = at.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? at.toISOString() : null;
};

/**
 * The format of one zone, made once: making an Intl.DateTimeFormat costs far more than using one
 * (a batch of reminders names a closing day per ticket). Zones are few: the helpdesk's and its
 * readers'.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** A message in a language: its values filled in, texts within it said in the same language. */
export function say(language: Language, message: Message, options: SayOptions = {}): string {
  return sayWith((key, params) => t(language, key, params), message, options);
}

/** A message through a translator already bound to the reader's language (an adapter's `tr`). */
export function sayWith(
  translate: (key: TextKey, params?: Record<string, string | number>) => string,
  message: Message,
  options: SayOptions = {},
): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    params[name] = isMessage(value)
      ? sayWith(translate, value, options)
      : isMoment(value)
        ? formatMoment(value, options.timeZone)
        : value;
  }
  return translate(message.key, params);
}

/** An error's words: the message, and its English for logs and for code that does not know its reader. */
export function refusal(message: Message): { english: string; message: Message } {
  return { english: say(DEFAULT_LANGUAGE, message), message };
}

/**
 * What a helpdesk error says to its reader, in their language: its catalog message when it has
 * one, else its words as they were written.
 */
export function errorText(error: { message: string; text?: Message }, language: Language, options: SayOptions = {}) {
  return error.text ? say(language, error.text, options) : error.message;
}

/** Whether a stored value (a delivery's payload) holds a message to say. */
export function asMessage(value: unknown): Message | null {
  return isMessage(value) ? value : null;
}

export const msg = (key: TextKey, params?: Record<string, MessageParam>): Message => ({ key, params });
const day = (date: Date): Moment => ({ at: date.toISOString(), precision: 'day' });
const minute = (date: Date): Moment => ({ at: date.toISOString(), precision: 'minute' });
const numbers = (list: number[]) => list.map((n) => `#${n}`).join(', ');
type Target = 'first_response' | 'resolution';

export const ticketLabel = (ticket: Pick<Ticket, 'number'>) => `#${ticket.number}`;

export const typeLabel = (language: Language, type: TicketType) => t(language, `common.type.${type}`);
export const statusLabel = (language: Language, status: TicketStatus) => t(language, `common.status.${status}`);
export const priorityLabel = (language: Language, priority: Priority) => t(language, `common.priority.${priority}`);
export const resolutionLabel = (language: Language, resolution: Resolution) =>
  t(language, `ticket.resolution.${resolution}`);

const inEnglish = <K extends string>(keys: readonly K[], label: (language: Language, key: K) => string) =>
  Object.fromEntries(keys.map((k) => [k, label(DEFAULT_LANGUAGE, k)])) as Record<K, string>;

/** English labels, for code that has not been given a reader's language. */
export const TYPE_LABEL: Record<TicketType, string> = inEnglish(['incident', 'request'], typeLabel);
export const RESOLUTION_LABEL: Record<Resolution, string> = inEnglish(
  ['resolved_by_staff', 'solved_by_customer', 'closed_automatically', 'closed_with_major_incident'],
  resolutionLabel,
);
export const PRIORITY_LABEL: Record<Priority, string> = inEnglish(['P1', 'P2', 'P3', 'P4'], priorityLabel);

/** Platforms' own names, the same in every language. */
export const PLATFORM_LABEL: Record<Platform, string> = { discord: 'Discord', slack: 'Slack' };

/** Every message the core plans or answers with, as a key and its values. */
export const notices = {
  closedByErasure: (ticket: Pick<Ticket, 'number'>) => msg('notify.closedByErasure', { number: ticket.number }),
  opened: (ticket: Pick<Ticket, 'number' | 'title'>) =>
    msg('ticket.opened', { number: ticket.number, title: ticket.title }),
  pending: (ticket: Pick<Ticket, 'number'>) => msg('ticket.pending', { number: ticket.number }),
  resolved: (ticket: Pick<Ticket, 'number'>, resolution: Resolution, reopenDays: number) =>
    msg('ticket.resolved', {
      number: ticket.number,
      resolution: msg(`ticket.resolution.${resolution}`),
      reopen: msg('card.action.reopen'),
      count: reopenDays,
    }),
  reminder: (ticket: Pick<Ticket, 'number'>, closesAt: Date) =>
    msg('ticket.reminder', { number: ticket.number, closesOn: day(closesAt) }),
  reopened: (ticket: Pick<Ticket, 'number'>) => msg('ticket.reopened', { number: ticket.number }),
  assignedToYou: (ticket: Pick<Ticket, 'number' | 'title'>) =>
    msg('notify.assignedToYou', { number: ticket.number, title: ticket.title }),
  escalatedToYou: (ticket: Pick<Ticket, 'number' | 'title' | 'tier'>) =>
    msg('notify.escalatedToYou', { number: ticket.number, title: ticket.title, tier: ticket.tier }),
  customerAnswered: (ticket: Pick<Ticket, 'number' | 'title'>) =>
    msg('notify.customerAnswered', { number: ticket.number, title: ticket.title }),
  waitingForSupporter: (ticket: Pick<Ticket, 'number' | 'title' | 'tier'>) =>
    msg('notify.waitingForSupporter', { number: ticket.number, title: ticket.title, tier: ticket.tier }),
  slaWarning: (ticket: Pick<Ticket, 'number' | 'title'>, target: Target, dueAt: Date) =>
    msg('notify.slaWarning', {
      number: ticket.number,
      title: ticket.title,
      target: msg(`notify.dueTarget.${target}`),
      dueAt: minute(dueAt),
    }),
  slaBreached: (ticket: Pick<Ticket, 'number' | 'title' | 'tier' | 'priority'>, target: Target) =>
    msg('notify.slaBreached', {
      number: ticket.number,
      title: ticket.title,
      priority: ticket.priority,
      tier: ticket.tier,
      target: msg(`notify.missedTarget.${target}`),
    }),
  rated: (ticket: Pick<Ticket, 'number'>, score: number) => msg('ticket.rated', { number: ticket.number, score }),
  majorDeclared: (parent: Pick<Ticket, 'number' | 'title'>, joined: number[]) =>
    msg('notify.majorDeclared', { number: parent.number, title: parent.title, numbers: numbers(joined) }),
  majorResolved: (parent: Pick<Ticket, 'number' | 'title'>) =>
    msg('notify.majorResolved', { number: parent.number, title: parent.title }),
  knownProblem: (ticket: Pick<Ticket, 'number'>, parentNumber?: number) =>
    msg('ticket.knownProblem', {
      number: ticket.number,
      major: parentNumber ? msg('ticket.knownProblemMajor', { parent: parentNumber }) : '',
    }),
  followUpOpened: (old: Pick<Ticket, 'number'>, next: Pick<Ticket, 'number'>) =>
    msg('ticket.followUpOpened', { old: old.number, number: next.number }),
  /** Said alike for a ticket that does not exist and one the reader may not see. */
  noTicket: (ticket: Pick<Ticket, 'number'>) => msg('errors.noTicket', { number: ticket.number }),
  linkConfirm: (redeemer: string, platform: Platform) =>
    msg('people.linkConfirm', { name: redeemer, platform: PLATFORM_LABEL[platform] }),
  linkConfirmed: (platform: Platform) => msg('people.linkConfirmed', { platform: PLATFORM_LABEL[platform] }),
  linkRefused: () => msg('people.linkRefused'),
  /** One answer for every code that can't be used, so a guess learns nothing about which codes exist. */
  linkCodeUnusable: () => msg('people.linkCodeUnusable'),
  linkTooManyAttempts: (perHour: number) => msg('people.linkTooManyAttempts', { perHour }),
} satisfies Record<string, (...args: never[]) => Message>;

type Notices = typeof notices;
const english =
  <K extends keyof Notices>(key: K) =>
  (...args: Parameters<Notices[K]>): string =>
    say(DEFAULT_LANGUAGE, (notices[key] as (...a: Parameters<Notices[K]>) => Message)(...args));

/** The same messages in English, for code that answers before it knows its reader. */
export const messages = {
  closedByErasure: english('closedByErasure'),
  opened: english('opened'),
  pending: english('pending'),
  resolved: english('resolved'),
  reminder: english('reminder'),
  reopened: english('reopened'),
  assignedToYou: english('assignedToYou'),
  escalatedToYou: english('escalatedToYou'),
  customerAnswered: english('customerAnswered'),
  waitingForSupporter: english('waitingForSupporter'),
  slaWarning: english('slaWarning'),
  slaBreached: english('slaBreached'),
  rated: english('rated'),
  majorDeclared: english('majorDeclared'),
  majorResolved: english('majorResolved'),
  knownProblem: english('knownProblem'),
  followUpOpened: english('followUpOpened'),
  noTicket: english('noTicket'),
  linkConfirm: english('linkConfirm'),
  linkConfirmed: english('linkConfirmed'),
  linkRefused: english('linkRefused'),
  linkCodeUnusable: say(DEFAULT_LANGUAGE, notices.linkCodeUnusable()),
  linkTooManyAttempts: english('linkTooManyAttempts'),
};

/** A person as a refusal names them: their display name, else "That person" in the reader's language. */
export const nameOf = (person: { displayName?: string | null }): MessageParam =>
  person.displayName || msg('refusals.thatPerson');
