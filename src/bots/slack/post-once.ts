import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { OutgoingDelivery } from '../../delivery/sender';

/** The metadata event type our posts carry, with the delivery's id and step as its payload. */
export const DELIVERY_EVENT = 'chatdesk_delivery';

/** How far before a delivery's first claim a look-up still searches: clocks here and at Slack differ a little. */
const CLOCK_SKEW_S = 10;

export interface SlackPost {
  channel: string;
  thread_ts?: string;
  text: string;
  blocks?: KnownBlock[];
}

export interface Posted {
  channel: string;
  ts: string;
  /** Found where an earlier attempt posted it, so it shows what was drawn then. */
  earlier?: true;
}

/**
 * Posts one message of a delivery at most once. Every post carries the delivery's id and the step
 * (a delivery may post several messages) in its message metadata; a delivery that may have been
 * sent before first looks for that metadata in the destination, no further back than its first
 * claim, and answers with the message found instead of posting it again.
 */
export async function postOnce(
  client: WebClient,
  delivery: OutgoingDelivery,
  step: string,
  post: SlackPost,
): Promise<Posted> {
  if (delivery.mayHaveBeenSent) {
    const earlier = await findEarlierPost(client, delivery, step, post);
    if (earlier) return { channel: post.channel, ts: earlier, earlier: true };
  }
  const posted = await client.chat.postMessage({
    ...post,
    metadata: { event_type: DELIVERY_EVENT, event_payload: { delivery_id: delivery.id, step } },
  });
  return { channel: posted.channel ?? post.channel, ts: posted.ts! };
}

/** The ts of this delivery step's message, if an earlier attempt posted it: the thread's replies, or the channel's top level. */
async function findEarlierPost(
  client: WebClient,
  delivery: OutgoingDelivery,
  step: string,
  post: SlackPost,
): Promise<string | undefined> {
  const oldest = (delivery.firstClaimedAt.getTime() / 1000 - CLOCK_SKEW_S).toFixed(6);
  let cursor: string | undefined;
  do {
    const page = post.thread_ts
      ? await client.conversations.replies({
          channel: post.channel,
          ts: post.thread_ts,
          oldest,
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        })
      : await client.conversations.history({
          channel: post.channel,
          oldest,
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
    for (const message of page.messages ?? []) {
      const metadata = (message as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } })
        .metadata;
      if (
        message.bot_id &&
        metadata?.event_type === DELIVERY_EVENT &&
        String(metadata.event_payload?.delivery_id) === String(delivery.id) &&
        metadata.event_payload?.step === step
      )
        return message.ts;
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return undefined;
}
