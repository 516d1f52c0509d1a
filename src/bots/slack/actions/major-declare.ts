import type { App } from '@slack/bolt';
import { MAJOR_DECLARE } from '../blocks';
import type { SlackContext } from '../context';
import { registerProposalAction } from './proposal';

/** "Declare major incident" on a proposal: the core makes the P1 parent and the reports that look like the group join it. */
export function registerMajorDeclareAction(app: App, ctx: SlackContext): void {
  registerProposalAction(app, ctx, MAJOR_DECLARE, async (actor, proposalId, tr) => {
    const parent = await ctx.helpdesk.major.declare(actor, { proposalId });
    return tr('lookAlike.declared', { number: parent.number });
  });
}
