import { MessageFlags, type MessageComponentInteraction, type RepliableInteraction } from 'discord.js';
import type { ActorRef } from '../../../core/services/people';
import { actorOf } from '../actor';
import { errorText } from '../answer';
import type { DiscordContext } from '../context';

export type ProposalHandler = (
  interaction: MessageComponentInteraction,
  target: { proposalId: number; ticketNumber: number | null },
  ctx: DiscordContext,
) => Promise<void>;

/**
 * A button under a major-incident proposal in the staff channel: one core call and a private
 * confirmation. The alert itself is redrawn through the delivery queue from the proposal as the
 * decision left it (a report taken out, or the buttons disabled), as every change to it is.
 */
export function proposalAction(
  perform: (
    ctx: DiscordContext,
    actor: ActorRef,
    target: { proposalId: number; ticketNumber: number | null },
  ) => Promise<string>,
): ProposalHandler {
  return async (interaction, target, ctx) => {
    const repliable = interaction as RepliableInteraction;
    await repliable.deferReply({ flags: MessageFlags.Ephemeral });
    try {
      const reply = await perform(ctx, actorOf(interaction.user, interaction.member), target);
      ctx.wakeDispatcher();
      await repliable.editReply({ content: reply });
    } catch (error) {
      await repliable.editReply({ content: errorText(error, ctx) });
    }
  };
}
