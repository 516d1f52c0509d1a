import { ticketAction } from '../buttons/ticket-action';

/** The escalation select: to the chosen supporter, or the least-loaded one of the next tier. */
export const action = 'escalate-to';

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber, values, _customId, tr) => {
  const to = values[0] === 'least' ? undefined : { platform: 'discord' as const, userId: values[0] };
  const ticket = await helpdesk.tickets.escalate(actor, { ticketNumber, to });
  return tr('answers.escalated', { number: ticketNumber, tier: ticket.tier });
});
