import type { App, BlockAction } from '@slack/bolt';
import { readerTexts } from '../../reader';
import { SAVED_REPLY_BUTTON } from '../blocks';
import { readableError, slackActor, type SlackContext } from '../context';
import { savedReplyPickView } from '../views/saved-reply-pick';
import { tellPresser } from './ticket-action';

/**
 * The card's "Saved reply" button (staff): the form with the replies to pick from and the first
 * one filled in for the ticket. Listing and filling are the core's, staff-only, so a customer or a
 * ticket staff may not answer is refused privately before any form opens; two indexed reads, well
 * inside the trigger id's 3 s.
 */
export function registerSavedReplyAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction>(SAVED_REPLY_BUTTON, async ({ ack, body, action, client }) => {
    await ack();
    const ticketNumber = Number('value' in action ? action.value : NaN);
    const actor = slackActor(body.user.id, body.user.name);
    const tr = await readerTexts(ctx.helpdesk, ctx.settings.HELPDESK_LANGUAGE, actor);
    let view;
    try {
      const replies = await ctx.helpdesk.savedReplies.list(actor);
      if (replies.length === 0) return await tellPresser(client, body, tr('savedRepliesChat.noReplies'));
      const { reply, text } = await ctx.helpdesk.savedReplies.fill(actor, { ticketNumber, name: replies[0].name });
      view = savedReplyPickView(
        tr,
        ticketNumber,
        replies.map((r) => r.name),
        { name: reply.name, text },
      );
    } catch (error) {
      await tellPresser(client, body, readableError(error, ctx.logger, tr));
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
