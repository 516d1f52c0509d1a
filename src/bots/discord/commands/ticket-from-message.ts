import { MessageFlags, type MessageContextMenuCommandInteraction } from 'discord.js';
import { DEFAULT_LANGUAGE, t } from '../../../core/texts';
import { actorOf, interactionActor } from '../actor';
import type { DiscordContext } from '../context';
import { chatMessage, confirmation } from '../ways-in';

/** The message command's name, as Discord shows it in a message's Apps menu (at most 32 characters). */
export const name = t(DEFAULT_LANGUAGE, 'commands.ticketFromMessage');

/**
 * "Open a ticket from this message": the same confirmation as a DM's, privately. A customer may
 * use their own message only; staff anyone's, for its author. Who may is the core's to say.
 */
export async function run(interaction: MessageContextMenuCommandInteraction, ctx: DiscordContext): Promise<void> {
  const target = interaction.targetMessage;
  const actor = interactionActor(interaction);
  const author = target.author.bot || target.webhookId ? null : actorOf(target.author, target.member);
  const check = await ctx.helpdesk.messageTickets.check(actor, chatMessage(target.channelId, target.id, author));
  if (!check.allowed) {
    await interaction.reply({ content: check.reason.slice(0, 2000), flags: MessageFlags.Ephemeral });
    return;
  }
  const forAuthor = check.forAuthor && author ? author.userId : null;
  await interaction.reply({
    ...confirmation(check.language, { channelId: target.channelId, messageId: target.id }, target.content, forAuthor),
    flags: MessageFlags.Ephemeral,
  });
}
