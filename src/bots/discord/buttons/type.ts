import { ComponentType } from 'discord.js';
import { TICKET_TYPES } from '../../../core/model';
import { TYPE_LABEL } from '../../../core/rules/messages';
import { ticketButtonId } from '../card';
import type { TicketComponentHandler } from './ticket-action';
import { offerChoice } from './offer-choice';

/** Type: incident or request. */
export const action = 'type';

export const run: TicketComponentHandler = (interaction, ticketNumber, ctx) =>
  offerChoice(interaction, ctx, `Type of #${ticketNumber}:`, () => ({
    type: ComponentType.StringSelect,
    custom_id: ticketButtonId('type-to', ticketNumber),
    options: TICKET_TYPES.map((t) => ({ label: TYPE_LABEL[t], value: t })),
  }));
