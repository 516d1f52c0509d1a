import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ActorRef } from '../../../core/services/people';
import type { Translate } from '../../reader';
import { readableError, slackActor, textsOf, type SlackContext } from '../context';
import { tellPresser } from './ticket-action';

/**
 * One answer to a major-incident proposal in the support channel: answered at once, then the
 * core decides (and refuses a proposal already answered, or a non-staff presser) and the presser
 * hears privately. The alert is redrawn through the delivery queue from the proposal as the
 * decision left it, as every change to it is.
 */
export function registerProposalAction(
  app: App,
  ctx: SlackContext,
  actionId: string,
  run: (actor: ActorRef, value: string, tr: Translate) => Promise<string>,
): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client }) => {
    await ack();
    await ctx.ackFirst.answered();
    const tr = await textsOf(ctx, body.user.id);
    try {
      const confirmation = await run(slackActor(body.user.id, body.user.name), action.value ?? '', tr);
      await tellPresser(client, body, confirmation);
    } catch (error) {
      await tellPresser(client, body, tr('answers.cantDoThat', { reason: readableError(error, ctx.logger, tr) }));
    }
  });
}
