import { fitText } from '../../../core/rules/fit';
import {
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { IMPACTS, TICKET_TYPES, URGENCIES, type TicketType } from '../../../core/model';
import { DESCRIPTION_MAX, TITLE_MAX } from '../../../core/schemas';
import type { Translate } from '../../reader';
import { clientLanguage, clientTexts } from '../answer';
import type { DiscordContext } from '../context';
import { offerWaitingForm, pickerReply } from '../guide';

/**
 * `/ticket`: with a service catalog, the first answer is the service select (from the catalog in
 * memory: no database call before it); without one, and for staff's `/ticket person:@someone`,
 * the form itself. Either is answered before any database or network call.
 */
export const name = 'ticket';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const onBehalfOf = interaction.options.getUser('person');
  const services = ctx.helpdesk.catalog.snapshot();
  if (onBehalfOf || services.length === 0) {
    // Staff rights are checked by the core on submit; the form itself may be shown to anyone.
    const customId = onBehalfOf ? `ticket-form:${onBehalfOf.id}` : 'ticket-form';
    await interaction.showModal(ticketForm(customId, clientTexts(interaction, ctx), { forWhom: onBehalfOf?.username }));
    return;
  }
  await interaction.reply(pickerReply(services, clientLanguage(interaction, ctx)));
  await offerWaitingForm(interaction, ctx);
}

/** A required select inside the modal (a Label wrapping it): Discord's modals hold five such rows at most. */
function select(customId: string, label: string, options: Array<{ label: string; value: string }>): LabelBuilder {
  return new LabelBuilder()
    .setLabel(label)
    .setStringSelectMenuComponent(
      new StringSelectMenuBuilder().setCustomId(customId).setRequired(true).addOptions(options),
    );
}

/** What a form may be told: for whom (staff), its service's name, the type (chosen by a guide's button), the guide's questions. */
export interface TicketFormOptions {
  forWhom?: string;
  serviceName?: string;
  type?: TicketType;
  questions?: string[];
}

/** Discord's limits on a modal Label: its label and its description. */
const LABEL_MAX = 45;
const LABEL_DESCRIPTION_MAX = 100;

/**
 * Title, description, type, and the two answers the core turns into a priority (the ITIL matrix):
 * who is affected and how badly. Labels are the core's, so both platforms ask the same question.
 * A guide's form knows its type from the button pressed, which frees the fifth field for the
 * answers to the guide's questions (all in one field: a modal holds five, and a modal cannot
 * follow a modal; the guide shown before listed them in full).
 */
export function ticketForm(customId: string, tr: Translate, options: TicketFormOptions = {}): ModalBuilder {
  const { forWhom, serviceName, type, questions = [] } = options;
  const title = forWhom
    ? tr('forms.ticket.titleFor', { person: forWhom })
    : serviceName
      ? tr('forms.ticket.titleService', { service: serviceName })
      : tr('forms.ticket.title');
  const fields = [
    new LabelBuilder()
      .setLabel(tr('forms.ticket.fieldTitle'))
      .setTextInputComponent(
        new TextInputBuilder()
          .setCustomId('title')
          .setStyle(TextInputStyle.Short)
          .setMaxLength(TITLE_MAX)
          .setRequired(true),
      ),
    new LabelBuilder()
      .setLabel(tr('forms.ticket.fieldDescription'))
      .setTextInputComponent(
        new TextInputBuilder()
          .setCustomId('description')
          .setStyle(TextInputStyle.Paragraph)
          .setMaxLength(DESCRIPTION_MAX)
          .setRequired(true),
      ),
    ...(type
      ? []
      : [
          select(
            'type',
            tr('forms.ticket.type'),
            TICKET_TYPES.map((value) => ({ label: tr(`forms.ticket.typeOption.${value}`), value })),
          ),
        ]),
    select(
      'impact',
      tr('forms.ticket.impact'),
      IMPACTS.map((value) => ({ label: tr(`forms.ticket.impactOption.${value}`), value })),
    ),
    select(
      'urgency',
      tr('forms.ticket.urgency'),
      URGENCIES.map((value) => ({ label: tr(`forms.ticket.urgencyOption.${value}`), value })),
    ),
    ...(type && questions.length > 0 ? [answersField(questions, tr)] : []),
  ];
  return new ModalBuilder()
    .setCustomId(customId)
    .setTitle(fitText(title, LABEL_MAX))
    .addLabelComponents(...fields);
}

/** One question is the label itself when it fits; several are listed in the description. */
function answersField(questions: string[], tr: Translate): LabelBuilder {
  const single = questions.length === 1 && questions[0].length <= LABEL_MAX;
  const label = new LabelBuilder()
    .setLabel(single ? questions[0] : tr(questions.length === 1 ? 'forms.answers.one' : 'forms.answers.several'))
    .setTextInputComponent(
      new TextInputBuilder()
        .setCustomId('answers')
        .setStyle(TextInputStyle.Paragraph)
        .setMaxLength(ANSWERS_MAX)
        .setRequired(false),
    );
  return single ? label : label.setDescription(fitText(questions.join(' · '), LABEL_DESCRIPTION_MAX));
}

/** The core keeps an answer up to 1000 characters. */
const ANSWERS_MAX = 1000;
