import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { registerTicketAction } from './ticket-action';

/** The card's Escalate button. */
export function registerEscalateAction(app: App, ctx: SlackContext): void {
  registerTicketAction(app, ctx, 'escalate', ({ actor, ticketNumber }) => ctx.helpdesk.tickets.escalate(actor, { ticketNumber }));
}
