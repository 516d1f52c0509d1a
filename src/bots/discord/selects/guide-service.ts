import type { StringSelectMenuInteraction } from 'discord.js';
import { guideText } from '../../../core/rules/catalog';
import type { DiscordContext } from '../context';
import { guideButtons, guideFormId, parsePageValue, servicePicker } from '../guide';
import { clientLanguage, clientTexts } from '../answer';
import { ticketForm } from '../commands/ticket';

/** `/ticket`'s service select: another page, the guide, a polite no, or (something else) the form. From memory, no database call. */
export const action = 'service';

export async function run(
  interaction: StringSelectMenuInteraction,
  _args: string[],
  ctx: DiscordContext,
): Promise<void> {
  // A button sent with this custom id (a forged one) has no values: it picks nothing.
  const value = (interaction.isStringSelectMenu() && interaction.values[0]) || '';
  const page = parsePageValue(value);
  const language = clientLanguage(interaction, ctx);
  if (page !== null)
    return void (await interaction.update(servicePicker(ctx.helpdesk.catalog.snapshot(), page, language)));
  const pick = ctx.helpdesk.catalog.pick(value, language);
  switch (pick.kind) {
    case 'guide':
      await interaction.update({
        content: guideText(pick.service, language),
        components: guideButtons(pick.service.id, language),
      });
      return;
    case 'something-else':
      // No guide to read first, so the form opens at once (asking the type itself).
      await interaction.showModal(ticketForm(guideFormId(null, null), clientTexts(interaction, ctx)));
      return;
    default:
      await interaction.update({ content: pick.message, components: [] });
  }
}
