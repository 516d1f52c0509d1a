import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { guideMessagesIn } from '../../../core/rules/catalog';
import { textsFor } from '../../../core/texts';
import { languageOfUser, readableError, slackActor, type SlackContext } from '../context';
import { closingView, GUIDE_SOLVED, refuseInModal } from '../guide-views';

/** "This solved it" on an offered article (value `draftId:articleId`): no ticket, a deflection counted with the article, and the modal says so. */
export function registerGuideSolvedAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(GUIDE_SOLVED, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    await ctx.ackFirst.answered();
    const [draftId = '', articleId = ''] = (action.value ?? '').split(':');
    const language = await languageOfUser(ctx, body.user.id);
    try {
      const article = await ctx.helpdesk.guides.deflect(slackActor(body.user.id, body.user.name), {
        draftId,
        articleId,
      });
      await client.views.update({
        view_id: body.view.id,
        view: closingView(language, guideMessagesIn(language).deflected(article)),
      });
    } catch (error) {
      await refuseInModal(client, body.view, readableError(error, ctx.logger, textsFor(language)));
    }
  });
}
