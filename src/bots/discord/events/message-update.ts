import type { Message, PartialMessage } from 'discord.js';
import { actorOf } from '../actor';
import type { DiscordContext } from '../context';

/** An edit in a thread updates its comment; the core keeps the old text. Messages it never stored are ignored. */
export async function onMessageUpdate(message: Message | PartialMessage, ctx: DiscordContext): Promise<void> {
  if (message.partial || !message.author || message.author.bot || !message.channel.isThread()) return;
  await ctx.helpdesk.comments.edit(actorOf(message.author, message.member), {
    platformMessageId: message.id,
    body: message.content ?? '',
  });
}
