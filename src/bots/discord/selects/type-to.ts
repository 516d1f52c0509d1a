import { ticketAction } from '../buttons/ticket-action';

/** The type select. */
export const action = 'type-to';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber, values) => {
  await helpdesk.tickets.changeType(actor, { ticketNumber, type: values[0] });
  return `#${ticketNumber} is now a ${values[0]}.`;
});
