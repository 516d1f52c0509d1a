import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalSubmitInteraction } from 'discord.js';
import { SAVED_REPLY_TEXT_MAX } from '../../../core/rules/saved-replies';
import type { Translate } from '../../reader';
import { interactionActor } from '../actor';
import { answerPrivately } from '../answer';
import type { DiscordContext } from '../context';

/**
 * A saved reply's text as the staff member edits it after the preview (`saved-reply-text:<ticket>:<name>`),
 * and its submit: what they wrote is sent as their reply, and counts as a use of the saved reply.
 */
export const prefix = 'saved-reply-text';

export function savedReplyTextForm(tr: Translate, ticketNumber: number, name: string, text: string): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(`${prefix}:${ticketNumber}:${name}`)
    .setTitle(tr('savedRepliesChat.editTitle', { number: ticketNumber }).slice(0, 45))
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
  await answerPrivately(interaction, ctx, async (tr) => {
    const sent = await ctx.helpdesk.savedReplies.send(interactionActor(interaction), {
      ticketNumber: Number(number),
      name: name.join(':'),
      text: interaction.fields.getTextInputValue('text'),
    });
    return tr('savedRepliesChat.sent', { number: sent.ticket.number });
  });
}
