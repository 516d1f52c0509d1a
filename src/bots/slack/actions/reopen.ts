import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { registerTicketAction } from './ticket-action';

/** The card's Reopen button. */
export function registerReopenAction(app: App, ctx: SlackContext): void {
  registerTicketAction(app, ctx, 'reopen', ({ actor, ticketNumber }) =>
    ctx.helpdesk.tickets.reopen(actor, { ticketNumber }),
  );
}
