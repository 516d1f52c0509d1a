import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { notices, sayWith } from '../../../core/rules/messages';
import { LINK_CONFIRM_ACTION, LINK_REFUSE_ACTION } from '../blocks';
import { readableError, slackActor, textsOf, type SlackContext } from '../context';
import { tellPresser } from './ticket-action';

/**
 * Confirm and Refuse under the private prompt a link code's owner gets when someone redeems it;
 * the button's value is the code. The core decides whether the presser may answer; answered, the
 * prompt loses its buttons.
 */
export function registerLinkAnswerActions(app: App, ctx: SlackContext): void {
  for (const actionId of [LINK_CONFIRM_ACTION, LINK_REFUSE_ACTION]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      await ctx.ackFirst.answered();
      const tr = await textsOf(ctx, body.user.id);
      try {
        const result = await ctx.helpdesk.staff.confirmLink(slackActor(body.user.id, body.user.name), {
          code: action.value ?? '',
          confirm: actionId === LINK_CONFIRM_ACTION,
        });
        const outcome =
          'linked' in result ? sayWith(tr, notices.linkConfirmed('discord')) : tr('people.linkRefusedByYou');
        if (body.channel?.id && body.message?.ts)
          await client.chat.update({ channel: body.channel.id, ts: body.message.ts, text: outcome, blocks: [] });
        else await tellPresser(client, body, outcome);
      } catch (error) {
        await tellPresser(client, body, readableError(error, ctx.logger, tr));
      }
    });
  }
}
