import { ticketAction } from './ticket-action';

/** It's solved: the customer says the problem is gone. */
export const action = 'solved';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber) => {
  await helpdesk.tickets.markSolved(actor, { ticketNumber });
  return `Thanks! #${ticketNumber} is marked solved.`;
});
