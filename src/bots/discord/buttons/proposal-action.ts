import { MessageFlags, Routes, type MessageComponentInteraction, type RepliableInteraction } from 'discord.js';
import type { ActorRef } from '../../../core/services/people';
import { actorOf } from '../actor';
import { errorText } from '../answer';
import type { DiscordContext } from '../context';

export type ProposalHandler = (
  interaction: MessageComponentInteraction,
  proposalId: number,
  ctx: DiscordContext,
) => Promise<void>;

/**
 * A button under a major-incident proposal in the staff channel: one core call, a private
 * confirmation, and the alert edited to say who decided, its buttons gone (so nobody decides twice
 * from a stale message; the core refuses a second decision anyway).
 */
export function proposalAction(
  perform: (ctx: DiscordContext, actor: ActorRef, proposalId: number) => Promise<{ reply: string; decided: string }>,
): ProposalHandler {
  return async (interaction, proposalId, ctx) => {
    const repliable = interaction as RepliableInteraction;
    await repliable.deferReply({ flags: MessageFlags.Ephemeral });
    const actor = actorOf(interaction.user, interaction.member);
    let outcome: { reply: string; decided: string };
    try {
      outcome = await perform(ctx, actor, proposalId);
      ctx.wakeDispatcher();
    } catch (error) {
      await repliable.editReply({ content: errorText(error, ctx) });
      return;
    }
    // The alert first, so when the presser reads the confirmation nobody else can still press it.
    // The decision is stored either way; an alert that cannot be edited (deleted meanwhile) keeps its old text.
    const alert = interaction.message;
    await interaction.client.rest
      .patch(Routes.channelMessage(alert.channelId, alert.id), {
        body: {
          content: `${alert.content}\n\n${outcome.decided} by ${actor.displayName}.`.slice(0, 2000),
          components: [],
          allowed_mentions: { parse: [] },
        },
      })
      .catch((error) => ctx.logger.warn({ err: error }, 'could not mark a major-incident proposal as decided'));
    await repliable.editReply({ content: outcome.reply });
  };
}
