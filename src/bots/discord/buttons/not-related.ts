import { proposalAction } from './proposal-action';

/** "Not related" beside one report of a proposal: it leaves the proposal and is not proposed again. */
export const action = 'not-related';

export const run = proposalAction(async ({ helpdesk }, actor, { proposalId, ticketNumber }, tr) => {
  await helpdesk.major.notRelated(actor, { proposalId, ticketNumber });
  return tr('lookAlike.markedNotRelated', { number: ticketNumber ?? '' });
});
