import type { Ticket } from '../model';
import { PRIORITY_LABEL, RESOLUTION_LABEL, TYPE_LABEL, ticketLabel } from './messages';

/**
 * The ticket card both platforms show: the same facts and the same buttons, described as data.
 * Each adapter draws it (a Discord embed with button rows, Slack blocks); every press is still
 * checked by the core, whoever sees the button.
 */
export type CardAction = 'claim' | 'pending' | 'resolve' | 'escalate' | 'reassign' | 'type' | 'priority' | 'solved' | 'reopen';

export interface TicketCard {
  heading: string;
  fields: Array<{ name: string; value: string }>;
  staffActions: CardAction[];
  customerActions: CardAction[];
  /** For colouring: open, pending or resolved. */
  status: Ticket['status'];
}

export function ticketCard(ticket: Ticket, names: { assignee: string | null; customer: string }): TicketCard {
  const resolved = ticket.status === 'resolved';
  return {
    heading: `${ticketLabel(ticket)} ${ticket.title}`.slice(0, 256),
    status: ticket.status,
    fields: [
      { name: 'Type', value: TYPE_LABEL[ticket.type] },
      { name: 'Status', value: resolved && ticket.resolution ? `resolved (${RESOLUTION_LABEL[ticket.resolution]})` : ticket.status },
      { name: 'Priority', value: PRIORITY_LABEL[ticket.priority] },
      { name: 'Assignee', value: names.assignee ?? 'unassigned (in the queue)' },
      { name: 'Tier', value: String(ticket.tier) },
      { name: 'Customer', value: names.customer },
    ],
    staffActions: resolved ? [] : ['claim', ...(ticket.status === 'open' ? (['pending'] as const) : []), 'resolve', ...(ticket.tier < 3 ? (['escalate'] as const) : []), 'reassign', 'type', 'priority'],
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
