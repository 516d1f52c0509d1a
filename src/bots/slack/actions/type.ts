import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { registerTicketAction } from './ticket-action';

/** The card's Type picker (incident or request). */
export function registerTypeAction(app: App, ctx: SlackContext): void {
  registerTicketAction(app, ctx, 'type', ({ actor, ticketNumber, choice }) =>
    ctx.helpdesk.tickets.changeType(actor, { ticketNumber, type: choice }),
  );
}
