import type { SubCommandCall } from '../sub-command';

/** `/tickets priority N P1..P4` (staff). */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const ticket = await ctx.helpdesk.tickets.changePriority(actor, {
    ticketNumber: args[0] ?? '',
    priority: args[1] ?? '',
  });
  await answer(tr('answers.priorityChanged', { number: ticket.number, priority: ticket.priority }));
}
