import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { textsFor } from '../../../core/texts';
import { languageOfUser, readableError, slackActor, type SlackContext } from '../context';
import { GUIDE_OPEN, refuseInModal } from '../guide-views';
import { openDraft } from '../views/guided-ticket-form';

/** "Open the ticket" under the offered articles, or "Open it as a ticket" for a form left waiting: the draft becomes the ticket and the modal says its number. */
export function registerGuideOpenAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(GUIDE_OPEN, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    await ctx.ackFirst.answered();
    const actor = slackActor(body.user.id, body.user.name);
    const language = await languageOfUser(ctx, body.user.id);
    try {
      await openDraft(client, ctx, actor, action.value ?? '', body.view.id, language);
    } catch (error) {
      await refuseInModal(client, body.view, readableError(error, ctx.logger, textsFor(language)));
    }
  });
}
