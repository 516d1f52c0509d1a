import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { registerTicketAction } from './ticket-action';

/** The card's Claim button. */
export function registerClaimAction(app: App, ctx: SlackContext): void {
  registerTicketAction(app, ctx, 'claim', ({ actor, ticketNumber }) =>
    ctx.helpdesk.tickets.claim(actor, { ticketNumber }),
  );
}
