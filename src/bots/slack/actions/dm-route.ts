import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { NotFoundError } from '../../../core/errors';
import { ticketFormView } from '../blocks';
import type { TicketFormMetadata } from '../commands/ticket';
import { readableError, textsOf, type SlackContext } from '../context';
import { addToTicket, DM_ROUTE_NEW, DM_ROUTE_TICKET } from '../events/direct-message';
import type { ThreadMessage } from '../events/message';

/** The DM message the question was about, read back from Slack (so nothing of it is lost in a button's value). */
async function originalMessage(client: WebClient, channel: string, ts: string): Promise<ThreadMessage | null> {
  const page = await client.conversations.history({ channel, latest: ts, oldest: ts, inclusive: true, limit: 1 });
  const found = (page.messages ?? []).find((m) => m.ts === ts) as ThreadMessage | undefined;
  return found ? { ...found, channel } : null;
}

/** The answers to "which ticket is this about?": one of the open tickets, or a new one (the form, prefilled). */
export function registerDmRouteActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${DM_ROUTE_TICKET}:`), async ({ ack, body, action, client }) => {
    await ack();
    const channel = body.channel?.id ?? body.user.id;
    const [number, ts] = String(action.value).split('|');
    const tr = await textsOf(ctx, body.user.id);
    try {
      const original = ts ? await originalMessage(client, channel, ts) : null;
      // Deleted meanwhile, or a button whose value names no message: the person is told, nothing is stored.
      if (!original) throw new NotFoundError(tr('slack.dm.gone'));
      const added = await addToTicket(ctx, { ...original, user: original.user ?? body.user.id }, Number(number));
      if (body.message)
        await client.chat.update({
          channel,
          ts: body.message.ts,
          text: tr('slack.dm.added', { number: added }),
          blocks: [],
        });
    } catch (error) {
      await client.chat.postMessage({
        channel,
        text: tr('slack.dm.notAdded', { reason: readableError(error, ctx.logger, tr) }),
      });
    }
  });

  app.action<BlockAction<ButtonAction>>(DM_ROUTE_NEW, async ({ ack, body, action, client }) => {
    await ack();
    const channel = body.channel?.id ?? body.user.id;
    const ts = String(action.value);
    try {
      const original = await originalMessage(client, channel, ts);
      const text = original?.text ?? '';
      const metadata: TicketFormMetadata = { channel, sourceMessage: { channel, ts, author: body.user.id } };
      await client.views.open({
        trigger_id: body.trigger_id,
        view: ticketFormView(await textsOf(ctx, body.user.id), JSON.stringify(metadata), {
          title: text.split('\n')[0],
          description: text,
        }),
      });
      if (body.message)
        await client.chat.update({
          channel,
          ts: body.message.ts,
          text: (await textsOf(ctx, body.user.id))('slack.dm.opening'),
          blocks: [],
        });
    } catch (error) {
      await client.chat.postMessage({ channel, text: readableError(error, ctx.logger) });
    }
  });
}
