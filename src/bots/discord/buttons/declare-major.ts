import { proposalAction } from './proposal-action';

/** "Declare major incident" under a proposal: a P1 parent is made and the look-alikes join it. */
export const action = 'declare';

export const run = proposalAction(async ({ helpdesk }, actor, proposalId) => {
  const parent = await helpdesk.major.declare(actor, { proposalId });
  return {
    reply: `Major incident #${parent.number} is declared; the tickets joined it.`,
    decided: `**Declared as major incident #${parent.number}**`,
  };
});
