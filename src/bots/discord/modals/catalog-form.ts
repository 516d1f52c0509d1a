import {
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { linesOf, type Service } from '../../../core/rules/catalog';
import { interactionActor } from '../actor';
import { textsFor } from '../../../core/texts';
import type { Translate } from '../../reader';
import { clientTexts, errorText, readerLanguage } from '../answer';
import type { DiscordContext } from '../context';

/** The service form of `/helpdesk catalog add` (`catalog-form`) and `edit ID` (`catalog-form:ID`), and its submit. */
export const prefix = 'catalog-form';

/** Who looks after it: a tier, or nobody (the helpdesk declines it with a pointer to the catalog). */
const NOT_COVERED = 'none';

/** Admins only: a refusal before the form, so nothing is typed in vain (the core checks again on submit). */
export async function showServiceForm(
  interaction: ChatInputCommandInteraction,
  ctx: DiscordContext,
  service?: Service,
): Promise<void> {
  const tr = clientTexts(interaction, ctx);
  try {
    const role = await ctx.helpdesk.staff.roleOf(interactionActor(interaction));
    if (role !== 'admin')
      return void (await interaction.reply({
        content: tr('forms.service.onlyAdmins'),
        flags: MessageFlags.Ephemeral,
      }));
  } catch (error) {
    return void (await interaction.reply({ content: errorText(error, ctx), flags: MessageFlags.Ephemeral }));
  }
  await interaction.showModal(serviceForm(tr, service));
}

function serviceForm(tr: Translate, service?: Service): ModalBuilder {
  const input = (id: string, style: TextInputStyle, max: number, required: boolean, value?: string) => {
    const field = new TextInputBuilder().setCustomId(id).setStyle(style).setMaxLength(max).setRequired(required);
    return value ? field.setValue(value) : field;
  };
  const coverage = service ? (service.covered ? String(service.owningTier) : NOT_COVERED) : '1';
  return new ModalBuilder()
    .setCustomId(service ? `${prefix}:${service.id}` : prefix)
    .setTitle(service ? tr('forms.service.titleEdit', { id: service.id }) : tr('forms.service.titleNew'))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(tr('forms.service.name'))
        .setTextInputComponent(input('name', TextInputStyle.Short, 80, true, service?.name)),
      new LabelBuilder()
        .setLabel(tr('forms.service.description'))
        .setTextInputComponent(input('description', TextInputStyle.Paragraph, 1000, false, service?.description)),
      new LabelBuilder().setLabel(tr('forms.service.covered')).setStringSelectMenuComponent(
        new StringSelectMenuBuilder()
          .setCustomId('coverage')
          .setRequired(true)
          .addOptions(
            ...['1', '2', '3'].map((tier) => ({
              label: tr('forms.service.coveredTier', { tier }),
              value: tier,
              default: coverage === tier,
            })),
            {
              label: tr('forms.service.notCovered'),
              value: NOT_COVERED,
              default: coverage === NOT_COVERED,
            },
          ),
      ),
      new LabelBuilder()
        .setLabel(tr('forms.service.checks'))
        .setDescription(tr('forms.service.checksHint'))
        .setTextInputComponent(input('checks', TextInputStyle.Paragraph, 2200, false, service?.checks.join('\n'))),
      new LabelBuilder()
        .setLabel(tr('forms.service.questions'))
        .setDescription(tr('forms.service.questionsHint'))
        .setTextInputComponent(input('questions', TextInputStyle.Paragraph, 650, false, service?.questions.join('\n'))),
    );
}

export async function run(interaction: ModalSubmitInteraction, ctx: DiscordContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const id = interaction.customId.split(':')[1];
  const text = (field: string) =>
    interaction.fields.fields.has(field) ? interaction.fields.getTextInputValue(field) : '';
  const coverage = interaction.fields.getStringSelectValues('coverage')[0] ?? '1';
  const covered = coverage !== NOT_COVERED;
  const fields = {
    name: text('name'),
    description: text('description'),
    covered,
    // Not covered keeps the tier it had: covering it again later gives it back to them.
    ...(covered || !id ? { owningTier: covered ? coverage : 1 } : {}),
    checks: linesOf(text('checks')),
    questions: linesOf(text('questions')),
  };
  const actor = interactionActor(interaction);
  const tr = textsFor(await readerLanguage(interaction, ctx));
  try {
    const service = id
      ? await ctx.helpdesk.catalog.edit(actor, { id, ...fields })
      : await ctx.helpdesk.catalog.add(actor, fields);
    const coverage = service.covered
      ? tr('forms.service.coveredBy', { tier: service.owningTier })
      : tr('forms.service.notCoveredShort');
    await interaction.editReply({
      content: tr(id ? 'forms.service.saved' : 'forms.service.added', { id: service.id, name: service.name, coverage }),
    });
  } catch (error) {
    await interaction.editReply({
      content: `${errorText(error, ctx, tr)}\n${tr('forms.opened.notStoredForm')}`,
      files: [
        {
          attachment: Buffer.from(
            `Name: ${fields.name}\nCovered: ${coverage}\n\n${fields.description}\n\nChecks:\n${text('checks')}\n\nQuestions:\n${text('questions')}\n`,
            'utf8',
          ),
          name: 'service-draft.txt',
        },
      ],
    });
  }
}
