import type { App } from '@slack/bolt';
import { InvalidInputError } from '../../../core/errors';
import type { Article } from '../../../core/services/knowledge';
import { ARTICLE_TITLE_MAX } from '../../../core/schemas';
import { readableError, slackActor, type SlackContext } from '../context';

export const KB_FORM = 'kb_form';
/** Slack's plain_text_input holds at most 3000 characters: longer articles are not edited in chat (never cut). */
export const KB_FORM_BODY_MAX = 3000;
const KB_TITLE_MAX = Math.min(ARTICLE_TITLE_MAX, 150);

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const VISIBILITY = [
  { value: 'public', text: text('Everyone (public)') },
  { value: 'staff', text: text('Staff only') },
];

/** Whether an article fits the chat form; one that doesn't is edited elsewhere, whole. */
export function fitsForm(article: Pick<Article, 'title' | 'body'>): boolean {
  return article.body.length <= KB_FORM_BODY_MAX && article.title.length <= KB_TITLE_MAX;
}

/** The /kb new and /kb edit form; `articleId` set means editing (prefilled). */
export function kbFormView(article?: Article) {
  const initial = (value: string | undefined) => (value ? { initial_value: value } : {});
  const visibility = VISIBILITY.find((v) => v.value === (article?.visibility ?? 'staff'))!;
  return {
    type: 'modal' as const,
    callback_id: KB_FORM,
    private_metadata: JSON.stringify(article ? { articleId: article.id } : {}),
    title: text(article ? `Edit article ${article.id}`.slice(0, 24) : 'New article'),
    submit: text(article ? 'Save' : 'Create'),
    close: text('Cancel'),
    blocks: [
      { type: 'input' as const, block_id: 'title', label: text('Title'), element: { type: 'plain_text_input' as const, action_id: 'value', max_length: KB_TITLE_MAX, ...initial(article?.title) } },
      { type: 'input' as const, block_id: 'tags', optional: true, label: text('Tags (comma-separated)'), element: { type: 'plain_text_input' as const, action_id: 'value', ...initial(article?.tags.join(', ')) } },
      { type: 'input' as const, block_id: 'body', label: text('Body'), element: { type: 'plain_text_input' as const, action_id: 'value', multiline: true, max_length: KB_FORM_BODY_MAX, ...initial(article?.body) } },
      { type: 'input' as const, block_id: 'visibility', label: text('Who may read it'), element: { type: 'static_select' as const, action_id: 'value', options: VISIBILITY, initial_option: visibility } },
    ],
  };
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
      tags: (values.tags?.value?.value ?? '').split(',').map((t) => t.trim()).filter(Boolean),
      visibility: values.visibility?.value?.selected_option?.value ?? 'staff',
    };
    try {
      if (articleId) await ctx.helpdesk.knowledge.edit(actor, { id: articleId, ...input });
      else await ctx.helpdesk.knowledge.create(actor, input);
      await ack();
    } catch (error) {
      const errors: Record<string, string> = {};
      if (error instanceof InvalidInputError) {
        for (const p of error.problems) errors[BLOCK_OF_FIELD[p.field.split('.')[0]] ?? 'title'] ??= p.problem;
      } else {
        errors.title = readableError(error, ctx.logger);
      }
      await ack({ response_action: 'errors', errors });
    }
  });
}
