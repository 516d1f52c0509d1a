import type { MessageComponentInteraction } from 'discord.js';
import { t } from '../../../core/texts';
import { interactionActor } from '../actor';
import type { DiscordContext } from '../context';

/** Cancel, under "Open a ticket with this message?": nothing is stored, and the question says so. */
export async function run(interaction: MessageComponentInteraction, ctx: DiscordContext): Promise<void> {
  const language = await ctx.helpdesk.messageTickets.language(interactionActor(interaction));
  await ctx.helpdesk.dmQuestions.forget('discord', interaction.user.id);
  await interaction.update({ content: t(language, 'waysIn.cancelled'), components: [] });
}
