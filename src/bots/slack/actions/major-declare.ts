import type { App } from '@slack/bolt';
import { MAJOR_DECLARE } from '../blocks';
import type { SlackContext } from '../context';
import { registerProposalAction } from './proposal';

/** "Declare major incident" on a proposal: the core makes the P1 parent and joins the look-alikes. */
export function registerMajorDeclareAction(app: App, ctx: SlackContext): void {
  registerProposalAction(app, ctx, MAJOR_DECLARE, async (actor, proposalId, who) => {
    const parent = await ctx.helpdesk.major.declare(actor, { proposalId });
    return {
      confirmation: `Major incident #${parent.number} declared; its tickets joined it.`,
      decision: `:rotating_light: Declared major incident #${parent.number} by ${who}.`,
    };
  });
}
