import { parseMention } from '../../context';
import type { SubCommandCall } from '../sub-command';

/** `/tickets escalate N [@person]` (staff): to the next tier, to the person named or the least loaded. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const to = args[1] ? parseMention(args[1]) : null;
  if (args[1] && !to) return await answer(tr('slack.mentionOrNone', { example: '`/tickets escalate 6 @ann`' }));
  const ticket = await ctx.helpdesk.tickets.escalate(actor, { ticketNumber: args[0] ?? '', ...(to ? { to } : {}) });
  await answer(
    to
      ? tr('answers.escalatedTo', { number: ticket.number, tier: ticket.tier, person: `<@${to.userId}>` })
      : tr('answers.escalated', { number: ticket.number, tier: ticket.tier }),
  );
}
