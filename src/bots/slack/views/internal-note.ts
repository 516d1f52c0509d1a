import type { App } from '@slack/bolt';
import { NOTE_FORM } from '../blocks';
import { readableError, slackActor, type SlackContext } from '../context';

/** The note form submitted: an internal note on the ticket, which only ever goes to the channel thread. */
export function registerInternalNoteForm(app: App, ctx: SlackContext): void {
  app.view(NOTE_FORM, async ({ ack, view, body }) => {
    // Slack sends an empty private_metadata for a view that set none; the core then names the missing ticket.
    const { ticketNumber } = JSON.parse(view.private_metadata || '{}') as { ticketNumber?: number };
    try {
      await ctx.helpdesk.comments.note(slackActor(body.user.id, body.user.name), {
        ticketNumber,
        body: view.state.values.note?.value?.value ?? '',
      });
      await ack();
    } catch (error) {
      await ack({ response_action: 'errors', errors: { note: readableError(error, ctx.logger) } });
    }
  });
}
