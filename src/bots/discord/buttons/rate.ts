import { ButtonStyle, ComponentType } from 'discord.js';
import { RATING_SCORES, ticketButtonId } from '../card';
import { ticketAction } from './ticket-action';

/**
 * The 1–5 buttons under a resolution's notice (`ticket:rate-4:N`). The core stores one rating per
 * resolution, so a second press (or a press on another instance) is its ConflictError, said privately.
 */
export const actions = RATING_SCORES.map((score) => `rate-${score}`);

export const run = ticketAction(async ({ helpdesk }, actor, ticketNumber, _values, customId, tr) => {
  const score = Number(/rate-(\d)/.exec(customId)?.[1]);
  await helpdesk.ratings.rate(actor, { ticketNumber, score });
  return {
    content: tr('ticket.rated', { number: ticketNumber, score }),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: tr('card.rating.addComment'),
            custom_id: ticketButtonId('rate-comment', ticketNumber),
          },
        ],
      },
    ],
  };
});
