import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { t } from '../../../core/texts';
import { slackActor, type SlackContext } from '../context';
import { tellOnePerson } from '../reacted-message';
import { REACTION_TICKET_CANCEL } from '../ways-in-views';

/** Cancel, under "Open a ticket with this message?": nothing is stored, and the person is told so. */
export function registerReactionTicketCancel(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(REACTION_TICKET_CANCEL, async ({ ack, body, client }) => {
    await ack();
    await ctx.ackFirst.answered();
    const language = await ctx.helpdesk.messageTickets.language(slackActor(body.user.id));
    await answerConfirmation(client, body, t(language, 'waysIn.cancelled'));
  });
}

/**
 * The answer to a press on the confirmation: the question in the DM (it is the app's own message)
 * becomes the answer; an ephemeral question cannot be edited by the app, so the answer follows it.
 */
export async function answerConfirmation(client: WebClient, body: BlockAction, text: string): Promise<void> {
  const channel = body.container?.channel_id ?? body.channel?.id;
  const ts = body.container?.message_ts ?? body.message?.ts;
  if (!channel) return;
  if (!body.container?.is_ephemeral && ts) {
    await client.chat.update({ channel, ts, text, blocks: [] });
    return;
  }
  await tellOnePerson(client, { channel, user: body.user.id }, text);
}
