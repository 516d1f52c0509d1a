import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { RATING_COMMENT_MAX } from '../../../core/schemas';
import { RATING_COMMENT_BUTTON, ratingCommentView } from '../blocks';
import { textsOf, type SlackContext } from '../context';

/** "Add a comment" under a rating: the small form opens (no database call first; the core checks on submission). */
export function registerRatingCommentAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(RATING_COMMENT_BUTTON, async ({ ack, body, action, client }) => {
    await ack();
    await ctx.ackFirst.answered();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: ratingCommentView(await textsOf(ctx, body.user.id), Number(action.value), RATING_COMMENT_MAX),
    });
  });
}
