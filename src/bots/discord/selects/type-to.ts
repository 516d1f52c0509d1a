import { ticketAction } from '../buttons/ticket-action';

/** The type select. */
export const action = 'type-to';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber, values, _customId, tr) => {
  const ticket = await helpdesk.tickets.changeType(actor, { ticketNumber, type: values[0] });
  return tr('card.done.type', { number: ticketNumber, type: tr(`common.type.${ticket.type}`) });
});
