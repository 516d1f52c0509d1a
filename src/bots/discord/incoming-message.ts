import type { AttachmentInput } from '../../core/schemas';
import type { ActorRef } from '../../core/services/people';
import type { DiscordContext } from './context';
import { discordFileHosts, downloadCapped, hostOf } from '../downloads';

/** A message as the adapter stores it, whether it came over the gateway or from a fetch after downtime. */
export interface IncomingMessage {
  id: string;
  channelId: string;
  author: ActorRef;
  content: string;
  attachments: Array<{ url: string; filename: string; size: number; contentType: string | null }>;
}

/**
 * A message in a ticket's thread becomes a comment; one in its staff-channel thread, an internal
 * note. The message id makes a second delivery of the same message a no-op in the core.
 */
export async function storeIncomingMessage(ctx: DiscordContext, message: IncomingMessage): Promise<boolean> {
  const { deliveries, comments } = ctx.helpdesk;
  const ticket = await deliveries.ticketAt('discordThreadId', message.channelId);
  if (ticket) {
    const attachments = await download(ctx, message.attachments);
    await comments.comment(message.author, {
      ticketNumber: ticket.number,
      body: message.content,
      platformMessageId: message.id,
      attachments,
    });
    return true;
  }
  const noted = await deliveries.ticketAt('discordStaffThreadId', message.channelId);
  if (noted && message.content.trim()) {
    await comments.note(message.author, {
      ticketNumber: noted.number,
      body: message.content,
      platformMessageId: message.id,
    });
    return true;
  }
  return false;
}

/**
 * Discord's attachment links expire, so files are fetched now, from Discord's CDN only; one over the
 * size setting (declared or read), or elsewhere, is recorded without its data.
 */
async function download(ctx: DiscordContext, files: IncomingMessage['attachments']): Promise<AttachmentInput[]> {
  const maxBytes = ctx.helpdesk.ctx.policy.attachmentMaxBytes;
  return Promise.all(
    files.map(async (file) => {
      const base = {
        filename: file.filename,
        contentType: file.contentType,
        sizeBytes: file.size,
        sourceUrl: file.url,
      };
      if (file.size > maxBytes) return base;
      try {
        const data = await downloadCapped(file.url, {
          allowedHosts: discordFileHosts(ctx.settings.DISCORD_API_URL),
          maxBytes,
        });
        return data
          ? { ...base, data, sizeBytes: data.length }
          : { ...base, sizeBytes: Math.max(file.size, maxBytes + 1) };
      } catch (error) {
        ctx.logger.warn(
          { err: error, host: hostOf(file.url) },
          'could not download a Discord attachment; keeping its name and link',
        );
        return base;
      }
    }),
  );
}
