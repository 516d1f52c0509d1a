import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { readerTexts } from '../../reader';
import { interactionActor } from '../actor';
import { errorText } from '../answer';
import type { DiscordContext } from '../context';
import { savedReplyTextForm } from '../modals/saved-reply-text';
import type { SavedReplyButton } from '../saved-replies';

/** Edit, under a saved reply's preview: the filled-in text in a form, to change before it is sent. */
export async function run(interaction: ButtonInteraction, at: SavedReplyButton, ctx: DiscordContext): Promise<void> {
  const actor = interactionActor(interaction);
  const tr = await readerTexts(ctx.helpdesk, ctx.settings.HELPDESK_LANGUAGE, actor);
  try {
    const { reply, text } = await ctx.helpdesk.savedReplies.fill(actor, {
      ticketNumber: at.ticketNumber,
      name: at.name,
    });
    await interaction.showModal(savedReplyTextForm(tr, at.ticketNumber, reply.name, text));
  } catch (error) {
    await interaction.reply({ content: errorText(error, ctx, tr), flags: MessageFlags.Ephemeral });
  }
}
