import { ticketAction } from './ticket-action';

/** Reopen: a resolved ticket is taken up again. */
export const action = 'reopen';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber) => {
  await helpdesk.tickets.reopen(actor, { ticketNumber });
  return `#${ticketNumber} is open again.`;
});
