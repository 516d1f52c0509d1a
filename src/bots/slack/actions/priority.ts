import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { registerTicketAction } from './ticket-action';

/** The card's Priority picker (P1–P4). */
export function registerPriorityAction(app: App, ctx: SlackContext): void {
  registerTicketAction(app, ctx, 'priority', ({ actor, ticketNumber, choice }) =>
    ctx.helpdesk.tickets.changePriority(actor, { ticketNumber, priority: choice ?? '' }),
  );
}
