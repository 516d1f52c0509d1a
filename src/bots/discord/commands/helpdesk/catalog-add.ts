import type { ChatInputCommandInteraction } from 'discord.js';
import type { DiscordContext } from '../../context';
import { showServiceForm } from '../../modals/catalog-form';

/** `/helpdesk catalog add` (admins): the service form. */
export const name = 'helpdesk catalog add';

export const run = (interaction: ChatInputCommandInteraction, ctx: DiscordContext) => showServiceForm(interaction, ctx);
