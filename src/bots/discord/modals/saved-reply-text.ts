import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalSubmitInteraction } from 'discord.js';
import { SAVED_REPLY_TEXT_MAX } from '../../../core/rules/saved-replies';
import { readerTexts, type Translate } from '../../reader';
import { interactionActor } from '../actor';
import { answerPrivately, errorText } from '../answer';
import type { DiscordContext } from '../context';

/**
 * A saved reply's text as the staff member edits it after the preview (`saved-reply-text:<ticket>:<name>`),
 * and its submit: what they wrote is sent as their reply, and counts as a use of the saved reply.
 */
export const prefix = 'saved-reply-text';

export function savedReplyTextForm(tr: Translate, ticketNumber: number, name: string, text: string): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(`${prefix}:${ticketNumber}:${name}`)
    .setTitle(tr('savedRepliesChat.editTitle', { number: ticketNumber }))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(tr('savedRepliesChat.formText'))
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId('text')
            .setStyle(TextInputStyle.Paragraph)
            .setMaxLength(SAVED_REPLY_TEXT_MAX)
            .setRequired(true)
            .setValue(text),
        ),
    );
}

export async function run(interaction: ModalSubmitInteraction, ctx: DiscordContext): Promise<void> {
  const [, number, ...name] = interaction.customId.split(':');
  const send = async () => {
    const sent = await ctx.helpdesk.savedReplies.send(interactionActor(interaction), {
      ticketNumber: Number(number),
      name: name.join(':'),
      text: interaction.fields.getTextInputValue('text'),
    });
    return sent.ticket.number;
  };
  if (!interaction.isFromMessage())
    return answerPrivately(interaction, ctx, async (tr) => tr('savedRepliesChat.sent', { number: await send() }));
  // Opened from the preview's Edit: the preview itself becomes the answer, so its Send cannot post it twice.
  await interaction.deferUpdate();
  const tr = await readerTexts(ctx.helpdesk, ctx.settings.HELPDESK_LANGUAGE, interactionActor(interaction));
  try {
    const sentIn = await send();
    ctx.wakeDispatcher();
    await interaction.editReply({
      content: tr('savedRepliesChat.sent', { number: sentIn }),
      embeds: [],
      components: [],
    });
  } catch (error) {
    await interaction.editReply({
      content: tr('savedRepliesChat.notSent', { reason: errorText(error, ctx, tr) }),
      embeds: [],
      components: [],
    });
  }
}
