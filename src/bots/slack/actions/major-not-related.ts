import type { App } from '@slack/bolt';
import { MAJOR_NOT_RELATED } from '../blocks';
import type { SlackContext } from '../context';
import { registerProposalAction } from './proposal';

/** "Not related" on a proposal: the core remembers it, so those tickets are not proposed again. */
export function registerMajorNotRelatedAction(app: App, ctx: SlackContext): void {
  registerProposalAction(app, ctx, MAJOR_NOT_RELATED, async (actor, proposalId, who) => {
    await ctx.helpdesk.major.dismiss(actor, { proposalId });
    return { confirmation: 'Marked as not related.', decision: `Marked not related by ${who}.` };
  });
}
