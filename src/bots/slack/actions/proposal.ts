import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ActorRef } from '../../../core/services/people';
import { decidedAlertBlocks } from '../blocks';
import { readableError, slackActor, type SlackContext } from '../context';
import { tellPresser } from './ticket-action';

/** What a decision on a proposal says: privately to the presser, and on the alert for every staff member. */
export interface Decided {
  confirmation: string;
  decision: string;
}

/**
 * One answer to a major-incident proposal in the support channel (its value is the proposal id):
 * answered at once, then the core decides (and refuses a proposal already answered, or a
 * non-staff presser). Decided, the alert loses its buttons and says who decided what.
 */
export function registerProposalAction(
  app: App,
  ctx: SlackContext,
  actionId: string,
  run: (actor: ActorRef, proposalId: string, who: string) => Promise<Decided>,
): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client }) => {
    await ack();
    await ctx.ackFirst.answered();
    let decided: Decided;
    try {
      decided = await run(slackActor(body.user.id, body.user.name), action.value ?? '', `<@${body.user.id}>`);
    } catch (error) {
      await tellPresser(client, body, `You can't do that: ${readableError(error, ctx.logger)}`);
      return;
    }
    await tellPresser(client, body, decided.confirmation);
    if (body.channel?.id && body.message?.ts) {
      const alert = body.message.text ?? '';
      await client.chat.update({
        channel: body.channel.id,
        ts: body.message.ts,
        text: `${alert}\n${decided.decision}`,
        blocks: decidedAlertBlocks(alert, decided.decision),
      });
    }
  });
}
