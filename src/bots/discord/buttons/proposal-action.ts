import { MessageFlags, type MessageComponentInteraction, type RepliableInteraction } from 'discord.js';
import type { ActorRef } from '../../../core/services/people';
import { interactionActor } from '../actor';
import { readerTexts, type Translate } from '../../reader';
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
    tr: Translate,
  ) => Promise<string>,
): ProposalHandler {
  return async (interaction, target, ctx) => {
    const repliable = interaction as RepliableInteraction;
    await repliable.deferReply({ flags: MessageFlags.Ephemeral });
    const actor = interactionActor(interaction);
    const tr = await readerTexts(ctx.helpdesk, ctx.settings.HELPDESK_LANGUAGE, actor);
    try {
      const reply = await perform(ctx, actor, target, tr);
      ctx.wakeDispatcher();
      await repliable.editReply({ content: reply });
    } catch (error) {
      await repliable.editReply({ content: errorText(error, ctx, tr) });
    }
  };
}
