import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { actorOf } from '../actor';
import { errorText } from '../answer';
import type { DiscordContext } from '../context';

/** The comment on a rating (`rating-comment:N`): stored with the rating of the latest resolution. */
export const prefix = 'rating-comment';

export async function run(interaction: ModalSubmitInteraction, ctx: DiscordContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const ticketNumber = Number(interaction.customId.split(':')[1]);
  const comment = interaction.fields.getTextInputValue('comment');
  try {
    await ctx.helpdesk.ratings.comment(actorOf(interaction.user, interaction.member), { ticketNumber, comment });
    ctx.wakeDispatcher();
    await interaction.editReply({ content: `Thank you for your comment on #${ticketNumber}.` });
  } catch (error) {
    // What was typed comes back, so a refused comment is not lost.
    await interaction.editReply({
      content: `${errorText(error, ctx)}\nYour comment was:\n> ${comment.replace(/\n/g, '\n> ')}`.slice(0, 2000),
    });
  }
}
