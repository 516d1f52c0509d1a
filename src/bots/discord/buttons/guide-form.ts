import type { ButtonInteraction } from 'discord.js';
import type { TicketType } from '../../../core/model';
import type { DiscordContext } from '../context';
import { guideFormId } from '../guide';
import { clientLanguage, clientTexts } from '../answer';
import { ticketForm } from '../commands/ticket';

/** A guide's "Report a problem" / "Ask for something": the form, with the service's questions (from memory: a modal must be the first answer). */
export const action = 'form';

export async function run(
  interaction: ButtonInteraction,
  [serviceId, type]: string[],
  ctx: DiscordContext,
): Promise<void> {
  const pick = ctx.helpdesk.catalog.pick(serviceId ?? '', clientLanguage(interaction, ctx));
  if (pick.kind !== 'guide') {
    // Removed or no longer covered since the guide was shown.
    const message = 'message' in pick ? pick.message : clientTexts(interaction, ctx)('forms.guide.unknownService');
    await interaction.update({ content: message, components: [] });
    return;
  }
  const { service } = pick;
  await interaction.showModal(
    ticketForm(guideFormId(service.id, type as TicketType), clientTexts(interaction, ctx), {
      serviceName: service.name,
      type: type as TicketType,
      questions: service.questions,
    }),
  );
}
