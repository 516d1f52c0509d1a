import type { Article, ArticleHit, ArticleRevision } from '../../core/services/knowledge';
import type { TicketSummary } from '../../core/services/ticket-queries';
import { textsFor, type Language } from '../../core/texts';
import { statusBadge, timeTag } from '../format';
import { csrfField, html, trusted, type SafeHtml, type Viewer } from '../layout';
import { ticketTable } from './tickets';

/** Search: tickets the reader may see and knowledge-base articles, one box. */
export function searchBody(
  words: string,
  tickets: TicketSummary[] | null,
  articles: ArticleHit[] | null,
  language: Language,
): SafeHtml {
  const say = textsFor(language);
  const form = html`<form method="get" action="/search" class="row" role="search">
    <label for="q">${say('dashboard.search.label')}</label>
    <input id="q" name="q" type="search" value="${words}" maxlength="200" />
    <button type="submit">${say('dashboard.search.button')}</button>
  </form>`;
  if (tickets === null) return form;
  return html`${form}
    <h2>${say('dashboard.search.tickets')}</h2>
    ${tickets.length ? ticketTable(tickets, language, { staff: true, caption: say('dashboard.search.tickets') }) : html`<p class="empty">${say('dashboard.search.none')}</p>`}
    <h2>${say('dashboard.search.articles')}</h2>
    ${
      articles?.length
        ? html`<ul class="articles">
            ${articles.map((a) => html`<li><a href="/kb/article?id=${a.id}">${a.title}</a><br /><span class="snippet">${a.snippet}</span></li>`)}
          </ul>`
        : html`<p class="empty">${say('dashboard.search.none')}</p>`
    }`;
}

export function knowledgeBody(
  articles: Article[],
  hits: ArticleHit[] | null,
  words: string,
  mayWrite: boolean,
  language: Language,
): SafeHtml {
  const say = textsFor(language);
  const list = hits
    ? hits.map(
        (a) =>
          html`<li><a href="/kb/article?id=${a.id}">${a.title}</a><br /><span class="snippet">${a.snippet}</span></li>`,
      )
    : articles.map(
        (a) =>
          html`<li>
            <a href="/kb/article?id=${a.id}">${a.title}</a>
            <span class="note">${say('dashboard.kb.updated')} ${timeTag(a.updatedAt, language)}</span>
          </li>`,
      );
  return html`<form method="get" action="/kb" class="row" role="search">
      <label for="kbq">${say('dashboard.kb.search')}</label>
      <input id="kbq" name="q" type="search" value="${words}" maxlength="200" />
      <button type="submit">${say('dashboard.search.button')}</button>
    </form>
    ${mayWrite ? html`<p><a class="button" href="/kb/edit">${say('dashboard.kb.newArticle')}</a></p>` : ''}
    ${
      list.length
        ? html`<ul class="articles">
            ${list}
          </ul>`
        : html`<p class="empty">${hits ? say('dashboard.search.none') : say('dashboard.kb.empty')}</p>`
    }`;
}

export function articleBody(
  article: Article,
  revisions: ArticleRevision[] | null,
  names: Record<number, string>,
  mayWrite: boolean,
  language: Language,
): SafeHtml {
  const say = textsFor(language);
  return html`<p class="note">
      ${say('dashboard.kb.updated')}
      ${timeTag(article.updatedAt, language)}${article.archivedAt ? html` · <strong>${say('dashboard.kb.archived')}</strong>` : ''}
      · ${article.visibility === 'public' ? say('dashboard.kb.public') : say('dashboard.kb.staff')}
    </p>
    ${mayWrite && !article.special && !article.archivedAt ? html`<p><a class="button" href="/kb/edit?id=${article.id}">${say('dashboard.kb.edit')}</a></p>` : ''}
    <div class="text article">${article.body}</div>
    ${
      revisions
        ? html`<h2>${say('dashboard.kb.revisions')}</h2>
            <ol class="history">
              ${revisions.map((r, i) => html`<li>${say('dashboard.kb.revision', { number: i + 1, who: r.editedById ? (names[r.editedById] ?? `#${r.editedById}`) : say('dashboard.ticket.system') })} · ${timeTag(r.createdAt, language)}</li>`)}
            </ol>`
        : ''
    }`;
}

/** The form for a new article or an edit of one (each save is a revision). */
export function articleForm(viewer: Viewer, article: Article | null, language: Language, problem?: string): SafeHtml {
  const say = textsFor(language);
  const visibility = article?.visibility ?? 'staff';
  return html`${problem ? html`<p class="flash error" role="alert">${problem}</p>` : ''}
    <form method="post" action="/kb/save" class="stack">
      ${csrfField(viewer)} ${article ? html`<input type="hidden" name="id" value="${article.id}" />` : ''}
      <label for="title">${say('dashboard.kb.titleField')}</label
      ><input id="title" name="title" required maxlength="200" value="${article?.title ?? ''}" />
      <label for="body">${say('dashboard.kb.body')}</label
      ><textarea id="body" name="body" rows="14" required>${article?.body ?? ''}</textarea>
      <label for="tags">${say('dashboard.kb.tags')}</label
      ><input id="tags" name="tags" value="${article?.tags.join(', ') ?? ''}" />
      <fieldset>
        <legend>${say('dashboard.kb.visibility')}</legend>
        <label
          ><input type="radio" name="visibility" value="staff" ${visibility === 'staff' ? trusted(' checked') : ''} />
          ${say('dashboard.kb.staff')}</label
        >
        <label
          ><input type="radio" name="visibility" value="public" ${visibility === 'public' ? trusted(' checked') : ''} />
          ${say('dashboard.kb.public')}</label
        >
      </fieldset>
      <button type="submit">${say('dashboard.kb.save')}</button>
    </form>`;
}

export function majorBody(
  incidents: Array<{
    number: number;
    title: string;
    status: 'open' | 'pending' | 'resolved';
    createdAt: Date;
    joined: number;
  }>,
  language: Language,
): SafeHtml {
  const say = textsFor(language);
  if (incidents.length === 0) return html`<p class="empty">${say('dashboard.major.empty')}</p>`;
  return html`<ul class="articles">
    ${incidents.map(
      (m) =>
        html`<li>
          <a href="/ticket?number=${m.number}">#${m.number} ${m.title}</a> ${statusBadge(m.status, language)} ·
          ${say('dashboard.major.joined', { count: m.joined })} · ${timeTag(m.createdAt, language)}
        </li>`,
    )}
  </ul>`;
}

/** A page with one message and a way back (sign-in refused, not allowed, not found, signed out). */
export function messageBody(lines: string[], language: Language, link = true): SafeHtml {
  const say = textsFor(language);
  return html`${lines.map((line) => html`<p>${line}</p>`)}${link ? html`<p><a href="/">${say('dashboard.errors.back')}</a></p>` : ''}`;
}
