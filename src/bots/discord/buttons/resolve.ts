import { ticketAction } from './ticket-action';

/** Resolve: staff close the ticket as done. */
export const action = 'resolve';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber, _values, _customId, tr) => {
  await helpdesk.tickets.resolve(actor, { ticketNumber });
  return tr('card.done.resolved', { number: ticketNumber });
});
