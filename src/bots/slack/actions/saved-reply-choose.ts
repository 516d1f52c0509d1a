import type { App, BlockAction } from '@slack/bolt';
import { readerTexts } from '../../reader';
import { readableError, slackActor, type SlackContext } from '../context';
import { withRefusal } from '../guide-views';
import { SAVED_REPLY_CHOOSE, savedReplyPickView } from '../views/saved-reply-pick';

/** Another reply picked in the "Saved reply" form: its text, filled in for the ticket, replaces the one shown. */
export function registerSavedReplyChooseAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction>(SAVED_REPLY_CHOOSE, async ({ ack, body, action, client }) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const { ticketNumber } = JSON.parse(view.private_metadata || '{}') as { ticketNumber?: number };
    const name = action.type === 'static_select' ? (action.selected_option?.value ?? '') : '';
    const actor = slackActor(body.user.id, body.user.name);
    const tr = await readerTexts(ctx.helpdesk, ctx.settings.HELPDESK_LANGUAGE, actor);
    let next;
    try {
      const replies = await ctx.helpdesk.savedReplies.list(actor);
      const { reply, text } = await ctx.helpdesk.savedReplies.fill(actor, { ticketNumber, name });
      next = savedReplyPickView(
        tr,
        Number(ticketNumber),
        replies.map((r) => r.name),
        { name: reply.name, text },
      );
    } catch (error) {
      next = withRefusal(view, readableError(error, ctx.logger, tr));
    }
    await client.views.update({ view_id: view.id, hash: view.hash, view: next });
  });
}
