import type { App } from '@slack/bolt';
import { ticketFormView } from '../blocks';
import { parseMention } from '../context';

/** What the form needs to remember between /ticket and its submission. */
export interface TicketFormMetadata {
  channel: string;
  onBehalfOf?: { userId: string; displayName?: string };
  /** Set by the "Open a ticket from this message" shortcut: the ticket links back to it. */
  sourceMessage?: { channel: string; ts: string };
}

/**
 * `/ticket` and `/ticket <@U123>`: the form opens at once (the trigger id lives 3 s), with no
 * database call first; whether the presser may open for someone else is checked on submission.
 */
export function registerTicketCommand(app: App): void {
  app.command('/ticket', async ({ ack, command, client }) => {
    await ack();
    const mention = parseMention(command.text ?? '');
    const metadata: TicketFormMetadata = { channel: command.channel_id, ...(mention ? { onBehalfOf: { userId: mention.userId, displayName: mention.displayName } } : {}) };
    await client.views.open({ trigger_id: command.trigger_id, view: ticketFormView(JSON.stringify(metadata)) });
  });
}
