import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../actor';
import { answerPrivately } from '../answer';
import type { DiscordContext } from '../context';

/** `/note TEXT` in a ticket's thread: an internal note, shown only in the staff channel's thread for the ticket. */
export const name = 'note';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const ticket = await ctx.helpdesk.deliveries.ticketAt('discordThreadId', interaction.channelId);
    if (!ticket) return tr('answers.noteOutsideTicket', { command: '/note' });
    await ctx.helpdesk.comments.note(interactionActor(interaction), {
      ticketNumber: ticket.number,
      body: interaction.options.getString('text', true),
    });
    return tr('answers.noteAdded', { number: ticket.number });
  });
}
