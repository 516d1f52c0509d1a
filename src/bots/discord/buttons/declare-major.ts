import { proposalAction } from './proposal-action';

/** "Declare major incident" under a proposal: a P1 parent is made and the reports that look like the group join it. */
export const action = 'declare';

export const run = proposalAction(async ({ helpdesk }, actor, { proposalId }, tr) => {
  const parent = await helpdesk.major.declare(actor, { proposalId });
  return tr('lookAlike.declared', { number: parent.number });
});
