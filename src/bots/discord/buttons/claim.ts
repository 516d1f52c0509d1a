import { ticketAction } from './ticket-action';

/** Claim: a staff member takes the ticket. */
export const action = 'claim';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber, _values, _customId, tr) => {
  await helpdesk.tickets.claim(actor, { ticketNumber });
  return tr('card.done.claimed', { number: ticketNumber });
});
