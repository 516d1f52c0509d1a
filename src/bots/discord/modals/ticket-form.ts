import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { actorOf } from '../actor';
import { afterAnswering } from '../answers-first';
import { errorText } from '../answer';
import type { DiscordContext } from '../context';

/** The `/ticket` form submitted: stored through the core, answered privately with the number. */
export const prefix = 'ticket-form';

export async function run(interaction: ModalSubmitInteraction, ctx: DiscordContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const title = interaction.fields.getTextInputValue('title');
  const description = interaction.fields.getTextInputValue('description');
  const type = interaction.fields.getStringSelectValues('type')[0];
  // Missing or odd answers are the core's to refuse (its schema names the allowed values).
  const impact = selected(interaction, 'impact');
  const urgency = selected(interaction, 'urgency');
  const onBehalfOfId = interaction.customId.split(':')[1];
  await afterAnswering(interaction, ctx);
  try {
    const ticket = await ctx.helpdesk.tickets.open(actorOf(interaction.user, interaction.member), {
      title,
      description,
      type: type as 'incident',
      impact: impact as 'individual' | undefined,
      urgency: urgency as 'can_work' | undefined,
      onBehalfOf: onBehalfOfId ? { platform: 'discord', userId: onBehalfOfId } : undefined,
      // The interaction's token lets the thread's creator point this private reply at the thread
      // (it lives 15 minutes, and is cleared once used).
      location: { discordInteractionToken: interaction.token, discordApplicationId: interaction.applicationId },
    });
    ctx.wakeDispatcher();
    await interaction.editReply({ content: `Your ticket #${ticket.number} "${ticket.title}" is open. A private thread for it appears in the support channel in a moment.` });
  } catch (error) {
    // Nothing of what was typed is lost: it comes back as a file to copy from.
    await interaction.editReply({
      content: `${errorText(error, ctx)}\nNothing was stored. What you wrote is attached, so you can copy it into /ticket again.`,
      files: [{ attachment: Buffer.from(`Title: ${title}\nType: ${type ?? ''}\nImpact: ${impact ?? ''}\nUrgency: ${urgency ?? ''}\n\n${description}\n`, 'utf8'), name: 'ticket-draft.txt' }],
    });
  }
}

/** A select's choice, or undefined when the form came without it (an older client's form). */
function selected(interaction: ModalSubmitInteraction, customId: string): string | undefined {
  return interaction.fields.fields.has(customId) ? interaction.fields.getStringSelectValues(customId)[0] : undefined;
}
