import { ticketAction } from './ticket-action';

/** Pending: staff wait for the customer's answer. */
export const action = 'pending';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber, _values, _customId, tr) => {
  await helpdesk.tickets.setPending(actor, { ticketNumber });
  return tr('card.done.pending', { number: ticketNumber });
});
