import { LabelBuilder, ModalBuilder, StringSelectMenuBuilder, TextInputBuilder, TextInputStyle, type ChatInputCommandInteraction } from 'discord.js';
import { IMPACTS, URGENCIES } from '../../../core/model';
import { IMPACT_LABEL, URGENCY_LABEL } from '../../../core/rules/priority';
import { DESCRIPTION_MAX, TITLE_MAX } from '../../../core/schemas';

/** `/ticket` (and `/ticket person:@someone` for staff): the form is the first answer, before any database or network call. */
export const name = 'ticket';

export async function run(interaction: ChatInputCommandInteraction): Promise<void> {
  const onBehalfOf = interaction.options.getUser('person');
  // Staff rights are checked by the core on submit; the form itself may be shown to anyone.
  const customId = onBehalfOf ? `ticket-form:${onBehalfOf.id}` : 'ticket-form';
  await interaction.showModal(ticketForm(customId, onBehalfOf?.username));
}

/** A required select inside the modal (a Label wrapping it): Discord's modals hold five such rows at most. */
function select(customId: string, label: string, options: Array<{ label: string; value: string }>): LabelBuilder {
  return new LabelBuilder().setLabel(label).setStringSelectMenuComponent(new StringSelectMenuBuilder().setCustomId(customId).setRequired(true).addOptions(options));
}

/**
 * Title, description, type, and the two answers the core turns into a priority (the ITIL matrix):
 * who is affected and how badly. Labels are the core's, so both platforms ask the same question.
 */
export function ticketForm(customId: string, forWhom?: string): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(customId)
    .setTitle(forWhom ? `Open a ticket for ${forWhom}`.slice(0, 45) : 'Open a ticket')
    .addLabelComponents(
      new LabelBuilder().setLabel('Title').setTextInputComponent(new TextInputBuilder().setCustomId('title').setStyle(TextInputStyle.Short).setMaxLength(TITLE_MAX).setRequired(true)),
      new LabelBuilder()
        .setLabel('Description')
        .setTextInputComponent(new TextInputBuilder().setCustomId('description').setStyle(TextInputStyle.Paragraph).setMaxLength(DESCRIPTION_MAX).setRequired(true)),
      select('type', 'Type', [
        { label: 'Incident: something is broken', value: 'incident' },
        { label: 'Request: I need something', value: 'request' },
      ]),
      select('impact', 'Who is affected?', IMPACTS.map((value) => ({ label: IMPACT_LABEL[value], value }))),
      select('urgency', 'How badly?', URGENCIES.map((value) => ({ label: URGENCY_LABEL[value], value }))),
    );
}
