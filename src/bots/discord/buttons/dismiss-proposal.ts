import { proposalAction } from './proposal-action';

/** "Dismiss" under a proposal: it is closed, and its reports are handled on their own. */
export const action = 'dismiss';

export const run = proposalAction(async ({ helpdesk }, actor, { proposalId }, tr) => {
  await helpdesk.major.dismiss(actor, { proposalId });
  return tr('lookAlike.dismissed');
});
