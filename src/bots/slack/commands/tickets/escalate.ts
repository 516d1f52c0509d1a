import { parseMention } from '../../context';
import type { SubCommandCall } from '../sub-command';

/** `/tickets escalate N [@person]` (staff): to the next tier, to the person named or the least loaded. */
export async function run({ ctx, actor, args, answer }: SubCommandCall): Promise<void> {
  const to = args[1] ? parseMention(args[1]) : null;
  if (args[1] && !to)
    return await answer('Name the person with a mention, like `/tickets escalate 6 @ann`, or leave it out.');
  const ticket = await ctx.helpdesk.tickets.escalate(actor, { ticketNumber: args[0] ?? '', ...(to ? { to } : {}) });
  await answer(`#${ticket.number} is escalated to tier ${ticket.tier}${to ? ` and assigned to <@${to.userId}>` : ''}.`);
}
