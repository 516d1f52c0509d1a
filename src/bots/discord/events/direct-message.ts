import { Routes, type Message } from 'discord.js';
import { actorOf } from '../actor';
import type { DiscordContext } from '../context';
import { isFromHelpdeskGuild } from '../guild';
import { chatMessage, confirmation } from '../ways-in';

/**
 * A DM to the bot from a member of the helpdesk's server: "Open a ticket with this message?" with
 * Open / Cancel, nothing stored until Open. A second DM while the question is open updates it to
 * ask about the newer message (the open question is kept in the database: a restart or another
 * instance updates the same one). When the catalog has services, the guide's service select asks
 * which first. DMs from people outside the server are ignored.
 */
export async function onDirectMessage(message: Message, ctx: DiscordContext): Promise<void> {
  const rest = message.client.rest;
  if (!(await isFromHelpdeskGuild(ctx, rest, { guildId: null, userId: message.author.id }))) return;
  const author = actorOf(message.author);
  const check = await ctx.helpdesk.messageTickets.check(author, chatMessage(message.channelId, message.id, author));
  if (!check.allowed) {
    await rest.post(Routes.channelMessages(message.channelId), { body: { content: check.reason.slice(0, 2000) } });
    return;
  }
  const body = confirmation(
    check.language,
    { channelId: message.channelId, messageId: message.id },
    message.content,
    null,
    ctx.helpdesk.catalog.snapshot(),
  );
  const questions = ctx.helpdesk.dmQuestions;
  const open = await questions.find('discord', message.author.id);
  if (open) {
    const updated = await rest
      .patch(Routes.channelMessage(open.channelId, open.questionId), { body })
      .then(() => true)
      .catch(() => false);
    if (updated) return;
  }
  const asked = (await rest.post(Routes.channelMessages(message.channelId), { body })) as { id: string };
  await questions.remember('discord', message.author.id, { channelId: message.channelId, questionId: asked.id });
}
