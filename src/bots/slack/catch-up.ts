import type { WebClient } from '@slack/web-api';
import { messageRef, type SlackContext } from './context';
import { storeThreadMessage, type ThreadMessage } from './events/message';

/**
 * Replies written while the app was down (Slack stops retrying after a few minutes), fetched from
 * each open ticket's two threads and stored like live ones: the core's `channel:ts` key skips any
 * already stored, so overlapping with what did arrive is harmless.
 */
export async function fetchMissedReplies(client: WebClient, ctx: SlackContext): Promise<number> {
  let stored = 0;
  for (const ticket of await ctx.helpdesk.deliveries.openTicketsOn('slack')) {
    const place = ticket.location as Record<string, string>;
    const last = await ctx.helpdesk.deliveries.lastMessageId(ticket.id, 'slack');
    const oldest = last ? messageRef(last).ts : undefined;
    const threads = [
      [place.slackChannel, place.slackCardTs],
      [place.slackDmChannel, place.slackDmThreadTs],
    ];
    for (const [channel, ts] of threads) {
      if (!channel || !ts) continue;
      try {
        let cursor: string | undefined;
        do {
          const page = await client.conversations.replies({
            channel,
            ts,
            ...(oldest ? { oldest } : {}),
            ...(cursor ? { cursor } : {}),
            limit: 200,
          });
          for (const message of (page.messages ?? []) as ThreadMessage[]) {
            if (await storeThreadMessage(ctx, { ...message, channel, thread_ts: message.thread_ts ?? ts })) stored++;
          }
          cursor = page.response_metadata?.next_cursor || undefined;
        } while (cursor);
      } catch (error) {
        ctx.logger.warn({ err: error, ticket: ticket.number, channel }, 'could not fetch missed slack replies');
      }
    }
  }
  return stored;
}
