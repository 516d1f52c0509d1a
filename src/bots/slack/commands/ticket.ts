import type { App } from '@slack/bolt';
import { ticketFormView } from '../blocks';
import { parseMention, type SlackContext } from '../context';

/** What the form needs to remember between /ticket and its submission. */
export interface TicketFormMetadata {
  channel: string;
  /** The person named in `/ticket <@U123|handle>`; the handle only names someone the helpdesk has no name for. */
  onBehalfOf?: { userId: string; nameIfUnknown?: string };
  /** Set by the "Open a ticket from this message" shortcut: the ticket links back to it. */
  sourceMessage?: { channel: string; ts: string };
}

/**
 * `/ticket` and `/ticket <@U123>`: answered at once, then the form opens (the trigger id lives
 * 3 s) with no database call first, once the requests already received have their answers;
 * whether the presser may open for someone else is checked on submission.
 */
export function registerTicketCommand(app: App, ctx: SlackContext): void {
  app.command('/ticket', async ({ ack, command, client }) => {
    await ack();
    await ctx.ackFirst.answered();
    const mention = parseMention(command.text ?? '');
    const metadata: TicketFormMetadata = { channel: command.channel_id, ...(mention ? { onBehalfOf: { userId: mention.userId, ...(mention.nameIfUnknown ? { nameIfUnknown: mention.nameIfUnknown } : {}) } } : {}) };
    await client.views.open({ trigger_id: command.trigger_id, view: ticketFormView(JSON.stringify(metadata)) });
  });
}
