import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ButtonInteraction } from 'discord.js';
import { RATING_COMMENT_MAX } from '../../../core/schemas';
import { clientTexts } from '../answer';
import type { TicketComponentHandler } from './ticket-action';

/** "Add a comment" under a rating's thanks: the form is the first answer (no database call before it); the core checks on submit. */
export const action = 'rate-comment';

export const run: TicketComponentHandler = async (interaction, ticketNumber, ctx) => {
  const tr = clientTexts(interaction, ctx);
  await (interaction as ButtonInteraction).showModal(
    new ModalBuilder()
      .setCustomId(`rating-comment:${ticketNumber}`)
      .setTitle(tr('forms.rating.title', { number: ticketNumber }))
      .addLabelComponents(
        new LabelBuilder()
          .setLabel(tr('forms.rating.comment'))
          .setTextInputComponent(
            new TextInputBuilder()
              .setCustomId('comment')
              .setStyle(TextInputStyle.Paragraph)
              .setMaxLength(RATING_COMMENT_MAX)
              .setRequired(true),
          ),
      ),
  );
};
