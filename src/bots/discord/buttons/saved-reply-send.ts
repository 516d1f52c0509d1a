import type { ButtonInteraction } from 'discord.js';
import { readerTexts } from '../../reader';
import { afterAnswering } from '../ack-first-interactions';
import { interactionActor } from '../actor';
import { errorText } from '../answer';
import type { DiscordContext } from '../context';
import type { SavedReplyButton } from '../saved-replies';

/**
 * Send, under a saved reply's preview: the reply is filled in again (the ticket may have changed
 * since) and stored as the staff member's comment; the delivery posts it in the thread under their
 * name, as any staff reply from elsewhere is, and the preview says it was sent.
 */
export async function run(interaction: ButtonInteraction, at: SavedReplyButton, ctx: DiscordContext): Promise<void> {
  await interaction.deferUpdate();
  await afterAnswering(interaction, ctx);
  const actor = interactionActor(interaction);
  const tr = await readerTexts(ctx.helpdesk, ctx.settings.HELPDESK_LANGUAGE, actor);
  try {
    const sent = await ctx.helpdesk.savedReplies.send(actor, { ticketNumber: at.ticketNumber, name: at.name });
    ctx.wakeDispatcher();
    await interaction.editReply({
      content: tr('savedRepliesChat.sent', { number: sent.ticket.number }),
      embeds: [],
      components: [],
    });
  } catch (error) {
    await interaction.editReply({
      content: tr('savedRepliesChat.notSent', { reason: errorText(error, ctx, tr) }),
      components: [],
    });
  }
}
