import type { App } from '@slack/bolt';
import { MAJOR_NOT_RELATED } from '../blocks';
import type { SlackContext } from '../context';
import { registerProposalAction } from './proposal';

/** "Not related" beside one report of a proposal (value `<proposalId>:<ticketNumber>`): it leaves the proposal. */
export function registerMajorNotRelatedAction(app: App, ctx: SlackContext): void {
  registerProposalAction(app, ctx, MAJOR_NOT_RELATED, async (actor, value, tr) => {
    const [proposalId, ticketNumber] = value.split(':');
    await ctx.helpdesk.major.notRelated(actor, { proposalId, ticketNumber });
    return tr('lookAlike.markedNotRelated', { number: ticketNumber });
  });
}
