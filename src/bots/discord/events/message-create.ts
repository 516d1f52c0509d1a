import { MessageType, type Message } from 'discord.js';
import { actorOf } from '../actor';
import type { DiscordContext } from '../context';
import { storeIncomingMessage } from '../incoming-message';
import { onDirectMessage } from './direct-message';

/** Someone wrote in a thread: a ticket's comment (or a staff thread's note). Bots and system messages are not. */
export async function onMessageCreate(message: Message, ctx: DiscordContext): Promise<void> {
  if (!message.author.bot && !message.system && message.channel.isDMBased()) return onDirectMessage(message, ctx);
  if (message.author.bot || message.system || !message.channel.isThread()) return;
  if (message.type !== MessageType.Default && message.type !== MessageType.Reply) return;
  // Only the helpdesk's own server holds its tickets.
  if (ctx.settings.DISCORD_GUILD_ID && message.guildId !== ctx.settings.DISCORD_GUILD_ID) return;
  const stored = await storeIncomingMessage(ctx, {
    id: message.id,
    channelId: message.channelId,
    author: actorOf(message.author, message.member),
    content: message.content,
    attachments: message.attachments.map((a) => ({
      url: a.url,
      filename: a.name,
      size: a.size,
      contentType: a.contentType,
    })),
  });
  if (stored) ctx.wakeDispatcher();
}
