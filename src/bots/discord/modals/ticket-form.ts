import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import type { Impact, TicketType, Urgency } from '../../../core/model';
import { interactionActor } from '../actor';
import { afterAnswering } from '../ack-first-interactions';
import type { Translate } from '../../reader';
import { errorText, readerLanguage } from '../answer';
import { textsFor } from '../../../core/texts';
import type { DiscordContext } from '../context';

/** The `/ticket` form submitted: stored through the core, answered privately with the number. */
export const prefix = 'ticket-form';

export async function run(interaction: ModalSubmitInteraction, ctx: DiscordContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const form = readTicketForm(interaction);
  const onBehalfOfId = interaction.customId.split(':')[1];
  await afterAnswering(interaction, ctx);
  const tr = textsFor(await readerLanguage(interaction, ctx));
  try {
    const ticket = await ctx.helpdesk.tickets.open(interactionActor(interaction), {
      ...form,
      onBehalfOf: onBehalfOfId ? { platform: 'discord', userId: onBehalfOfId } : undefined,
      location: replyLocation(interaction),
    });
    ctx.wakeDispatcher();
    await interaction.editReply({ content: openedText(ticket, tr) });
  } catch (error) {
    await interaction.editReply(notStored(error, ctx, form, tr));
  }
}

export interface TicketFormAnswers {
  title: string;
  description: string;
  type: TicketType;
  impact?: Impact;
  urgency?: Urgency;
}

/** The form's fields; the type may come from elsewhere (a guide's button) when the form has no type select. */
export function readTicketForm(interaction: ModalSubmitInteraction, type?: string): TicketFormAnswers {
  return {
    title: interaction.fields.getTextInputValue('title'),
    description: interaction.fields.getTextInputValue('description'),
    // Missing or odd answers are the core's to refuse (its schema names the allowed values).
    type: (type || selected(interaction, 'type')) as TicketType,
    impact: selected(interaction, 'impact') as Impact | undefined,
    urgency: selected(interaction, 'urgency') as Urgency | undefined,
  };
}

/**
 * Where the opened ticket's private answer is: the interaction's token lets the thread's creator
 * point it at the thread (the token lives 15 minutes, and is cleared once used).
 */
export function replyLocation(interaction: { token: string; applicationId: string }) {
  return { discordInteractionToken: interaction.token, discordApplicationId: interaction.applicationId };
}

export const openedText = (ticket: { number: number; title: string }, tr: Translate) =>
  tr('forms.opened.thread', { number: ticket.number, title: ticket.title });

/** Nothing of what was typed is lost: it comes back as a file to copy from. */
export function notStored(
  error: unknown,
  ctx: DiscordContext,
  form: TicketFormAnswers & { answers?: string },
  tr: Translate,
) {
  const text = `Title: ${form.title}\nType: ${form.type ?? ''}\nImpact: ${form.impact ?? ''}\nUrgency: ${form.urgency ?? ''}\n\n${form.description}\n${form.answers ? `\n${form.answers}\n` : ''}`;
  return {
    content: `${errorText(error, ctx, tr)}\n${tr('forms.opened.notStored')}`,
    files: [{ attachment: Buffer.from(text, 'utf8'), name: 'ticket-draft.txt' }],
  };
}

/** A select's choice, or undefined when the form came without it (an older client's form, or a guide's form with no type select). */
export function selected(interaction: ModalSubmitInteraction, customId: string): string | undefined {
  return interaction.fields.fields.has(customId) ? interaction.fields.getStringSelectValues(customId)[0] : undefined;
}
