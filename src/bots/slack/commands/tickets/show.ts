import { slaSummary } from '../../../../core/rules/card';
import { escapeMrkdwn } from '../../mrkdwn';
import type { SubCommandCall } from '../sub-command';

/** `/tickets show N`: one ticket, if this person may see it. */
export async function run({ ctx, actor, args, answer }: SubCommandCall): Promise<void> {
  const { ticket, assignee, customer } = await ctx.helpdesk.queries.show(actor, { ticketNumber: args[0] ?? '' });
  await answer(
    `*#${ticket.number} ${escapeMrkdwn(ticket.title)}*\n${ticket.type} · ${ticket.status} · ${ticket.priority} · tier ${ticket.tier} · SLA: ${slaSummary(ticket)}\nCustomer: ${escapeMrkdwn(customer.displayName || 'customer')} · Assignee: ${escapeMrkdwn(assignee?.displayName ?? 'unassigned')}\n\n${escapeMrkdwn(ticket.description)}`,
  );
}
