import type { HelpdeskPolicy } from '../policy';
import type { Platform, Resolution, Ticket } from '../model';
import { DAY } from '../clock';
import { DEFAULT_LANGUAGE } from '../texts';
import { notices, say, type Message } from './messages';
import type { TicketEventData } from '../events';

/**
 * Who is told what about a ticket event: one pure function from the event to deliveries. The
 * adapters' senders turn each delivery into platform messages; internal notes only ever go to the
 * staff side.
 */
/** An event as the rule reads it: its kind and that kind's data (events.ts), its id and who acted. */
export type TicketEventFacts = TicketEventData & { id: number; actorId: number | null };

export interface Recipient {
  personId: number;
  platforms: Platform[];
}

export interface NotificationContext {
  ticket: Ticket;
  event: TicketEventFacts;
  customer: Recipient;
  assignee: Recipient | null;
  admins: Recipient[];
  policy: Pick<HelpdeskPolicy, 'reopenDays' | 'autoCloseDays'>;
}

export type DeliveryKind =
  | 'ticket.created'
  | 'ticket.card'
  | 'ticket.member'
  | 'ticket.notice'
  | 'comment.public'
  | 'comment.internal'
  | 'comment.redacted'
  | 'ticket.redacted'
  | 'ticket.erased'
  | 'person.dm'
  | 'person.erased'
  | 'staff.alert'
  | 'major.proposal';

export interface DeliveryDraft {
  platform: Platform;
  destination: string;
  kind: DeliveryKind;
  payload: Record<string, unknown>;
}

/**
 * What a delivery says, as stored: the message (key and values), written in the reader's language
 * when it is sent (see DeliveryViews.textOf), and its English text as planned, which an instance of
 * the previous build still sends during a rolling upgrade (instances share the queue).
 */
export function said(message: Message): { text: string; message: Message } {
  return { text: say(DEFAULT_LANGUAGE, message), message };
}

export const ticketDestination = (ticketId: number) => `ticket:${ticketId}`;
export const personDestination = (personId: number) => `person:${personId}`;
export const proposalDestination = (proposalId: number) => `proposal:${proposalId}`;
/** The staff side of the ticket's platform: Discord's staff channel, Slack's support channel. */
export const STAFF_DESTINATION = 'staff';

/** A direct message goes out on the ticket's platform when the person is there, else where they are. */
function dmPlatform(recipient: Recipient, preferred: Platform): Platform | null {
  if (recipient.platforms.includes(preferred)) return preferred;
  return recipient.platforms[0] ?? null;
}

/** An assignment (or none) chosen as the ticket was opened, in the same transaction. */
const madeAtOpening = (event: Extract<TicketEventFacts, { kind: 'assigned' | 'waiting' }>) => event.data.how === 'auto';

export function planDeliveries(context: NotificationContext): DeliveryDraft[] {
  const { ticket, event } = context;
  const out: DeliveryDraft[] = [];
  const toTicket = (kind: DeliveryKind, payload: Record<string, unknown> = {}) =>
    out.push({ platform: ticket.platform, destination: ticketDestination(ticket.id), kind, payload });
  const tellCustomer = (message: Message, extra: Record<string, unknown> = {}) =>
    toTicket('ticket.notice', { audience: 'customer', ...said(message), ...extra });
  const alertStaff = (message: Message, platforms: readonly Platform[] = [ticket.platform]) => {
    for (const platform of platforms)
      out.push({
        platform,
        destination: STAFF_DESTINATION,
        kind: 'staff.alert',
        payload: { ...said(message), ticketId: ticket.id },
      });
  };
  const platformsIn = (platforms: readonly Platform[] | undefined): readonly Platform[] =>
    platforms && platforms.length > 0 ? platforms : [ticket.platform];
  const dm = (recipient: Recipient | null, message: Message) => {
    if (!recipient || recipient.personId === event.actorId) return;
    const platform = dmPlatform(recipient, ticket.platform);
    if (platform)
      out.push({
        platform,
        destination: personDestination(recipient.personId),
        kind: 'person.dm',
        payload: { ...said(message), ticketId: ticket.id },
      });
  };

  // A major incident's parent has no customer and no thread of its own: staff hear of it in their
  // channels on every platform its tickets are on, and its assignee by direct message.
  if (ticket.isMajor) {
    if (event.kind === 'major_declared')
      alertStaff(notices.majorDeclared(ticket, event.data.ticketNumbers), platformsIn(event.data.platforms));
    if (event.kind === 'assigned') dm(context.assignee, notices.assignedToYou(ticket));
    if (event.kind === 'status_changed' && event.data.to === 'resolved') alertStaff(notices.majorResolved(ticket));
    if (event.kind === 'sla_warning')
      dm(context.assignee, notices.slaWarning(ticket, event.data.target, new Date(String(event.data.dueAt))));
    if (event.kind === 'sla_breached') alertStaff(notices.slaBreached(ticket, event.data.target));
    return out;
  }

  switch (event.kind) {
    case 'opened':
      // The customer's "opened" notice rides with the ticket's first post (Discord: the card in
      // its thread; Slack: the DM) rather than as a message of its own: one platform call fewer
      // per ticket, and rate limits are shared by every ticket.
      toTicket('ticket.created', { notice: said(notices.opened(ticket)).text, noticeMessage: notices.opened(ticket) });
      break;
    case 'assigned': {
      // The opening's own assignment (how 'auto') is committed with the opening, so its
      // ticket.created (drawn from the ticket when sent) already shows it and adds the assignee.
      if (!madeAtOpening(event)) {
        toTicket('ticket.card');
        toTicket('ticket.member', { personId: event.data.assigneeId });
      }
      dm(
        context.assignee,
        event.data.how === 'escalate' ? notices.escalatedToYou(ticket) : notices.assignedToYou(ticket),
      );
      break;
    }
    case 'waiting':
      if (!madeAtOpening(event)) toTicket('ticket.card');
      for (const admin of context.admins) dm(admin, notices.waitingForSupporter(ticket));
      break;
    case 'commented': {
      // A comment written in another ticket's place (the late reply that opened this follow-up) says so, to be posted here too.
      const elsewhere =
        event.data.writtenInTicketId === undefined ? {} : { writtenInTicketId: event.data.writtenInTicketId };
      toTicket('comment.public', { commentId: event.data.commentId, byCustomer: event.data.byCustomer, ...elsewhere });
      if (event.data.firstResponse) toTicket('ticket.card');
      if (event.data.byCustomer) dm(context.assignee, notices.customerAnswered(ticket));
      break;
    }
    case 'noted':
      toTicket('comment.internal', { commentId: event.data.commentId });
      break;
    case 'comment_redacted': {
      // Each platform the comment is on (written there, or copied there by the bot) takes its text
      // off: in the ticket's queue, so a copy still being posted is out before it is edited.
      const elsewhere =
        event.data.writtenInTicketId === undefined ? {} : { writtenInTicketId: event.data.writtenInTicketId };
      for (const platform of platformsIn(event.data.platforms)) {
        out.push({
          platform,
          destination: ticketDestination(ticket.id),
          kind: 'comment.redacted',
          payload: { commentId: event.data.commentId, ...elsewhere },
        });
      }
      break;
    }
    case 'ticket_redacted':
      // A rating's comment was never posted anywhere; a title or description is on the card and in what the bot posted first.
      if (event.data.part !== 'rating') toTicket('ticket.redacted', { part: event.data.part });
      break;
    case 'ticket_erased':
      // What to take off comes with the delivery (the erasure clears it from the ticket); staff hear of a ticket it closed.
      toTicket('ticket.erased');
      if (event.data.closed) alertStaff(notices.closedByErasure(ticket));
      break;
    case 'status_changed': {
      toTicket('ticket.card');
      const to = event.data.to;
      if (to === 'pending') tellCustomer(notices.pending(ticket));
      // Each resolution asks for one rating: the senders put 1–5 buttons under this notice.
      if (to === 'resolved')
        tellCustomer(notices.resolved(ticket, event.data.resolution as Resolution, context.policy.reopenDays), {
          askRating: true,
        });
      if (to === 'open' && event.data.from === 'resolved') {
        tellCustomer(notices.reopened(ticket));
        dm(context.assignee, notices.reopened(ticket));
      }
      break;
    }
    case 'reminded': {
      const pendingSince = new Date(event.data.pendingSince);
      tellCustomer(notices.reminder(ticket, new Date(pendingSince.getTime() + context.policy.autoCloseDays * DAY)));
      break;
    }
    case 'follow_up_opened':
      tellCustomer(notices.followUpOpened(ticket, { number: event.data.followUpNumber }));
      break;
    case 'sla_warning': {
      const text = notices.slaWarning(ticket, event.data.target, new Date(String(event.data.dueAt)));
      if (context.assignee) dm(context.assignee, text);
      else alertStaff(text);
      break;
    }
    case 'sla_breached': {
      toTicket('ticket.card');
      const text = notices.slaBreached(ticket, event.data.target);
      alertStaff(text);
      // At the top tier there is no one to escalate to: the admins hear of it.
      for (const admin of context.admins) dm(admin, text);
      break;
    }
    case 'linked':
      toTicket('ticket.card');
      tellCustomer(notices.knownProblem(ticket, event.data.parentNumber));
      break;
    case 'unlinked':
      toTicket('ticket.card');
      break;
    case 'escalated':
    case 'type_changed':
    case 'priority_changed':
    case 'rated':
      toTicket('ticket.card');
      break;
    default:
      // Edits and deletes are history only: nothing is said about them.
      break;
  }
  return out;
}

/**
 * A major-incident proposal's staff alert, on each platform its reports are on: posted the first
 * time, edited after, each time drawn from the proposal as it is when sent (its reports, what a
 * declaration would take, or how it was decided), so it stays true as reports arrive and leave.
 * One destination per proposal: its posts and edits go out in order.
 */
export function planProposalAlert(proposalId: number, platforms: readonly Platform[]): DeliveryDraft[] {
  return platforms.map((platform) => ({
    platform,
    destination: proposalDestination(proposalId),
    kind: 'major.proposal',
    payload: { proposalId },
  }));
}

/**
 * An erased person's direct messages with the bot: on each platform they were on, the bot deletes
 * what it said there (the sender reads the conversation back; nothing recorded its messages). The
 * platform id travels in the delivery only, since the person no longer has one; the sender clears it once done.
 */
export function planErasureOfDirectMessages(
  personId: number,
  identities: Array<{ platform: Platform; userId: string }>,
): DeliveryDraft[] {
  return identities.map((identity) => ({
    platform: identity.platform,
    destination: personDestination(personId),
    kind: 'person.erased',
    payload: { userId: identity.userId },
  }));
}
