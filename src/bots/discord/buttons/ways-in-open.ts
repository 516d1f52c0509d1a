import { Routes, type APIMessage, type ButtonInteraction, type StringSelectMenuInteraction } from 'discord.js';
import { NotFoundError } from '../../../core/errors';
import { t } from '../../../core/texts';
import { interactionActor } from '../actor';
import { errorText } from '../answer';
import { afterAnswering } from '../ack-first-interactions';
import type { DiscordContext } from '../context';
import { replyLocation } from '../modals/ticket-form';
import { authorOfMessage, chatMessage, type WaysInButton } from '../ways-in';

/**
 * Open, under "Open a ticket with this message?" (a DM's question, or a message command's private
 * one): the message is read again, the ticket opened through the core (which checks the person
 * again: whose message, the limits, one ticket a message), and the question becomes the answer;
 * once its private thread exists, the thread's creator points the answer at it. The service select
 * of a DM's question opens it the same way, for the service picked.
 */
export async function run(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  at: WaysInButton,
  ctx: DiscordContext,
  serviceId: number | null = null,
): Promise<void> {
  const actor = interactionActor(interaction);
  const language = await ctx.helpdesk.messageTickets.language(actor);
  await interaction.update({ content: t(language, 'waysIn.opening'), components: [] });
  await ctx.helpdesk.dmQuestions.forget('discord', interaction.user.id);
  await afterAnswering(interaction, ctx);
  try {
    const message = (await interaction.client.rest
      .get(Routes.channelMessage(at.channelId, at.messageId))
      .catch(() => null)) as APIMessage | null;
    if (!message) throw new NotFoundError(t(language, 'waysIn.messageGone'));
    const ticket = await ctx.helpdesk.messageTickets.openFromText(
      actor,
      chatMessage(at.channelId, at.messageId, authorOfMessage(message)),
      message.content,
      {
        location: replyLocation(interaction),
        ...(serviceId !== null ? { serviceId } : {}),
        // From a server's channel (the message command), the ticket's first comment links the message; a DM has no link others could open.
        ...(interaction.guildId
          ? { sourceLink: `https://discord.com/channels/${interaction.guildId}/${at.channelId}/${at.messageId}` }
          : {}),
      },
    );
    await interaction.editReply({ content: t(language, 'waysIn.opened', { number: ticket.number }) });
    ctx.wakeDispatcher();
  } catch (error) {
    await interaction.editReply({ content: t(language, 'waysIn.notOpened', { reason: errorText(error, ctx) }) });
  }
}
