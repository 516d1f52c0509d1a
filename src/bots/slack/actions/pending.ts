import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { registerTicketAction } from './ticket-action';

/** The card's Pending button. */
export function registerPendingAction(app: App, ctx: SlackContext): void {
  registerTicketAction(app, ctx, 'pending', ({ actor, ticketNumber }) =>
    ctx.helpdesk.tickets.setPending(actor, { ticketNumber }),
  );
}
