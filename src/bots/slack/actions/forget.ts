import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { PLATFORMS, type Platform } from '../../../core/model';
import { erasureAnswer } from '../../privacy-answers';
import { FORGET_CANCEL, FORGET_CONFIRM } from '../commands/helpdesk/privacy';
import { readableError, slackActor, textsOf, type SlackContext } from '../context';
import { tellPresser } from './ticket-action';

/** Erase and Cancel under the question: the core checks the presser again and erases in one transaction. */
export function registerForgetActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(FORGET_CONFIRM, async ({ ack, body, action, client }) => {
    await ack();
    await ctx.ackFirst.answered();
    const at = (action.value ?? '').indexOf(':');
    const platform = (action.value ?? '').slice(0, at) as Platform;
    const userId = (action.value ?? '').slice(at + 1);
    const tr = await textsOf(ctx, body.user.id);
    let text: string;
    try {
      if (!PLATFORMS.includes(platform) || !userId)
        throw new Error(`a forget button without a person: ${action.value}`);
      text = erasureAnswer(
        await ctx.helpdesk.privacy.forget(slackActor(body.user.id, body.user.name), { person: { platform, userId } }),
        tr,
      );
    } catch (error) {
      text = readableError(error, ctx.logger, tr);
    }
    await tellPresser(client, body, text);
  });
  app.action<BlockAction<ButtonAction>>(FORGET_CANCEL, async ({ ack, body, client }) => {
    await ack();
    await tellPresser(client, body, (await textsOf(ctx, body.user.id))('answers.erasure.nothingErased'));
  });
}
