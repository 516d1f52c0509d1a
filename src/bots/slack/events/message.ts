import type { App } from '@slack/bolt';
import type { AttachmentInput } from '../../../core/schemas';
import type { LocatedTicket } from '../../../core/model';
import { messageId, readableError, slackActor, tellPrivately, textsOf, type SlackContext } from '../context';
import { downloadCapped, hostOf, slackFileHosts } from '../../downloads';
import { handleTopLevelDm, isTopLevelDm } from './direct-message';
import { slackPlace } from '../../../core/location';

/** The parts of a Slack message the helpdesk reads (an event's message, or one from conversations.replies). */
export interface ThreadMessage {
  channel: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  bot_id?: string;
  subtype?: string;
  channel_type?: string;
  files?: SlackFile[];
}

export interface SlackFile {
  name?: string;
  mimetype?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
  /** `hosted` or `snippet` are Slack's own; `external` files (Google Drive, Dropbox) live elsewhere. */
  mode?: string;
  is_external?: boolean;
}

/**
 * A message's files, downloaded with the bot token (Slack's file links are private) from Slack's
 * file hosts only, up to ATTACHMENT_MAX_MB; an external file (a Drive link), one that is too large,
 * on another host, or that can't be fetched keeps its name, size and link.
 */
export async function attachmentsOf(ctx: SlackContext, files: SlackFile[] = []): Promise<AttachmentInput[]> {
  const maxBytes = ctx.helpdesk.ctx.policy.attachmentMaxBytes;
  return Promise.all(
    files.map(async (f) => {
      const url = f.url_private_download ?? f.url_private ?? null;
      const base: AttachmentInput = {
        filename: (f.name ?? 'file').slice(0, 255),
        contentType: f.mimetype ?? null,
        sizeBytes: f.size ?? 0,
        sourceUrl: url,
      };
      const external = f.is_external === true || f.mode === 'external';
      if (!url || external || (f.size ?? 0) > maxBytes || !ctx.settings.SLACK_BOT_TOKEN) return base;
      try {
        const data = await downloadCapped(url, {
          allowedHosts: slackFileHosts(ctx.settings.SLACK_API_URL),
          maxBytes,
          headers: { authorization: `Bearer ${ctx.settings.SLACK_BOT_TOKEN}` },
        });
        return data
          ? { ...base, data, sizeBytes: data.length }
          : { ...base, sizeBytes: Math.max(base.sizeBytes, maxBytes + 1) };
      } catch (error) {
        ctx.logger.warn(
          { err: error, host: hostOf(url) },
          'could not download a Slack file; keeping its name and link',
        );
        return base;
      }
    }),
  );
}

/**
 * The ticket a thread belongs to: a card's thread in the support channel (staff's side) or a
 * ticket's DM thread (the customer's side). Anything else is not the helpdesk's conversation.
 */
export async function ticketOfThread(
  ctx: SlackContext,
  channel: string,
  threadTs: string,
): Promise<LocatedTicket | null> {
  const byCard = await ctx.helpdesk.deliveries.ticketAt('slackCardTs', threadTs);
  if (byCard && slackPlace(byCard.location).channel === channel) return byCard;
  const byDm = await ctx.helpdesk.deliveries.ticketAt('slackDmThreadTs', threadTs);
  if (byDm && slackPlace(byDm.location).dmChannel === channel) return byDm;
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
    attachments: await attachmentsOf(ctx, message.files),
  });
  return true;
}

/** Messages in tickets' threads, their edits and their deletions. */
export function registerMessageEvents(app: App, ctx: SlackContext): void {
  app.event('message', async ({ event }) => {
    const e = event as unknown as ThreadMessage & {
      message?: ThreadMessage;
      previous_message?: ThreadMessage;
      deleted_ts?: string;
    };
    try {
      if (e.subtype === 'message_changed' && e.message) {
        if (e.message.bot_id || !e.message.user) return;
        await ctx.helpdesk.comments.edit(slackActor(e.message.user), {
          platformMessageId: messageId(e.channel, e.message.ts),
          body: e.message.text ?? '',
        });
        return;
      }
      if (e.subtype === 'message_deleted') {
        const ts = e.deleted_ts ?? e.previous_message?.ts;
        if (!ts || e.previous_message?.bot_id) return;
        const by = e.previous_message?.user;
        await ctx.helpdesk.comments.markDeleted(
          'slack',
          { platformMessageId: messageId(e.channel, ts) },
          by ? slackActor(by) : undefined,
        );
        return;
      }
      if (await (ctx.storeLive ? ctx.storeLive(e) : storeThreadMessage(ctx, e))) return;
      if (isTopLevelDm(e)) await handleTopLevelDm(app, ctx, e);
    } catch (error) {
      if (!e.user) return;
      await tellPrivately(
        app,
        { channel: e.channel, user: e.user, threadTs: e.thread_ts },
        await textsOf(ctx, e.user).then((tr) =>
          tr('slack.dm.notAddedToTicket', { reason: readableError(error, ctx.logger, tr) }),
        ),
      );
    }
  });
}
