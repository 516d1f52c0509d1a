import { textsOf, type SlackContext } from '../context';
import type { App, MessageShortcut } from '@slack/bolt';
import { ticketFormView } from '../blocks';
import type { TicketFormMetadata } from '../commands/ticket';

export const TICKET_FROM_MESSAGE_SHORTCUT = 'ticket_from_message';

/** "Ticket from message": the /ticket form prefilled from the message; the ticket keeps where it came from. */
export function registerTicketFromMessageShortcut(app: App, ctx: SlackContext): void {
  app.shortcut<MessageShortcut>(TICKET_FROM_MESSAGE_SHORTCUT, async ({ ack, shortcut, client }) => {
    await ack();
    const text = (shortcut.message as { text?: string }).text ?? '';
    const metadata: TicketFormMetadata = {
      channel: shortcut.channel.id,
      sourceMessage: { channel: shortcut.channel.id, ts: shortcut.message_ts },
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
