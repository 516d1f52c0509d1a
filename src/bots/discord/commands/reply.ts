import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../actor';
import { answerPrivately } from '../answer';
import type { DiscordContext } from '../context';
import { previewButtons } from '../saved-replies';

/**
 * `/reply NAME` in a ticket's thread (staff): the saved reply filled in for this ticket, shown
 * privately with Send and Edit; nothing is posted yet. The core says who may, and refuses a text
 * that filled in would not fit in a message.
 */
export const name = 'reply';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const ticket = await ctx.helpdesk.deliveries.ticketAt('discordThreadId', interaction.channelId);
    if (!ticket) return tr('savedRepliesChat.outsideTicket', { command: '/reply' });
    const { reply, text } = await ctx.helpdesk.savedReplies.fill(interactionActor(interaction), {
      ticketNumber: ticket.number,
      name: interaction.options.getString('name', true),
    });
    return {
      content: tr('savedRepliesChat.preview', { name: reply.name, number: ticket.number }),
      embeds: [{ description: text }],
      components: previewButtons(tr, ticket.number, reply.name),
    };
  });
}
