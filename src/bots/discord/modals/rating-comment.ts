import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { interactionActor } from '../actor';
import { textsFor } from '../../../core/texts';
import { errorText, readerLanguage } from '../answer';
import type { DiscordContext } from '../context';

/** The comment on a rating (`rating-comment:N`): stored with the rating of the latest resolution. */
export const prefix = 'rating-comment';

export async function run(interaction: ModalSubmitInteraction, ctx: DiscordContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const ticketNumber = Number(interaction.customId.split(':')[1]);
  const comment = interaction.fields.getTextInputValue('comment');
  const tr = textsFor(await readerLanguage(interaction, ctx));
  try {
    await ctx.helpdesk.ratings.comment(interactionActor(interaction), { ticketNumber, comment });
    ctx.wakeDispatcher();
    await interaction.editReply({ content: tr('card.ratingThanks', { number: ticketNumber }) });
  } catch (error) {
    // What was typed comes back, so a refused comment is not lost.
    await interaction.editReply({
      content: `${errorText(error, ctx, tr)}\n${tr('card.yourComment')}\n> ${comment.replace(/\n/g, '\n> ')}`.slice(
        0,
        2000,
      ),
    });
  }
}
