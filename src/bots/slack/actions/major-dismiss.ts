import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { MAJOR_DISMISS } from '../proposal-alert';
import { registerProposalAction } from './proposal';

/** "Dismiss" on a proposal: it is closed, and its reports are handled on their own. */
export function registerMajorDismissAction(app: App, ctx: SlackContext): void {
  registerProposalAction(app, ctx, MAJOR_DISMISS, async (actor, proposalId, tr) => {
    await ctx.helpdesk.major.dismiss(actor, { proposalId });
    return tr('lookAlike.dismissed');
  });
}
