import { ticketAction } from './ticket-action';

/** Reopen: a resolved ticket is taken up again. */
export const action = 'reopen';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber, _values, _customId, tr) => {
  await helpdesk.tickets.reopen(actor, { ticketNumber });
  return tr('card.done.reopened', { number: ticketNumber });
});
