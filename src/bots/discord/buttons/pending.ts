import { ticketAction } from './ticket-action';

/** Pending: staff wait for the customer's answer. */
export const action = 'pending';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber) => {
  await helpdesk.tickets.setPending(actor, { ticketNumber });
  return `#${ticketNumber} is pending: waiting for the customer.`;
});
