import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord.js';
import { cardButtonLabel, type CardAction, type TicketCard } from '../../core/rules/card';
import type { Translate } from '../reader';

/** Custom ids carry the action and the ticket number: `ticket:<action>:<number>`. */
export const ticketButtonId = (action: string, ticketNumber: number) => `ticket:${action}:${ticketNumber}`;

export function parseTicketCustomId(customId: string): { action: string; ticketNumber: number } | null {
  const match = /^ticket:([a-z][a-z0-9-]*):(\d+)$/.exec(customId);
  return match ? { action: match[1], ticketNumber: Number(match[2]) } : null;
}

const STATUS_COLOUR: Record<TicketCard['status'], number> = { open: 0x3b82f6, pending: 0xf59e0b, resolved: 0x22c55e };
const STYLE: Partial<Record<CardAction, ButtonStyle.Primary | ButtonStyle.Success>> = {
  claim: ButtonStyle.Primary,
  resolve: ButtonStyle.Success,
  solved: ButtonStyle.Success,
};

/** The core's card drawn as a Discord message: an embed and up to two rows of buttons. */
export function renderCard(
  card: TicketCard,
  ticketNumber: number,
): { embeds: APIEmbed[]; components: Array<APIActionRowComponent<APIButtonComponent>> } {
  const actions = [...card.staffActions, ...card.customerActions];
  const buttons: APIButtonComponent[] = actions.map((action) => ({
    type: ComponentType.Button,
    style: STYLE[action] ?? (ButtonStyle.Secondary as const),
    label: cardButtonLabel(card, action),
    custom_id: ticketButtonId(action, ticketNumber),
  }));
  const rows: Array<APIActionRowComponent<APIButtonComponent>> = [];
  for (let i = 0; i < buttons.length; i += 5)
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + 5) });
  return {
    embeds: [
      {
        title: card.heading,
        color: STATUS_COLOUR[card.status],
        fields: card.fields.map((f) => ({ ...f, inline: true })),
      },
    ],
    components: rows,
  };
}

export function claimRow(ticketNumber: number, tr: Translate): Array<APIActionRowComponent<APIButtonComponent>> {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Primary,
          label: tr('card.action.claim'),
          custom_id: ticketButtonId('claim', ticketNumber),
        },
      ],
    },
  ];
}

/** The scores a customer may give a resolution, one button each (`ticket:rate-4:N`). */
export const RATING_SCORES = [1, 2, 3, 4, 5] as const;

export function ratingRow(ticketNumber: number): Array<APIActionRowComponent<APIButtonComponent>> {
  return [
    {
      type: ComponentType.ActionRow,
      components: RATING_SCORES.map((score) => ({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: `${score} ★`,
        custom_id: ticketButtonId(`rate-${score}`, ticketNumber),
      })),
    },
  ];
}
