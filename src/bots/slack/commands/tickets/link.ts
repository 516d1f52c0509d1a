import type { SubCommandCall } from '../sub-command';

/** `/tickets link N PARENT` (staff): the ticket becomes part of a major incident. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const ticket = await ctx.helpdesk.major.link(actor, { ticketNumber: args[0] ?? '', parentNumber: args[1] ?? '' });
  await answer(tr('answers.linked', { number: ticket.number, parent: String(args[1]).replace(/^#/, '') }));
}
