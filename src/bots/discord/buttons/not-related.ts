import { proposalAction } from './proposal-action';

/** "Not related" under a proposal: remembered, so these tickets are not proposed together again. */
export const action = 'not-related';

export const run = proposalAction(async ({ helpdesk }, actor, proposalId) => {
  await helpdesk.major.dismiss(actor, { proposalId });
  return { reply: 'Noted: those tickets are not related.', decided: '**Not related**' };
});
