import type { SubCommandCall } from '../sub-command';

/** `/tickets unlink N` (staff): the ticket leaves its major incident and is handled on its own again. */
export async function run({ ctx, actor, args, answer }: SubCommandCall): Promise<void> {
  const ticket = await ctx.helpdesk.major.unlink(actor, { ticketNumber: args[0] ?? '' });
  await answer(`#${ticket.number} is no longer part of a major incident; its own SLA clock runs again.`);
}
