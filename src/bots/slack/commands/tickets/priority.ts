import type { SubCommandCall } from '../sub-command';

/** `/tickets priority N P1..P4` (staff). */
export async function run({ ctx, actor, args, answer }: SubCommandCall): Promise<void> {
  const ticket = await ctx.helpdesk.tickets.changePriority(actor, {
    ticketNumber: args[0] ?? '',
    priority: args[1] ?? '',
  });
  await answer(`#${ticket.number} is now ${ticket.priority}.`);
}
