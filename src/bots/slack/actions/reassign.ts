import type { App } from '@slack/bolt';
import { slackActor, type SlackContext } from '../context';
import { registerTicketAction } from './ticket-action';

/** The card's "Reassign to…" user picker. */
export function registerReassignAction(app: App, ctx: SlackContext): void {
  registerTicketAction(app, ctx, 'reassign', ({ actor, ticketNumber, choice }) =>
    ctx.helpdesk.tickets.reassign(actor, { ticketNumber, to: slackActor(choice ?? '') }),
  );
}
