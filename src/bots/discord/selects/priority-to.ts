import { ticketAction } from '../buttons/ticket-action';

/** The priority select. */
export const action = 'priority-to';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber, values) => {
  await helpdesk.tickets.changePriority(actor, { ticketNumber, priority: values[0] });
  return `#${ticketNumber} is now ${values[0]}.`;
});
