import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/tickets transcript N`: the ticket's whole record as a file, privately. */
export const name = 'tickets transcript';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const ticketNumber = interaction.options.getInteger('number', true);
    const { filename, content } = await ctx.helpdesk.queries.transcript(interactionActor(interaction), {
      ticketNumber,
    });
    return {
      content: tr('answers.transcript.attached', { number: ticketNumber }),
      files: [{ attachment: Buffer.from(content, 'utf8'), name: filename }],
    };
  });
}
