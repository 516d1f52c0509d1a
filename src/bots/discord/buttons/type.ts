import { ComponentType } from 'discord.js';
import { TICKET_TYPES } from '../../../core/model';

import { ticketButtonId } from '../card';
import type { TicketComponentHandler } from './ticket-action';
import { offerChoice } from './offer-choice';

/** Type: incident or request. */
export const action = 'type';

export const run: TicketComponentHandler = (interaction, ticketNumber, ctx) =>
  offerChoice(
    interaction,
    ctx,
    (tr) => tr('card.choose.type', { number: ticketNumber }),
    (_staff, tr) => ({
      type: ComponentType.StringSelect,
      custom_id: ticketButtonId('type-to', ticketNumber),
      options: TICKET_TYPES.map((t) => ({ label: tr(`common.type.${t}`), value: t })),
    }),
  );
