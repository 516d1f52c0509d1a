import { parseMention } from '../../context';
import type { SubCommandCall } from '../sub-command';

/** `/tickets assign N @person` (staff): someone else takes the ticket. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const to = parseMention(args[1] ?? '');
  if (!to) return await answer(tr('slack.mentionNeeded', { example: '`/tickets assign 6 @ann`' }));
  const ticket = await ctx.helpdesk.tickets.reassign(actor, { ticketNumber: args[0] ?? '', to });
  await answer(tr('answers.assigned', { number: ticket.number, person: `<@${to.userId}>` }));
}
