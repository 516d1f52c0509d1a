import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/tickets unlink number:N` (staff): the ticket leaves its major incident and is handled on its own again. */
export const name = 'tickets unlink';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const ticketNumber = interaction.options.getInteger('number', true);
    await ctx.helpdesk.major.unlink(interactionActor(interaction), { ticketNumber });
    return tr('answers.unlinked', { number: ticketNumber });
  });
}
