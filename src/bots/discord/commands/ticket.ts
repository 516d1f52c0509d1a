import { LabelBuilder, ModalBuilder, StringSelectMenuBuilder, TextInputBuilder, TextInputStyle, type ChatInputCommandInteraction } from 'discord.js';
import { DESCRIPTION_MAX, TITLE_MAX } from '../../../core/schemas';

/** `/ticket` (and `/ticket person:@someone` for staff): the form is the first answer, before any database or network call. */
export const name = 'ticket';

export async function run(interaction: ChatInputCommandInteraction): Promise<void> {
  const onBehalfOf = interaction.options.getUser('person');
  // Staff rights are checked by the core on submit; the form itself may be shown to anyone.
  const customId = onBehalfOf ? `ticket-form:${onBehalfOf.id}` : 'ticket-form';
  await interaction.showModal(ticketForm(customId, onBehalfOf?.username));
}

export function ticketForm(customId: string, forWhom?: string): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(customId)
    .setTitle(forWhom ? `Open a ticket for ${forWhom}`.slice(0, 45) : 'Open a ticket')
    .addLabelComponents(
      new LabelBuilder().setLabel('Title').setTextInputComponent(new TextInputBuilder().setCustomId('title').setStyle(TextInputStyle.Short).setMaxLength(TITLE_MAX).setRequired(true)),
      new LabelBuilder()
        .setLabel('Description')
        .setTextInputComponent(new TextInputBuilder().setCustomId('description').setStyle(TextInputStyle.Paragraph).setMaxLength(DESCRIPTION_MAX).setRequired(true)),
      new LabelBuilder()
        .setLabel('Type')
        .setStringSelectMenuComponent(
          new StringSelectMenuBuilder()
            .setCustomId('type')
            .setRequired(true)
            .addOptions({ label: 'Incident: something is broken', value: 'incident' }, { label: 'Request: I need something', value: 'request' }),
        ),
    );
}
