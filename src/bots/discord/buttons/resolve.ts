import { ticketAction } from './ticket-action';

/** Resolve: staff close the ticket as done. */
export const action = 'resolve';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber) => {
  await helpdesk.tickets.resolve(actor, { ticketNumber });
  return `#${ticketNumber} is resolved.`;
});
