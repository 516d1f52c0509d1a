import type { WebClient } from '@slack/web-api';

/** The parts of a message a ticket is made from. */
export interface ReactedMessage {
  text: string;
  user?: string;
  bot_id?: string;
  thread_ts?: string;
}

/**
 * A message as `reactions.get` returns it (it reads any channel the app is in, where
 * `conversations.history` would need each kind of channel's history scope); null when Slack
 * cannot show it (deleted, or a channel the app is not in).
 */
export async function readReactedMessage(
  client: WebClient,
  channel: string,
  ts: string,
): Promise<ReactedMessage | null> {
  try {
    const answer = await client.reactions.get({ channel, timestamp: ts, full: true });
    const message = answer.message as (ReactedMessage & { text?: string }) | undefined;
    return message ? { ...message, text: message.text ?? '' } : null;
  } catch {
    return null;
  }
}

/**
 * Said to one person only: an ephemeral message where they are, or, when Slack will not show one
 * there (the person is not in the channel, or it is a kind of conversation that takes none), in
 * their DM with the app.
 */
export async function tellOnePerson(
  client: WebClient,
  where: { channel: string; user: string; threadTs?: string },
  text: string,
  blocks?: unknown[],
): Promise<void> {
  const content = { text, ...(blocks ? { blocks: blocks as never } : {}) };
  try {
    await client.chat.postEphemeral({
      channel: where.channel,
      user: where.user,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      ...content,
    });
  } catch {
    const dm = await client.conversations.open({ users: where.user });
    await client.chat.postMessage({ channel: String(dm.channel?.id ?? where.user), ...content });
  }
}
