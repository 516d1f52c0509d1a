import type { App } from '@slack/bolt';
import { InvalidInputError } from '../../../core/errors';
import { TICKET_FORM } from '../blocks';
import { readableError, slackActor, type SlackContext } from '../context';
import type { TicketFormMetadata } from '../commands/ticket';

/** The core names a bad field; Slack wants the block that holds it. */
const BLOCK_OF_FIELD: Record<string, string> = { title: 'title', description: 'description', type: 'type' };

/**
 * The /ticket form submitted: stored through the core before the answer, so a bad field comes back
 * inline (`response_action: errors`, the form stays open with what was typed) and nothing is stored.
 * The card and the DM follow through the delivery queue.
 */
export function registerTicketForm(app: App, ctx: SlackContext): void {
  app.view(TICKET_FORM, async ({ ack, view, body }) => {
    const values = view.state.values;
    const metadata = JSON.parse(view.private_metadata || '{}') as TicketFormMetadata;
    const actor = slackActor(body.user.id, body.user.name);
    try {
      await ctx.helpdesk.tickets.open(actor, {
        title: values.title?.value?.value ?? '',
        description: values.description?.value?.value ?? '',
        type: (values.type?.value?.selected_option?.value ?? '') as 'incident',
        ...(metadata.sourceMessage ? { location: { slackSourceChannel: metadata.sourceMessage.channel, slackSourceTs: metadata.sourceMessage.ts } } : {}),
        ...(metadata.onBehalfOf ? { onBehalfOf: slackActor(metadata.onBehalfOf.userId, metadata.onBehalfOf.displayName) } : {}),
      });
      await ack();
    } catch (error) {
      const errors: Record<string, string> = {};
      if (error instanceof InvalidInputError) {
        for (const p of error.problems) {
          const block = BLOCK_OF_FIELD[p.field.split('.')[0]] ?? 'title';
          errors[block] ??= p.problem;
        }
      } else {
        errors.title = readableError(error, ctx.logger);
      }
      await ack({ response_action: 'errors', errors });
    }
  });
}
