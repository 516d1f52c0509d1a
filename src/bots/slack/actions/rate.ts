import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { RATE_ACTION, ratedBlocks } from '../blocks';
import { readableError, slackActor, textsOf, type SlackContext } from '../context';
import { tellPresser } from './ticket-action';

/**
 * 1–5 under a resolved ticket's notice in the customer's DM thread. The core stores one rating
 * per resolution: a second press (here, or an old copy of the buttons) gets its refusal privately
 * and counts nothing. Rated, the notice shows the thanks and "Add a comment" in place of the stars.
 */
export function registerRateAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(RATE_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    await ctx.ackFirst.answered();
    const score = Number(action.action_id.split('_')[1]);
    const tr = await textsOf(ctx, body.user.id);
    try {
      const rating = await ctx.helpdesk.ratings.rate(slackActor(body.user.id, body.user.name), {
        ticketNumber: action.value ?? '',
        score,
      });
      const thanks = tr('ticket.rated', { number: rating.ticketNumber, score: rating.score });
      const notice = body.message?.text ?? '';
      if (body.channel?.id && body.message?.ts) {
        await client.chat.update({
          channel: body.channel.id,
          ts: body.message.ts,
          text: `${notice}\n${thanks}`,
          blocks: ratedBlocks(tr, notice, thanks, rating.ticketNumber),
        });
      }
    } catch (error) {
      await tellPresser(client, body, readableError(error, ctx.logger, tr));
    }
  });
}
