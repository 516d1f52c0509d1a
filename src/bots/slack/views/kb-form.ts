import type { App } from '@slack/bolt';
import { InvalidInputError } from '../../../core/errors';
import type { Article } from '../../../core/services/knowledge';
import { ARTICLE_TITLE_MAX } from '../../../core/schemas';
import { formView, textInput } from '../blocks';
import type { Translate } from '../../reader';
import { problemText, readableError, slackActor, textsOf, type SlackContext } from '../context';

export const KB_FORM = 'kb_form';
/** Slack's plain_text_input holds at most 3000 characters: longer articles are not edited in chat (never cut). */
export const KB_FORM_BODY_MAX = 3000;
const KB_TITLE_MAX = Math.min(ARTICLE_TITLE_MAX, 150);

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const visibilityOptions = (tr: Translate) => [
  { value: 'public', text: text(tr('forms.article.everyonePublic')) },
  { value: 'staff', text: text(tr('forms.article.staffOnly')) },
];

/** Whether an article fits the chat form; one that doesn't is edited elsewhere, whole. */
export function fitsForm(article: Pick<Article, 'title' | 'body'>): boolean {
  return article.body.length <= KB_FORM_BODY_MAX && article.title.length <= KB_TITLE_MAX;
}

/** The /kb new and /kb edit form; `articleId` set means editing (prefilled). */
export function kbFormView(tr: Translate, article?: Article) {
  const options = visibilityOptions(tr);
  const visibility = options.find((v) => v.value === (article?.visibility ?? 'staff'))!;
  return formView(
    tr,
    KB_FORM,
    article ? { articleId: article.id } : {},
    article ? tr('forms.article.titleEdit', { id: article.id }) : tr('forms.article.titleNewShort'),
    article ? tr('forms.article.save') : tr('forms.article.create'),
    [
      textInput('title', tr('forms.article.title'), { max: KB_TITLE_MAX, initial: article?.title }),
      textInput('tags', tr('forms.article.tagsComma'), { optional: true, initial: article?.tags.join(', ') }),
      textInput('body', tr('forms.article.body'), { multiline: true, max: KB_FORM_BODY_MAX, initial: article?.body }),
      {
        type: 'input' as const,
        block_id: 'visibility',
        label: text(tr('forms.article.who')),
        element: {
          type: 'static_select' as const,
          action_id: 'value',
          options,
          initial_option: visibility,
        },
      },
    ],
  );
}

const BLOCK_OF_FIELD: Record<string, string> = { title: 'title', body: 'body', tags: 'tags', visibility: 'visibility' };

/** The knowledge-base form submitted: created or edited through the core; a bad field comes back inline. */
export function registerKbForm(app: App, ctx: SlackContext): void {
  app.view(KB_FORM, async ({ ack, view, body }) => {
    const values = view.state.values;
    const { articleId } = JSON.parse(view.private_metadata || '{}') as { articleId?: number };
    const actor = slackActor(body.user.id, body.user.name);
    const input = {
      title: values.title?.value?.value ?? '',
      body: values.body?.value?.value ?? '',
      tags: (values.tags?.value?.value ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      visibility: values.visibility?.value?.selected_option?.value ?? 'staff',
    };
    try {
      if (articleId) await ctx.helpdesk.knowledge.edit(actor, { id: articleId, ...input });
      else await ctx.helpdesk.knowledge.create(actor, input);
      await ack();
    } catch (error) {
      const errors: Record<string, string> = {};
      const tr = await textsOf(ctx, body.user.id);
      if (error instanceof InvalidInputError) {
        for (const p of error.problems) errors[BLOCK_OF_FIELD[p.field.split('.')[0]] ?? 'title'] ??= problemText(p, tr);
      } else {
        errors.title = readableError(error, ctx.logger, tr);
      }
      await ack({ response_action: 'errors', errors });
    }
  });
}
