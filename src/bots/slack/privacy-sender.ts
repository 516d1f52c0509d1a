import type { WebClient } from '@slack/web-api';
import type { ErasedPlaces } from '../../core/services/erasure';
import { SlackApiError } from './api-errors';

const slackError = (error: unknown) => (error as { data?: { error?: string } }).data?.error;

/** Deletes one of the bot's messages; one already gone, or someone else's (Slack refuses those), needs nothing more. */
function removeOwn(client: WebClient, channel: string, ts: string): Promise<unknown> {
  return client.chat.delete({ channel, ts }).catch((error: unknown) => {
    const code = slackError(error);
    if (code !== SlackApiError.MessageNotFound && code !== SlackApiError.CantDeleteMessage) throw error;
  });
}

/** The bot's replies in a thread (never recorded, so read back), then the thread's top. */
async function removeOwnThread(client: WebClient, channel: string, ts: string): Promise<void> {
  const replies = await client.conversations.replies({ channel, ts, limit: 1000 }).catch((error: unknown) => {
    const code = slackError(error);
    if (code !== SlackApiError.ThreadNotFound && code !== SlackApiError.ChannelNotFound) throw error;
    return { messages: [] as Array<{ ts?: string; bot_id?: string }> };
  });
  for (const reply of replies.messages ?? [])
    if (reply.bot_id && reply.ts && reply.ts !== ts) await removeOwn(client, channel, reply.ts);
  await removeOwn(client, channel, ts);
}

/**
 * An erased person's ticket: the bot deletes what it posted (its copies, the card and the top of
 * the DM thread, and every notice it posted in those threads). Slack lets no app delete a person's
 * message, so what people wrote stays (the erasure's answer says so).
 */
export async function deleteOwnPosts(client: WebClient, places: ErasedPlaces): Promise<void> {
  for (const message of places.messages ?? []) await removeOwn(client, message.channel, message.id);
  for (const thread of places.slackThreads ?? []) await removeOwnThread(client, thread.channel, thread.id);
}

/**
 * An erased person's DM with the app: every message the bot wrote there, threads included, is
 * deleted. The conversation is read whole before anything goes, so deleting never shifts a page.
 */
export async function deleteOwnDirectMessages(client: WebClient, userId: string): Promise<void> {
  const opened = await client.conversations.open({ users: userId }).catch((error: unknown) => {
    const code = slackError(error);
    if (
      code === SlackApiError.UserNotFound ||
      code === SlackApiError.UserDisabled ||
      code === SlackApiError.CannotDmBot
    )
      return null;
    throw error;
  });
  const channel = opened?.channel?.id;
  if (!channel) return;
  const tops: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.conversations.history({ channel, limit: 200, ...(cursor ? { cursor } : {}) });
    for (const message of page.messages ?? []) if (message.ts) tops.push(message.ts);
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  // A person's own message may carry the bot's replies (a ticket's DM thread): each thread is read back.
  for (const ts of tops) await removeOwnThread(client, channel, ts);
}
