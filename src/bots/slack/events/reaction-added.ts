import type { App } from '@slack/bolt';
import { slackActor, type SlackContext } from '../context';
import { readReactedMessage, tellOnePerson } from '../reacted-message';
import { confirmBlocks } from '../ways-in-views';

/**
 * The ticket emoji (`SLACK_TICKET_EMOJI`) on a message in a channel the app is in: the message is
 * read with `reactions.get`, the core says whether this person may make a ticket of it (their own
 * message, or anyone's for staff; within the limits; not a ticket already), and the person is asked
 * privately to confirm. Nothing is stored until they press Open. A message the app cannot read (a
 * channel it is not in) is left alone, and so is one of the app's own.
 */
export function registerReactionAdded(app: App, ctx: SlackContext): void {
  app.event('reaction_added', async ({ event, client, context }) => {
    if (event.item.type !== 'message') return;
    if (event.reaction.split('::')[0] !== ctx.settings.SLACK_TICKET_EMOJI) return;
    await ctx.ackFirst.answered();
    const { channel, ts } = event.item;
    const message = await readReactedMessage(client, channel, ts);
    if (!message) return;
    // The app's own messages (a card, a confirmation, a mirrored reply) are the helpdesk's, not anyone's request.
    if (isOwnMessage(message, context)) return;
    const actor = slackActor(event.user);
    const check = await ctx.helpdesk.messageTickets.check(actor, {
      platform: 'slack',
      channelId: channel,
      messageId: ts,
      author: message.user ? slackActor(message.user) : null,
    });
    const where = { channel, user: event.user, ...(message.thread_ts ? { threadTs: message.thread_ts } : {}) };
    if (!check.allowed) return tellOnePerson(client, where, check.reason);
    const forAuthor = check.forAuthor && message.user ? message.user : null;
    const { text, blocks } = confirmBlocks(check.language, { channel, ts }, message.text, forAuthor);
    await tellOnePerson(client, where, text, blocks);
  });
}

function isOwnMessage(
  message: { user?: string; bot_id?: string },
  app: { botId?: string; botUserId?: string },
): boolean {
  return Boolean((message.bot_id && message.bot_id === app.botId) || (message.user && message.user === app.botUserId));
}
