import type { MessageComponentInteraction, RepliableInteraction } from 'discord.js';
import type { ActorRef } from '../../../core/services/people';
import type { Translate } from '../../reader';
import { interactionActor } from '../actor';
import { answerPrivately, type PrivateAnswer } from '../answer';
import type { DiscordContext } from '../context';

export type TicketComponentHandler = (
  interaction: MessageComponentInteraction,
  ticketNumber: number,
  ctx: DiscordContext,
) => Promise<void>;

/**
 * A card button that calls one core operation and answers privately. The core checks the presser's
 * role; the card is redrawn through the delivery queue, whoever pressed.
 */
export function ticketAction(
  perform: (
    ctx: DiscordContext,
    actor: ActorRef,
    ticketNumber: number,
    values: string[],
    customId: string,
    tr: Translate,
  ) => Promise<string | PrivateAnswer>,
): TicketComponentHandler {
  return (interaction, ticketNumber, ctx) => {
    // Selects carry the chosen values; buttons have none.
    const values = interaction.isAnySelectMenu() ? interaction.values : [];
    return answerPrivately(interaction as RepliableInteraction, ctx, (tr) =>
      perform(ctx, interactionActor(interaction), ticketNumber, values, interaction.customId, tr),
    );
  };
}
