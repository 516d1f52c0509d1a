import { ticketAction } from '../buttons/ticket-action';

/** The priority select. */
export const action = 'priority-to';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber, values, _customId, tr) => {
  await helpdesk.tickets.changePriority(actor, { ticketNumber, priority: values[0] });
  return tr('answers.priorityChanged', { number: ticketNumber, priority: values[0] });
});
