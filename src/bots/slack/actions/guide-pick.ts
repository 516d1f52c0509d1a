import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import type { TicketFormMetadata } from '../commands/ticket';
import { textsFor } from '../../../core/texts';
import { languageOfUser, type SlackContext } from '../context';
import { closingView, GUIDE_PICK, guideFormView } from '../guide-views';

/**
 * A service picked in /ticket's first step: decided from the catalog in memory (no database), the
 * modal becomes the guide with the form, the plain form ("something else"), or a polite no with
 * the pointer to the catalog.
 */
export function registerGuidePickAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction<StaticSelectAction>>(GUIDE_PICK, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    await ctx.ackFirst.answered();
    const metadata = JSON.parse(body.view.private_metadata || '{}') as TicketFormMetadata;
    const language = await languageOfUser(ctx, body.user.id);
    const pick = ctx.helpdesk.catalog.pick(action.selected_option?.value ?? '', language);
    const tr = textsFor(language);
    const view =
      pick.kind === 'guide'
        ? guideFormView(tr, language, metadata, pick.service)
        : pick.kind === 'something-else'
          ? guideFormView(tr, language, metadata, null)
          : closingView(language, pick.message);
    // No hash: the person's latest choice wins over the waiting-form offer still on its way.
    await client.views.update({ view_id: body.view.id, view });
  });
}
