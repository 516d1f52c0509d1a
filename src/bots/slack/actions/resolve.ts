import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { registerTicketAction } from './ticket-action';

/** The card's Resolve button. */
export function registerResolveAction(app: App, ctx: SlackContext): void {
  registerTicketAction(app, ctx, 'resolve', ({ actor, ticketNumber }) =>
    ctx.helpdesk.tickets.resolve(actor, { ticketNumber }),
  );
}
