import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/tickets priority N P1..P4` (staff): the card's Priority, by number. */
export const name = 'tickets priority';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const ticketNumber = interaction.options.getInteger('number', true);
    const priority = interaction.options.getString('priority', true);
    const ticket = await ctx.helpdesk.tickets.changePriority(interactionActor(interaction), {
      ticketNumber,
      priority,
    });
    return tr('answers.priorityChanged', { number: ticketNumber, priority: ticket.priority });
  });
}
