import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { NotFoundError } from '../../../core/errors';
import { t } from '../../../core/texts';
import { readableError, slackActor, type SlackContext } from '../context';
import { readReactedMessage } from '../reacted-message';
import { REACTION_TICKET_OPEN, readReactedAt } from '../ways-in-views';
import { answerConfirmation } from './reaction-ticket-cancel';

/**
 * Open, under "Open a ticket with this message?": the message is read again (it may have changed
 * or gone) and the ticket opened through the core, which checks the person again. The ticket's
 * card and DM follow through the delivery queue, and so does the threaded reply on the message.
 */
export function registerReactionTicketOpen(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(REACTION_TICKET_OPEN, async ({ ack, body, action, client }) => {
    await ack();
    await ctx.ackFirst.answered();
    const actor = slackActor(body.user.id);
    const language = await ctx.helpdesk.messageTickets.language(actor);
    let answer: string;
    try {
      const at = readReactedAt(action.value);
      const message = at ? await readReactedMessage(client, at.channel, at.ts) : null;
      if (!at || !message) throw new NotFoundError(t(language, 'waysIn.messageGone'));
      const ticket = await ctx.helpdesk.messageTickets.openFromText(
        actor,
        {
          platform: 'slack',
          channelId: at.channel,
          messageId: at.ts,
          author: message.user ? slackActor(message.user) : null,
        },
        message.text,
        { location: { slackSourceChannel: at.channel, slackSourceTs: at.ts, slackSourceReply: 'wanted' } },
      );
      answer = t(language, 'waysIn.opened', { number: ticket.number });
    } catch (error) {
      answer = t(language, 'waysIn.notOpened', { reason: readableError(error, ctx.logger) });
    }
    await answerConfirmation(client, body, answer);
  });
}
