import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { registerTicketAction } from './ticket-action';

/** The card's Solved button. */
export function registerSolvedAction(app: App, ctx: SlackContext): void {
  registerTicketAction(app, ctx, 'solved', ({ actor, ticketNumber }) =>
    ctx.helpdesk.tickets.markSolved(actor, { ticketNumber }),
  );
}
