import type { Helpdesk } from '../../core/helpdesk';
import { InvalidInputError } from '../../core/errors';
import { authorize, decide } from '../../core/rules/authorization';
import type { Dashboard } from '../dashboard';
import { redirect } from '../http';
import { errorText } from '../../core/rules/messages';
import { articleBody, articleForm, knowledgeBody } from '../pages/other';

function articleId(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw new InvalidInputError([{ field: 'id', problem: 'not an article id' }]);
  return id;
}

/** The knowledge base: everyone reads what they may; staff write, each save a revision. */
export function mountKnowledge(dashboard: Dashboard, helpdesk: Helpdesk): void {
  dashboard.route('GET', '/kb', async (request) => {
    const { viewer, say, language, query } = request;
    const words = (query.q ?? '').trim();
    const [articles, hits] = await Promise.all([
      words ? Promise.resolve([]) : helpdesk.knowledge.list(viewer.actor, { limit: 50 }),
      words ? helpdesk.knowledge.search(viewer.actor, { words }) : Promise.resolve(null),
    ]);
    const mayWrite = decide(viewer.person, 'kb.write').allowed;
    request.page(200, say('dashboard.nav.knowledge'), knowledgeBody(articles, hits, words, mayWrite, language), {
      current: '/kb',
    });
  });

  dashboard.route('GET', '/kb/article', async (request) => {
    const { viewer, language } = request;
    const id = articleId(request.query.id);
    const article = await helpdesk.knowledge.read(viewer.actor, { id });
    const mayWrite = decide(viewer.person, 'kb.write').allowed;
    const seesRevisions = decide(viewer.person, 'kb.read_staff').allowed;
    const [revisions, staff] = seesRevisions
      ? await Promise.all([
          helpdesk.knowledge.revisions(viewer.actor, { id }),
          helpdesk.dashboardViews.staffChoices(viewer.actor),
        ])
      : [null, []];
    const names = Object.fromEntries(staff.map((s) => [s.id, s.name]));
    request.page(200, article.title, articleBody(article, revisions, names, mayWrite, language), { current: '/kb' });
  });

  dashboard.route('GET', '/kb/edit', async (request) => {
    const { viewer, say, language, shell } = request;
    const article = request.query.id
      ? await helpdesk.knowledge.read(viewer.actor, { id: articleId(request.query.id) })
      : null;
    // Asked before the form is shown, so a customer is refused here rather than after writing.
    authorize(viewer.person, 'kb.write');
    request.page(
      200,
      article ? say('dashboard.kb.edit') : say('dashboard.kb.newArticle'),
      articleForm(shell, article, language),
      {
        current: '/kb',
      },
    );
  });

  dashboard.route('POST', '/kb/save', async (request) => {
    const { viewer, form, say, language, shell } = request;
    const fields = {
      title: form.title ?? '',
      body: form.body ?? '',
      tags: (form.tags ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      visibility: form.visibility,
    };
    try {
      const article = form.id
        ? await helpdesk.knowledge.edit(viewer.actor, { id: articleId(form.id), ...fields })
        : await helpdesk.knowledge.create(viewer.actor, fields);
      redirect(request.res, `/kb/article?id=${article.id}`);
    } catch (error) {
      if ((error as { code?: string }).code !== 'invalid_input') throw error;
      const draft = form.id ? await helpdesk.knowledge.read(viewer.actor, { id: articleId(form.id) }) : null;
      request.page(
        400,
        say('dashboard.kb.edit'),
        articleForm(
          shell,
          draft && { ...draft, ...fields, visibility: draft.visibility },
          language,
          errorText(error as Error, language),
        ),
      );
    }
  });
}
