import type { App } from '@slack/bolt';
import { InvalidInputError } from '../../../core/errors';
import { parseInput, ratingCommentSchema } from '../../../core/schemas';
import { RATING_COMMENT_FORM } from '../blocks';
import { problemText, readableError, slackActor, textsOf, type SlackContext } from '../context';

/**
 * The rating's comment submitted. Checked with the core's schema first (an empty comment stays in
 * the form, inline), answered, then stored through the core; should storing be refused after the
 * answer (a comment already added), the person gets a DM saying why, with what they wrote.
 */
export function registerRatingCommentForm(app: App, ctx: SlackContext): void {
  app.view(RATING_COMMENT_FORM, async ({ ack, view, body, client }) => {
    const { ticketNumber } = JSON.parse(view.private_metadata || '{}') as { ticketNumber?: number };
    const input = { ticketNumber, comment: view.state.values.comment?.value?.value ?? '' };
    try {
      parseInput(ratingCommentSchema, input);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const tr = await textsOf(ctx, body.user.id);
      const first = error.problems[0];
      await ack({
        response_action: 'errors',
        errors: { comment: first ? problemText(first, tr) : readableError(error, ctx.logger, tr) },
      });
      return;
    }
    await ack();
    await ctx.ackFirst.answered();
    const tr = await textsOf(ctx, body.user.id);
    try {
      await ctx.helpdesk.ratings.comment(slackActor(body.user.id, body.user.name), input);
    } catch (error) {
      await client.chat
        .postMessage({
          channel: body.user.id,
          text: `${tr('card.ratingNotAdded', { reason: readableError(error, ctx.logger, tr) })}\n${tr('forms.opened.whatYouWrote')}\n\`\`\`${input.comment}\`\`\``,
        })
        .catch((dmError) =>
          ctx.logger.error({ err: dmError }, 'could not tell the person their rating comment was not added'),
        );
    }
  });
}
