import type { Message, PartialMessage } from 'discord.js';
import type { DiscordContext } from '../context';

/** A deleted message marks its comment deleted; nothing is erased. Discord does not say who deleted it. */
export async function onMessageDelete(message: Message | PartialMessage, ctx: DiscordContext): Promise<void> {
  await ctx.helpdesk.comments.markDeleted('discord', { platformMessageId: message.id });
}
