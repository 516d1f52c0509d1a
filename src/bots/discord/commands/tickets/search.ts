import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { fitLines, ticketLine } from '../../format';

/** `/tickets search WORDS`: best matches among the tickets the asker may see. */
export const name = 'tickets search';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const words = interaction.options.getString('words', true);
    const found = await ctx.helpdesk.queries.search(interactionActor(interaction), { words });
    if (found.length === 0) return tr('answers.search.none', { words });
    return fitLines([`**${tr('answers.search.heading', { words })}**`, ...found.map(ticketLine(tr))], tr);
  });
}
