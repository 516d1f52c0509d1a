import type { App } from '@slack/bolt';
import type { TicketEntity } from '../../../db/entities';
import { messageId, readableError, slackActor, tellPrivately, type SlackContext } from '../context';

/** The parts of a Slack message the helpdesk reads (an event's message, or one from conversations.replies). */
export interface ThreadMessage {
  channel: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  bot_id?: string;
  subtype?: string;
  files?: Array<{ name?: string; mimetype?: string; size?: number; url_private?: string }>;
}

/**
 * The ticket a thread belongs to: a card's thread in the support channel (staff's side) or a
 * ticket's DM thread (the customer's side). Anything else is not the helpdesk's conversation.
 */
export async function ticketOfThread(ctx: SlackContext, channel: string, threadTs: string): Promise<TicketEntity | null> {
  const byCard = await ctx.helpdesk.deliveries.ticketAt('slackCardTs', threadTs);
  if (byCard && (byCard.location as Record<string, string>).slackChannel === channel) return byCard;
  const byDm = await ctx.helpdesk.deliveries.ticketAt('slackDmThreadTs', threadTs);
  if (byDm && (byDm.location as Record<string, string>).slackDmChannel === channel) return byDm;
  return null;
}

/**
 * Stores a human's reply in a ticket's thread as a comment (once: the core keys it on `channel:ts`,
 * so Slack's retries and the start-up catch-up cannot double it). Bot messages, our own mirrored
 * copies among them, are ignored. Returns false when the message is not a ticket's.
 */
export async function storeThreadMessage(ctx: SlackContext, message: ThreadMessage): Promise<boolean> {
  if (message.bot_id || message.subtype === 'bot_message' || !message.user) return false;
  if (message.subtype && message.subtype !== 'file_share' && message.subtype !== 'thread_broadcast') return false;
  if (!message.thread_ts || message.thread_ts === message.ts) return false; // top-level: not in a ticket's thread
  const ticket = await ticketOfThread(ctx, message.channel, message.thread_ts);
  if (!ticket) return false;
  await ctx.helpdesk.comments.comment(slackActor(message.user), {
    ticketNumber: ticket.number,
    body: message.text ?? '',
    platformMessageId: messageId(message.channel, message.ts),
    // Kept as names and links for now: downloading with the bot token is not built yet.
    attachments: (message.files ?? []).map((f) => ({ filename: f.name ?? 'file', contentType: f.mimetype ?? null, sizeBytes: f.size ?? 0, sourceUrl: f.url_private ?? null })),
  });
  return true;
}

/** Messages in tickets' threads, their edits and their deletions. */
export function registerMessageEvents(app: App, ctx: SlackContext): void {
  app.event('message', async ({ event }) => {
    const e = event as unknown as ThreadMessage & { message?: ThreadMessage; previous_message?: ThreadMessage; deleted_ts?: string };
    try {
      if (e.subtype === 'message_changed' && e.message) {
        if (e.message.bot_id || !e.message.user) return;
        await ctx.helpdesk.comments.edit(slackActor(e.message.user), { platformMessageId: messageId(e.channel, e.message.ts), body: e.message.text ?? '' });
        return;
      }
      if (e.subtype === 'message_deleted') {
        const ts = e.deleted_ts ?? e.previous_message?.ts;
        if (!ts || e.previous_message?.bot_id) return;
        const by = e.previous_message?.user;
        await ctx.helpdesk.comments.markDeleted('slack', { platformMessageId: messageId(e.channel, ts) }, by ? slackActor(by) : undefined);
        return;
      }
      await storeThreadMessage(ctx, e);
    } catch (error) {
      if (!e.user) return;
      await tellPrivately(app, { channel: e.channel, user: e.user, threadTs: e.thread_ts }, `Your message was not added to the ticket: ${readableError(error, ctx.logger)}`);
    }
  });
}
