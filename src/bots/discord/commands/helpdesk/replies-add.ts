import type { ChatInputCommandInteraction } from 'discord.js';
import type { DiscordContext } from '../../context';
import { showSavedReplyForm } from '../../modals/saved-reply-form';

/** `/helpdesk replies add` (admins): the saved-reply form. */
export const name = 'helpdesk replies add';

export const run = (interaction: ChatInputCommandInteraction, ctx: DiscordContext) =>
  showSavedReplyForm(interaction, ctx);
