import { slaSummary } from '../../../../core/rules/card';
import { priorityLabel, statusLabel, typeLabel } from '../../../../core/rules/messages';
import { escapeMrkdwn } from '../../mrkdwn';
import type { SubCommandCall } from '../sub-command';

/** `/tickets show N`: one ticket, if this person may see it, in their language, its times in their time zone. */
export async function run({ ctx, actor, args, answer, tr, language, timeZone }: SubCommandCall): Promise<void> {
  const { ticket, assignee, customer } = await ctx.helpdesk.queries.show(actor, { ticketNumber: args[0] ?? '' });
  const facts = tr('answers.show.facts', {
    type: typeLabel(language, ticket.type),
    status: statusLabel(language, ticket.status),
    priority: priorityLabel(language, ticket.priority),
    tier: ticket.tier,
    sla: slaSummary(ticket, language, await timeZone()),
  });
  const people = tr('answers.show.people', {
    customer: escapeMrkdwn(customer.displayName || tr('answers.show.customer')),
    assignee: escapeMrkdwn(assignee?.displayName ?? tr('answers.unassigned')),
  });
  await answer(
    `*#${ticket.number} ${escapeMrkdwn(ticket.title)}*\n${facts}\n${people}\n\n${escapeMrkdwn(ticket.description)}`,
  );
}
