import { slaSummary } from '../../../../core/rules/card';
import { escapeMrkdwn } from '../../mrkdwn';
import type { SubCommandCall } from '../sub-command';

/** `/tickets show N`: one ticket, if this person may see it. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const { ticket, assignee, customer } = await ctx.helpdesk.queries.show(actor, { ticketNumber: args[0] ?? '' });
  const facts = tr('answers.show.facts', {
    type: ticket.type,
    status: ticket.status,
    priority: ticket.priority,
    tier: ticket.tier,
    sla: slaSummary(ticket),
  });
  const people = tr('answers.show.people', {
    customer: escapeMrkdwn(customer.displayName || tr('answers.show.customer')),
    assignee: escapeMrkdwn(assignee?.displayName ?? tr('answers.unassigned')),
  });
  await answer(
    `*#${ticket.number} ${escapeMrkdwn(ticket.title)}*\n${facts}\n${people}\n\n${escapeMrkdwn(ticket.description)}`,
  );
}
