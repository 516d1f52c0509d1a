import { fitText } from '../../../core/rules/fit';
import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { interactionActor } from '../actor';
import { afterAnswering } from '../ack-first-interactions';
import { textsFor } from '../../../core/texts';
import { errorText, readerLanguage } from '../answer';
import type { DiscordContext } from '../context';
import { suggestions } from '../guide';
import { notStored, openedText, readTicketForm, replyLocation } from './ticket-form';

/**
 * A guide's form submitted (`guide-form:<service, 0: none>:<type, empty: asked in the form>`): the
 * core keeps it as a draft first, so nothing typed is lost, then either declines it (a service the
 * helpdesk does not cover), offers matching articles, or (none match) opens the ticket at once.
 */
export const prefix = 'guide-form';

/** The core keeps a question up to 200 characters. */
const QUESTION_MAX = 200;

export async function run(interaction: ModalSubmitInteraction, ctx: DiscordContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const [, service, type] = interaction.customId.split(':');
  const serviceId = Number(service) || null;
  const form = readTicketForm(interaction, type);
  const answer = interaction.fields.fields.has('answers') ? interaction.fields.getTextInputValue('answers') : '';
  // The form asked the guide's questions in one field: the answer is kept against them all.
  const questions = ctx.helpdesk.catalog.snapshot().find((s) => s.id === serviceId)?.questions ?? [];
  const question = questions.join('\n');
  const answers = answer.trim() && question ? [{ question: fitText(question, QUESTION_MAX), answer }] : [];
  await afterAnswering(interaction, ctx);
  const actor = interactionActor(interaction);
  const language = await readerLanguage(interaction, ctx);
  const tr = textsFor(language);
  let draftId: string | null = null;
  try {
    const result = await ctx.helpdesk.guides.submit(actor, { ...form, serviceId, answers });
    draftId = result.outcome === 'suggest' ? result.draft.id : result.draftId;
    if (result.outcome === 'declined') return void (await interaction.editReply({ content: result.message }));
    if (result.draft.suggested.length > 0)
      return void (await interaction.editReply(suggestions(result.draft, language)));
    const ticket = await ctx.helpdesk.guides.open(actor, {
      draftId: result.draft.id,
      location: replyLocation(interaction),
    });
    ctx.wakeDispatcher();
    await interaction.editReply({ content: openedText(ticket, tr) });
  } catch (error) {
    // Once stored, the form waits for the customer: /ticket offers it again.
    if (draftId)
      await interaction.editReply({
        content: `${errorText(error, ctx, tr)}\n${tr('forms.guide.keptComeBack')}`,
      });
    else await interaction.editReply(notStored(error, ctx, { ...form, answers: answer }, tr));
  }
}
