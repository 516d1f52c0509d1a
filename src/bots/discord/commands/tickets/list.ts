import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { fitLines, ticketLine } from '../../format';

/** `/tickets list [mine|queue|all]`: a customer's own tickets; staff: mine, then the queue (or all open). */
export const name = 'tickets list';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const scope = interaction.options.getString('scope') ?? undefined;
    const { sections } = await ctx.helpdesk.queries.list(interactionActor(interaction), { scope });
    const lines = sections.flatMap((s) => [
      `**${tr(`answers.list.${s.name}`)}**`,
      ...(s.tickets.length ? s.tickets.map(ticketLine(tr)) : [`(${tr('answers.none')})`]),
    ]);
    return fitLines(lines, tr);
  });
}
