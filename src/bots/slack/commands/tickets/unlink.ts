import type { SubCommandCall } from '../sub-command';

/** `/tickets unlink N` (staff): the ticket leaves its major incident and is handled on its own again. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const ticket = await ctx.helpdesk.major.unlink(actor, { ticketNumber: args[0] ?? '' });
  await answer(tr('answers.unlinked', { number: ticket.number }));
}
