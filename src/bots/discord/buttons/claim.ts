import { ticketAction } from './ticket-action';

/** Claim: a staff member takes the ticket. */
export const action = 'claim';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber) => {
  await helpdesk.tickets.claim(actor, { ticketNumber });
  return `You took #${ticketNumber}.`;
});
