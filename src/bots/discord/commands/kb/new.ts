import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { clientTexts, errorText } from '../../answer';
import type { DiscordContext } from '../../context';
import { articleForm } from '../../modals/kb-form';

/** `/kb new` (staff): the article form; a customer is told at once rather than after typing it. */
export const name = 'kb new';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  try {
    const role = await ctx.helpdesk.staff.roleOf(interactionActor(interaction));
    if (role === 'customer') {
      await interaction.reply({
        content: clientTexts(interaction, ctx)('answers.kb.onlyStaffWrite'),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
  } catch (error) {
    await interaction.reply({ content: errorText(error, ctx), flags: MessageFlags.Ephemeral });
    return;
  }
  // The core checks again on submit.
  await interaction.showModal(articleForm(clientTexts(interaction, ctx)));
}
