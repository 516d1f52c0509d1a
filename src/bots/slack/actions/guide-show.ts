import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { textsFor } from '../../../core/texts';
import { languageOfUser, readableError, slackActor, type SlackContext } from '../context';
import { GUIDE_SHOW, offerView, refuseInModal } from '../guide-views';

/** "Show it" on a form left waiting: the modal shows it again with the articles it was offered, and the same two ways on. */
export function registerGuideShowAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(GUIDE_SHOW, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    await ctx.ackFirst.answered();
    const language = await languageOfUser(ctx, body.user.id);
    try {
      const draft = await ctx.helpdesk.guides.draft(slackActor(body.user.id, body.user.name), {
        draftId: action.value ?? '',
      });
      await client.views.update({ view_id: body.view.id, view: offerView(language, draft) });
    } catch (error) {
      await refuseInModal(client, body.view, readableError(error, ctx.logger, textsFor(language)));
    }
  });
}
