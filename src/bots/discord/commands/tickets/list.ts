import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOf } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { fitLines, ticketLine } from '../../format';

/** `/tickets list [mine|queue|all]`: a customer's own tickets; staff: mine, then the queue (or all open). */
export const name = 'tickets list';

const HEADING = {
  yours: 'Your tickets',
  mine: 'Assigned to you',
  queue: 'Queue (unassigned)',
  all: 'All open tickets',
} as const;

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const scope = interaction.options.getString('scope') ?? undefined;
    const { sections } = await ctx.helpdesk.queries.list(actorOf(interaction.user, interaction.member), { scope });
    const lines = sections.flatMap((s) => [
      `**${HEADING[s.name]}**`,
      ...(s.tickets.length ? s.tickets.map(ticketLine) : ['(none)']),
    ]);
    return fitLines(lines);
  });
}
