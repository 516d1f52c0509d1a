import { ticketAction } from '../buttons/ticket-action';

/** The reassign select: to the chosen member, if they are support staff on Discord. */
export const action = 'reassign-to';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber, values, _customId, tr) => {
  await helpdesk.tickets.reassign(actor, { ticketNumber, to: { platform: 'discord', userId: values[0] } });
  return tr('card.done.reassigned', { number: ticketNumber, person: `<@${values[0]}>` });
});
