import {
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ModalSubmitInteraction,
} from 'discord.js';
import { ARTICLE_TITLE_MAX } from '../../../core/schemas';
import type { Article } from '../../../core/services/knowledge';
import { interactionActor } from '../actor';
import { textsFor } from '../../../core/texts';
import type { Translate } from '../../reader';
import { errorText, readerLanguage } from '../answer';
import type { DiscordContext } from '../context';

/** The article form of `/kb new` (`kb-form`) and `/kb edit ID` (`kb-form:ID`), and its submit. */
export const prefix = 'kb-form';

/** Discord's text inputs hold at most 4000 characters: longer articles are not edited in chat. */
export const FORM_BODY_MAX = 4000;
const TAGS_MAX = 1000;

export function articleForm(
  tr: Translate,
  article?: Pick<Article, 'id' | 'title' | 'body' | 'tags' | 'visibility'>,
): ModalBuilder {
  const input = (id: string, style: TextInputStyle, max: number, required: boolean, value?: string) => {
    const field = new TextInputBuilder().setCustomId(id).setStyle(style).setMaxLength(max).setRequired(required);
    return value ? field.setValue(value) : field;
  };
  const visibility = article?.visibility ?? 'staff';
  return new ModalBuilder()
    .setCustomId(article ? `${prefix}:${article.id}` : prefix)
    .setTitle(article ? tr('forms.article.titleEdit', { id: article.id }) : tr('forms.article.titleNew'))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(tr('forms.article.title'))
        .setTextInputComponent(input('title', TextInputStyle.Short, ARTICLE_TITLE_MAX, true, article?.title)),
      new LabelBuilder()
        .setLabel(tr('forms.article.tags'))
        .setDescription(tr('forms.article.tagsHint'))
        .setTextInputComponent(input('tags', TextInputStyle.Short, TAGS_MAX, false, article?.tags.join(', '))),
      new LabelBuilder()
        .setLabel(tr('forms.article.body'))
        .setTextInputComponent(input('body', TextInputStyle.Paragraph, FORM_BODY_MAX, true, article?.body)),
      new LabelBuilder().setLabel(tr('forms.article.who')).setStringSelectMenuComponent(
        new StringSelectMenuBuilder()
          .setCustomId('visibility')
          .setRequired(true)
          .addOptions(
            { label: tr('forms.article.staffOnly'), value: 'staff', default: visibility === 'staff' },
            { label: tr('forms.article.everyone'), value: 'public', default: visibility === 'public' },
          ),
      ),
    );
}

export async function run(interaction: ModalSubmitInteraction, ctx: DiscordContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const id = interaction.customId.split(':')[1];
  const title = interaction.fields.getTextInputValue('title');
  const body = interaction.fields.getTextInputValue('body');
  const tagsText = interaction.fields.getTextInputValue('tags') ?? '';
  const tags = tagsText
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const visibility = interaction.fields.getStringSelectValues('visibility')[0];
  const actor = interactionActor(interaction);
  const tr = textsFor(await readerLanguage(interaction, ctx));
  try {
    const article = id
      ? await ctx.helpdesk.knowledge.edit(actor, { id, title, body, tags, visibility })
      : await ctx.helpdesk.knowledge.create(actor, { title, body, tags, visibility });
    await interaction.editReply({
      content: tr(id ? 'forms.article.saved' : 'forms.article.created', {
        id: article.id,
        title: article.title,
        readers: tr(article.visibility === 'public' ? 'forms.article.readersEveryone' : 'forms.article.readersStaff'),
      }),
    });
  } catch (error) {
    // Nothing of what was typed is lost: it comes back as a file to copy from.
    await interaction.editReply({
      content: `${errorText(error, ctx, tr)}\n${tr('forms.opened.notStoredForm')}`,
      files: [
        {
          attachment: Buffer.from(
            `Title: ${title}\nTags: ${tagsText}\nVisibility: ${visibility ?? ''}\n\n${body}\n`,
            'utf8',
          ),
          name: 'article-draft.txt',
        },
      ],
    });
  }
}
