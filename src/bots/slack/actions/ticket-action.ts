import type { App, BlockAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { CardAction } from '../../../core/rules/card';
import type { ActorRef } from '../../../core/services/people';
import { actionId } from '../blocks';
import { readableError, slackActor, textsOf, type SlackContext } from '../context';
import { publishHome } from '../home';

export interface Pressed {
  actor: ActorRef;
  ticketNumber: number;
  /** A select's chosen value or user, when the control is a select. */
  choice: string | undefined;
}

/**
 * One card control: answer Slack at once, then (once the requests already received are answered
 * too) call the core. Refused → "You can't do that: …"
 * privately to the presser; nothing changes. The card itself is redrawn through the queue.
 */
export function registerTicketAction(
  app: App,
  ctx: SlackContext,
  action: CardAction,
  run: (pressed: Pressed) => Promise<unknown>,
): void {
  app.action<BlockAction>(actionId(action), async ({ ack, body, action: control, client }) => {
    await ack();
    const blockNumber = Number(String(control.block_id ?? '').split(':')[1]);
    const value = 'value' in control ? Number(control.value) : NaN;
    const choice =
      control.type === 'users_select'
        ? control.selected_user
        : control.type === 'static_select'
          ? control.selected_option?.value
          : undefined;
    const ticketNumber = Number.isFinite(value) && value > 0 ? value : blockNumber;
    await ctx.ackFirst.answered();
    try {
      await run({ actor: slackActor(body.user.id, body.user.name), ticketNumber, choice: choice ?? undefined });
      // Pressed in App Home (e.g. Claim on the queue): the presser's Home shows the change at once.
      if (body.view?.type === 'home')
        await publishHome(client, ctx, body.user.id).catch((error: unknown) =>
          ctx.logger.warn({ err: error }, 'could not republish the slack app home'),
        );
    } catch (error) {
      const tr = await textsOf(ctx, body.user.id);
      await tellPresser(client, body, tr('answers.cantDoThat', { reason: readableError(error, ctx.logger, tr) }));
    }
  });
}

/** A private answer to a press (a refusal, a confirmation): ephemeral where it was pressed; App Home has no channel to be ephemeral in, so there the person's DM with the app. */
export async function tellPresser(client: WebClient, body: BlockAction, text: string): Promise<void> {
  const channel = body.channel?.id;
  if (channel)
    await client.chat.postEphemeral({
      channel,
      user: body.user.id,
      text,
      ...(body.message?.thread_ts ? { thread_ts: body.message.thread_ts } : {}),
    });
  else await client.chat.postMessage({ channel: body.user.id, text });
}
