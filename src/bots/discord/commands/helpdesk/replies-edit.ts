import type { ChatInputCommandInteraction } from 'discord.js';
import type { DiscordContext } from '../../context';
import { showSavedReplyForm } from '../../modals/saved-reply-form';

/** `/helpdesk replies edit NAME` (admins): the saved-reply form, filled in with the reply as it is. */
export const name = 'helpdesk replies edit';

export const run = (interaction: ChatInputCommandInteraction, ctx: DiscordContext) =>
  showSavedReplyForm(interaction, ctx, interaction.options.getString('name', true));
