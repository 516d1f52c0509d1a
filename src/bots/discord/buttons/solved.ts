import { ticketAction } from './ticket-action';

/** It's solved: the customer says the problem is gone. */
export const action = 'solved';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber, _values, _customId, tr) => {
  await helpdesk.tickets.markSolved(actor, { ticketNumber });
  return tr('card.done.solved', { number: ticketNumber });
});
