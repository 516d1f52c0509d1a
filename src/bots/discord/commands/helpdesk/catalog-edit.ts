import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { clientTexts } from '../../answer';
import type { DiscordContext } from '../../context';
import { showServiceForm } from '../../modals/catalog-form';

/** `/helpdesk catalog edit ID` (admins): the service form, filled in from the catalog in memory. */
export const name = 'helpdesk catalog edit';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const id = interaction.options.getInteger('id', true);
  const service = ctx.helpdesk.catalog.snapshot().find((s) => s.id === id);
  if (!service)
    return void (await interaction.reply({
      content: clientTexts(interaction, ctx)('answers.catalog.noService', { id }),
      flags: MessageFlags.Ephemeral,
    }));
  await showServiceForm(interaction, ctx, service);
}
