import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/tickets link number:N parent:PARENT` (staff): a ticket joins an open major incident by hand. */
export const name = 'tickets link';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const ticketNumber = interaction.options.getInteger('number', true);
    const parentNumber = interaction.options.getInteger('parent', true);
    await ctx.helpdesk.major.link(interactionActor(interaction), { ticketNumber, parentNumber });
    return tr('answers.linked', { number: ticketNumber, parent: parentNumber });
  });
}
