import type { Ticket } from '../model';
import { DEFAULT_LANGUAGE, LANGUAGES, t, type Language } from '../texts';
import { formatMoment, priorityLabel, resolutionLabel, statusLabel, ticketLabel, typeLabel } from './messages';
import { hasTierAbove } from './transitions';

/**
 * The ticket card both platforms show: the same facts and the same buttons, described as data.
 * Each adapter draws it (a Discord embed with button rows, Slack blocks); every press is still
 * checked by the core, whoever sees the button.
 */
export type CardAction =
  'claim' | 'pending' | 'resolve' | 'escalate' | 'reassign' | 'type' | 'priority' | 'solved' | 'reopen';

export interface TicketCard {
  heading: string;
  fields: Array<{ name: string; value: string }>;
  staffActions: CardAction[];
  customerActions: CardAction[];
  /** For colouring: open, pending or resolved. */
  status: Ticket['status'];
  /** The language of its facts and staff buttons (`HELPDESK_LANGUAGE` where staff read it). */
  language: Language;
  /** The language of the customer's buttons (It's solved, Reopen): the customer's own. */
  customerLanguage: Language;
}

/** The SLA line of the card: what is due next, paused, or how it ended; breaches named. In the reader's language. */
export function slaSummary(ticket: Ticket, language: Language = DEFAULT_LANGUAGE, timeZone?: string): string {
  const say = (key: Parameters<typeof t>[1], params?: Record<string, string>) => t(language, key, params);
  const at = (d: Date) => formatMoment({ at: d.toISOString(), precision: 'minute' }, timeZone);
  const breaches = [
    ticket.firstResponseBreachedAt && say('card.target.first_response'),
    ticket.resolutionBreachedAt && say('card.target.resolution'),
  ].filter((b): b is string => Boolean(b));
  const breached = breaches.length > 0 ? say('card.sla.breached', { targets: breaches.join(', ') }) : '';
  const missed = breached ? ` · ${breached}` : '';
  if (ticket.status === 'resolved')
    return breaches.length > 0 ? say('card.sla.missed', { targets: breaches.join(', ') }) : say('card.sla.met');
  if (ticket.status === 'pending' || !ticket.slaRunningSince) return say('card.sla.paused', { missed });
  if (ticket.firstResponseDueAt) return say('card.sla.firstResponseDue', { at: at(ticket.firstResponseDueAt), missed });
  if (ticket.resolutionDueAt) return say('card.sla.resolutionDue', { at: at(ticket.resolutionDueAt), missed });
  return breached || say('card.sla.running');
}

/** The card in a language: the helpdesk's (`HELPDESK_LANGUAGE`) where staff read it. */
export function ticketCard(
  ticket: Ticket,
  names: { assignee: string | null; customer: string },
  rating: number | null = null,
  language: Language = DEFAULT_LANGUAGE,
  customerLanguage: Language = language,
): TicketCard {
  const resolved = ticket.status === 'resolved';
  const say = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(language, key, params);
  return {
    heading: `${ticketLabel(ticket)} ${ticket.title}`.slice(0, 256),
    status: ticket.status,
    language,
    customerLanguage,
    fields: [
      { name: say('card.field.type'), value: typeLabel(language, ticket.type) },
      {
        name: say('card.field.status'),
        value:
          resolved && ticket.resolution
            ? say('card.resolvedAs', { resolution: resolutionLabel(language, ticket.resolution) })
            : statusLabel(language, ticket.status),
      },
      { name: say('card.field.priority'), value: priorityLabel(language, ticket.priority) },
      { name: say('card.field.assignee'), value: names.assignee ?? say('card.unassigned') },
      { name: say('card.field.tier'), value: String(ticket.tier) },
      { name: say('card.field.customer'), value: names.customer },
      { name: say('card.field.sla'), value: slaSummary(ticket, language) },
      ...(rating !== null
        ? [{ name: say('card.field.rating'), value: `${'★'.repeat(rating)}${'☆'.repeat(5 - rating)} (${rating}/5)` }]
        : []),
    ],
    staffActions: resolved
      ? []
      : [
          'claim',
          ...(ticket.status === 'open' ? (['pending'] as const) : []),
          'resolve',
          ...(hasTierAbove(ticket) ? (['escalate'] as const) : []),
          'reassign',
          'type',
          'priority',
        ],
    customerActions: resolved ? ['reopen'] : ['solved'],
  };
}

const CARD_ACTIONS: CardAction[] = [
  'claim',
  'pending',
  'resolve',
  'escalate',
  'reassign',
  'type',
  'priority',
  'solved',
  'reopen',
];

/** A button's label on a card: a customer's button in the customer's language, a staff button in the card's. */
export const cardButtonLabel = (
  card: Pick<TicketCard, 'language' | 'customerLanguage' | 'customerActions'>,
  action: CardAction,
) => cardActionLabel(card.customerActions.includes(action) ? card.customerLanguage : card.language, action);

/** A button's label in a language. */
export const cardActionLabel = (language: Language, action: CardAction) => t(language, `card.action.${action}`);

/** The buttons' labels in each language the helpdesk speaks. */
export const CARD_ACTION_LABELS: Readonly<Record<Language, Record<CardAction, string>>> = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    Object.fromEntries(CARD_ACTIONS.map((a) => [a, cardActionLabel(language, a)])) as Record<CardAction, string>,
  ]),
);

/** English labels, for code that has not been given a reader's language. */
export const CARD_ACTION_LABEL: Record<CardAction, string> = CARD_ACTION_LABELS[DEFAULT_LANGUAGE];
