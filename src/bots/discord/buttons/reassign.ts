import { ComponentType } from 'discord.js';
import { ticketButtonId } from '../card';
import type { TicketComponentHandler } from './ticket-action';
import { offerChoice } from './offer-choice';

/** Reassign: pick any member; the core refuses someone who is not support staff. */
export const action = 'reassign';

export const run: TicketComponentHandler = (interaction, ticketNumber, ctx) =>
  offerChoice(
    interaction,
    ctx,
    (tr) => tr('card.choose.reassign', { number: ticketNumber }),
    (_staff, tr) => ({
      type: ComponentType.UserSelect,
      custom_id: ticketButtonId('reassign-to', ticketNumber),
      placeholder: tr('card.choose.supporter'),
    }),
  );
