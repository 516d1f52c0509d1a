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
import { actorOf } from '../actor';
import { errorText } from '../answer';
import type { DiscordContext } from '../context';

/** The article form of `/kb new` (`kb-form`) and `/kb edit ID` (`kb-form:ID`), and its submit. */
export const prefix = 'kb-form';

/** Discord's text inputs hold at most 4000 characters: longer articles are not edited in chat. */
export const FORM_BODY_MAX = 4000;
const TAGS_MAX = 1000;

export function articleForm(article?: Pick<Article, 'id' | 'title' | 'body' | 'tags' | 'visibility'>): ModalBuilder {
  const input = (id: string, style: TextInputStyle, max: number, required: boolean, value?: string) => {
    const field = new TextInputBuilder().setCustomId(id).setStyle(style).setMaxLength(max).setRequired(required);
    return value ? field.setValue(value) : field;
  };
  const visibility = article?.visibility ?? 'staff';
  return new ModalBuilder()
    .setCustomId(article ? `${prefix}:${article.id}` : prefix)
    .setTitle(article ? `Edit article ${article.id}`.slice(0, 45) : 'New knowledge-base article')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Title')
        .setTextInputComponent(input('title', TextInputStyle.Short, ARTICLE_TITLE_MAX, true, article?.title)),
      new LabelBuilder()
        .setLabel('Tags')
        .setDescription('Separated by commas, e.g. vpn, network')
        .setTextInputComponent(input('tags', TextInputStyle.Short, TAGS_MAX, false, article?.tags.join(', '))),
      new LabelBuilder()
        .setLabel('Body')
        .setTextInputComponent(input('body', TextInputStyle.Paragraph, FORM_BODY_MAX, true, article?.body)),
      new LabelBuilder().setLabel('Who may read it').setStringSelectMenuComponent(
        new StringSelectMenuBuilder()
          .setCustomId('visibility')
          .setRequired(true)
          .addOptions(
            { label: 'Staff only', value: 'staff', default: visibility === 'staff' },
            { label: 'Everyone (customers too)', value: 'public', default: visibility === 'public' },
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
  const actor = actorOf(interaction.user, interaction.member);
  try {
    const article = id
      ? await ctx.helpdesk.knowledge.edit(actor, { id, title, body, tags, visibility })
      : await ctx.helpdesk.knowledge.create(actor, { title, body, tags, visibility });
    await interaction.editReply({
      content: `Article ${article.id} "${article.title}" is ${id ? 'saved' : 'created'} (${article.visibility === 'public' ? 'everyone' : 'staff only'} can read it).`,
    });
  } catch (error) {
    // Nothing of what was typed is lost: it comes back as a file to copy from.
    await interaction.editReply({
      content: `${errorText(error, ctx)}\nNothing was stored. What you wrote is attached, so you can copy it into the form again.`,
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
