import type { App, BlockAction } from '@slack/bolt';
import { actionId, escalateFormView } from '../blocks';
import { readableError, slackActor, textsOf, type SlackContext } from '../context';
import { tellPresser } from './ticket-action';

/**
 * The card's Escalate button: a form to choose who takes the ticket at the next tier, its
 * least-loaded supporter or one by name (as Discord's select). Listing staff is staff-only and
 * the next tier must exist, so a customer, a resolved ticket or one at the top tier is refused
 * here, privately, before any form opens; the core checks again when the choice is submitted.
 * The two reads are indexed queries, well inside the trigger id's 3 s.
 */
export function registerEscalateAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction>(actionId('escalate'), async ({ ack, body, action, client }) => {
    await ack();
    const ticketNumber = Number('value' in action ? action.value : NaN);
    const actor = slackActor(body.user.id, body.user.name);
    const tr = await textsOf(ctx, body.user.id);
    let view;
    try {
      const choice = await ctx.helpdesk.staff.escalationChoice(actor, { ticketNumber });
      const supporters = choice.candidates.map((s) => {
        const slack = s.identities.find((i) => i.platform === 'slack')!;
        return { userId: slack.userId, name: s.displayName || slack.userId, load: s.load };
      });
      view = escalateFormView(tr, choice.ticketNumber, choice.toTier, supporters);
    } catch (error) {
      await tellPresser(client, body, tr('answers.cantDoThat', { reason: readableError(error, ctx.logger, tr) }));
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
