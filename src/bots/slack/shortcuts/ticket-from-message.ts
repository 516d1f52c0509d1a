import type { App, MessageShortcut } from '@slack/bolt';
import { ticketFormView } from '../blocks';
import type { TicketFormMetadata } from '../commands/ticket';
import { slackActor, textsOf, type SlackContext } from '../context';
import { refusalView } from '../ways-in-views';

export const TICKET_FROM_MESSAGE_SHORTCUT = 'ticket_from_message';

/**
 * "Ticket from message": the /ticket form prefilled from the message, its submission the
 * confirmation. A customer may use their own message only; staff may use anyone's, and the
 * author becomes the customer (the core decides, on asking and again on opening). Someone who
 * may not gets a modal saying why instead of the form, and nothing is stored.
 */
export function registerTicketFromMessageShortcut(app: App, ctx: SlackContext): void {
  app.shortcut<MessageShortcut>(TICKET_FROM_MESSAGE_SHORTCUT, async ({ ack, shortcut, client }) => {
    await ack();
    await ctx.ackFirst.answered();
    const message = shortcut.message as { text?: string; user?: string };
    const actor = slackActor(shortcut.user.id);
    const check = await ctx.helpdesk.messageTickets.check(actor, {
      platform: 'slack',
      channelId: shortcut.channel.id,
      messageId: shortcut.message_ts,
      author: message.user ? slackActor(message.user) : null,
    });
    if (!check.allowed) {
      await client.views.open({ trigger_id: shortcut.trigger_id, view: refusalView(check.language, check.reason) });
      return;
    }
    const text = message.text ?? '';
    const metadata: TicketFormMetadata = {
      channel: shortcut.channel.id,
      sourceMessage: { channel: shortcut.channel.id, ts: shortcut.message_ts, author: message.user ?? null },
    };
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: ticketFormView(await textsOf(ctx, shortcut.user.id), JSON.stringify(metadata), {
        title: text.split('\n')[0],
        description: text,
      }),
    });
  });
}
