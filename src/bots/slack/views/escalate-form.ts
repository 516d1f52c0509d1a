import type { App } from '@slack/bolt';
import { ESCALATE_FORM, LEAST_LOADED } from '../blocks';
import { readableError, slackActor, type SlackContext } from '../context';

/**
 * The escalation form submitted: the core escalates to the chosen supporter, or to the next
 * tier's least-loaded one, and decides whether this person may. A refusal (not staff, the ticket
 * moved on meanwhile, the chosen person is no longer of that tier) comes back inline and the form
 * stays open; nothing changes. The card is redrawn through the queue.
 */
export function registerEscalateForm(app: App, ctx: SlackContext): void {
  app.view(ESCALATE_FORM, async ({ ack, view, body }) => {
    const { ticketNumber } = JSON.parse(view.private_metadata || '{}') as { ticketNumber: number };
    const chosen = view.state.values.to?.value?.selected_option?.value ?? LEAST_LOADED;
    const to = chosen === LEAST_LOADED ? undefined : slackActor(chosen);
    try {
      await ctx.helpdesk.tickets.escalate(slackActor(body.user.id, body.user.name), {
        ticketNumber,
        ...(to ? { to } : {}),
      });
      await ack();
    } catch (error) {
      await ack({ response_action: 'errors', errors: { to: readableError(error, ctx.logger) } });
    }
  });
}
