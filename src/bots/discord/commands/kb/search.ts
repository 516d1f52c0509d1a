import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { fitLines } from '../../format';

/** `/kb search WORDS`: the articles this person may read, best match first. */
export const name = 'kb search';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const words = interaction.options.getString('words', true);
    const hits = await ctx.helpdesk.knowledge.search(interactionActor(interaction), { words });
    if (hits.length === 0) return tr('answers.kb.none', { words });
    const lines = hits.map(
      (h) =>
        `**${h.id}** · ${h.title}${h.visibility === 'staff' ? ` (${tr('answers.kb.staffOnly')})` : ''}\n> ${h.snippet.replace(/\s+/g, ' ')}`,
    );
    return fitLines([tr('answers.kb.heading', { words }), ...lines], tr);
  });
}
