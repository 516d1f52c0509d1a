import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOf, interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/tickets assign N @person` (staff): the card's Reassign, by number. */
export const name = 'tickets assign';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const ticketNumber = interaction.options.getInteger('number', true);
    const to = actorOf(interaction.options.getUser('person', true), interaction.options.getMember('person'));
    await ctx.helpdesk.tickets.reassign(interactionActor(interaction), { ticketNumber, to });
    return tr('answers.assigned', { number: ticketNumber, person: to.displayName ?? '' });
  });
}
