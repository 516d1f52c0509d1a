import type { App } from '@slack/bolt';
import type { TicketSummary } from '../../../core/services/ticket-queries';
import { readableError, slackActor, type SlackContext } from '../context';

const line = (t: TicketSummary) => `#${t.number} ${t.title} · ${t.type} · ${t.status} · ${t.priority} · ${t.assignee ?? 'unassigned'}`;
const SECTION_NAME = { yours: 'Your tickets', mine: 'Assigned to you', queue: 'The queue', all: 'All open tickets' } as const;

/** `/tickets` (bare: list), `/tickets list [mine|queue|all]`, `/tickets show N`: private answers. */
export function registerTicketsCommand(app: App, ctx: SlackContext): void {
  app.command('/tickets', async ({ ack, command }) => {
    const actor = slackActor(command.user_id, command.user_name);
    const [verb = 'list', ...rest] = (command.text ?? '').trim().split(/\s+/).filter(Boolean);
    try {
      if (verb === 'list') {
        const list = await ctx.helpdesk.queries.list(actor, rest[0] ? { scope: rest[0] } : {});
        const text = list.sections.map((s) => `*${SECTION_NAME[s.name]}*\n${s.tickets.map(line).join('\n') || 'none'}`).join('\n\n');
        return await ack({ response_type: 'ephemeral', text });
      }
      if (verb === 'show') {
        const { ticket, assignee, customer } = await ctx.helpdesk.queries.show(actor, { ticketNumber: rest[0] ?? '' });
        return await ack({
          response_type: 'ephemeral',
          text: `*#${ticket.number} ${ticket.title}*\n${ticket.type} · ${ticket.status} · ${ticket.priority} · tier ${ticket.tier}\nCustomer: ${customer.displayName || 'customer'} · Assignee: ${assignee?.displayName ?? 'unassigned'}\n\n${ticket.description}`,
        });
      }
      await ack({ response_type: 'ephemeral', text: 'Try `/tickets`, `/tickets list mine|queue|all` or `/tickets show 6`.' });
    } catch (error) {
      await ack({ response_type: 'ephemeral', text: readableError(error, ctx.logger) });
    }
  });
}
