import { MessageType, Routes, type APIMessage, type REST } from 'discord.js';
import { actorOf } from '../actor';
import type { DiscordContext } from '../context';
import type { CatchUpGate } from '../catch-up-gate';
import { storeIncomingMessage } from '../incoming-message';
import { discordPlace } from '../../../core/location';

/**
 * After (re)connecting: messages written in open tickets' threads while the bot was away are
 * fetched after the last one stored and stored in order. Edits and deletes made meanwhile can't
 * be recovered this way (Discord sends no history of them). Live messages in a thread not caught up
 * yet wait at the gate and are stored after the missed ones.
 */
export async function catchUpMissedMessages(rest: REST, ctx: DiscordContext, gate?: CatchUpGate): Promise<number> {
  let stored: number;
  const tickets = ctx.helpdesk.deliveries.openTicketsOn('discord');
  gate?.begin(
    tickets.then((list) => list.map((t) => discordPlace(t.location).threadId).filter((id): id is string => !!id)),
  );
  try {
    stored = await catchUpTickets(rest, ctx, await tickets, gate);
  } finally {
    await gate?.end();
  }
  if (stored > 0) ctx.wakeDispatcher();
  return stored;
}

async function catchUpTickets(
  rest: REST,
  ctx: DiscordContext,
  tickets: Awaited<ReturnType<DiscordContext['helpdesk']['deliveries']['openTicketsOn']>>,
  gate: CatchUpGate | undefined,
): Promise<number> {
  let stored = 0;
  for (const ticket of tickets) {
    const place = discordPlace(ticket.location);
    const threadId = place.threadId;
    if (!threadId) continue;
    let after = (await ctx.helpdesk.deliveries.lastMessageId(ticket.id, 'discord')) ?? place.cardMessageId;
    try {
      for (;;) {
        const page = (await rest.get(Routes.channelMessages(threadId), {
          query: new URLSearchParams({ limit: '100', ...(after ? { after } : {}) }),
        })) as APIMessage[];
        // Discord lists newest first; comments are stored oldest first.
        const ordered = [...page].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
        for (const message of ordered) {
          if (message.author.bot || (message.type !== MessageType.Default && message.type !== MessageType.Reply))
            continue;
          const author = actorOf({
            id: message.author.id,
            username: message.author.username,
            globalName: message.author.global_name ?? null,
          });
          await storeIncomingMessage(ctx, {
            id: message.id,
            channelId: threadId,
            author,
            content: message.content,
            attachments: message.attachments.map((a) => ({
              url: a.url,
              filename: a.filename,
              size: a.size,
              contentType: a.content_type ?? null,
            })),
          });
          stored += 1;
        }
        if (ordered.length < 100) break;
        after = ordered[ordered.length - 1].id;
      }
    } catch (error) {
      ctx.logger.warn({ err: error, ticket: ticket.number }, 'could not fetch missed Discord messages for a ticket');
    }
    await gate?.caughtUp(threadId);
  }
  return stored;
}
