import type { Ticket } from '../model';
import { PRIORITY_LABEL, RESOLUTION_LABEL, TYPE_LABEL, ticketLabel } from './messages';
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
}

/** The SLA line of the card: what is due next, paused, or how it ended; breaches named. */
export function slaSummary(ticket: Ticket): string {
  const at = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const breaches = [
    ticket.firstResponseBreachedAt && 'first response',
    ticket.resolutionBreachedAt && 'resolution',
  ].filter(Boolean);
  const missed = breaches.length > 0 ? ` · breached: ${breaches.join(', ')}` : '';
  if (ticket.status === 'resolved') return breaches.length > 0 ? `missed (${breaches.join(', ')})` : 'met';
  if (ticket.status === 'pending' || !ticket.slaRunningSince) return `paused while waiting for the customer${missed}`;
  if (ticket.firstResponseDueAt) return `first response due ${at(ticket.firstResponseDueAt)}${missed}`;
  if (ticket.resolutionDueAt) return `resolution due ${at(ticket.resolutionDueAt)}${missed}`;
  return missed ? missed.slice(3) : 'running';
}

export function ticketCard(
  ticket: Ticket,
  names: { assignee: string | null; customer: string },
  rating: number | null = null,
): TicketCard {
  const resolved = ticket.status === 'resolved';
  return {
    heading: `${ticketLabel(ticket)} ${ticket.title}`.slice(0, 256),
    status: ticket.status,
    fields: [
      { name: 'Type', value: TYPE_LABEL[ticket.type] },
      {
        name: 'Status',
        value: resolved && ticket.resolution ? `resolved (${RESOLUTION_LABEL[ticket.resolution]})` : ticket.status,
      },
      { name: 'Priority', value: PRIORITY_LABEL[ticket.priority] },
      { name: 'Assignee', value: names.assignee ?? 'unassigned (in the queue)' },
      { name: 'Tier', value: String(ticket.tier) },
      { name: 'Customer', value: names.customer },
      { name: 'SLA', value: slaSummary(ticket) },
      ...(rating !== null
        ? [{ name: 'Rating', value: `${'★'.repeat(rating)}${'☆'.repeat(5 - rating)} (${rating}/5)` }]
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

export const CARD_ACTION_LABEL: Record<CardAction, string> = {
  claim: 'Claim',
  pending: 'Pending',
  resolve: 'Resolve',
  escalate: 'Escalate',
  reassign: 'Reassign',
  type: 'Type',
  priority: 'Priority',
  solved: "It's solved",
  reopen: 'Reopen',
};
