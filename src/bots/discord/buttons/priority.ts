import { ComponentType } from 'discord.js';
import { PRIORITIES } from '../../../core/model';

import { ticketButtonId } from '../card';
import type { TicketComponentHandler } from './ticket-action';
import { offerChoice } from './offer-choice';

/** Priority: P1 to P4, overriding what impact and urgency gave. */
export const action = 'priority';

export const run: TicketComponentHandler = (interaction, ticketNumber, ctx) =>
  offerChoice(
    interaction,
    ctx,
    (tr) => tr('card.choose.priority', { number: ticketNumber }),
    (_staff, tr) => ({
      type: ComponentType.StringSelect,
      custom_id: ticketButtonId('priority-to', ticketNumber),
      options: PRIORITIES.map((p) => ({ label: tr(`common.priority.${p}`), value: p })),
    }),
  );
