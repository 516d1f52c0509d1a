import type { Role } from '../core/model';
import { textsFor, type Language } from '../core/texts';

/**
 * HTML that is already safe to send: built by `html` (which escaped every value put into it) or
 * marked safe on purpose with `trusted`. Anything else put into `html` is escaped, so a person's
 * text can never become markup by forgetting to escape it.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value: the five characters that could end either are replaced. */
export function escapeHtml(text: unknown): string {
  const plain = typeof text === 'string' ? text : String(text ?? '');
  // Most values (numbers, labels, names) have nothing to escape: a test is cheaper than a replace.
  return NEEDS_ESCAPE.test(plain) ? plain.replace(ESCAPABLE, (char) => ESCAPES[char]) : plain;
}
const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPABLE = /[&<>"']/g;

/** Markup written by our own code (never by a person), trusted as it is. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) out += render(item as HtmlValue);
    return out;
  }
  return escapeHtml(value);
}

/**
 * The template tag every page is written with: `html\`<p>${name}</p>\`` escapes `name`; nested
 * `html` fragments and arrays of them are kept as markup; null, undefined and false print nothing.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1];
  });
  return new SafeHtml(out);
}

/** The stylesheet every page links (served by the dashboard; no inline style is allowed by the CSP). */
export const STYLESHEET_PATH = '/assets/dashboard.css';
/** The one script: the queue's refresh, which waits while someone is using a form (a meta refresh would not). */
export const SCRIPT_PATH = '/assets/dashboard.js';

/**
 * Nothing inline, nothing from elsewhere: a person's text that escaped escaping still could not
 * run a script, load a style or send a form to another site.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Who is signed in, as the shell shows them: their name, role (for the menu) and the session's form token. */
export interface Viewer {
  name: string;
  role: Role;
  csrfToken: string;
}

export interface NavItem {
  href: string;
  label: string;
}

/** The menu a role sees; the figures page only for admins. */
export function navFor(role: Role, language: Language): NavItem[] {
  const say = textsFor(language);
  if (role === 'customer') {
    return [
      { href: '/', label: say('dashboard.nav.myTickets') },
      { href: '/kb', label: say('dashboard.nav.knowledge') },
    ];
  }
  const items: NavItem[] = [
    { href: '/', label: say('dashboard.nav.queue') },
    { href: '/mine', label: say('dashboard.nav.myWork') },
    { href: '/search', label: say('dashboard.nav.search') },
    { href: '/kb', label: say('dashboard.nav.knowledge') },
    { href: '/major', label: say('dashboard.nav.major') },
  ];
  if (role === 'admin') items.push({ href: '/figures', label: say('dashboard.nav.figures') });
  return items;
}

/** A hidden field with the session's CSRF token: every form posted to the dashboard carries one. */
export function csrfField(viewer: Viewer): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${viewer.csrfToken}" />`;
}

export interface PageOptions {
  language: Language;
  /** The page's own title (the helpdesk's name is added). */
  title: string;
  body: SafeHtml;
  /** Absent on the pages shown before sign-in. */
  viewer?: Viewer;
  /** The path shown as current in the menu. */
  current?: string;
  /** Reloads the page after this many seconds (the queue). */
  refreshSeconds?: number;
}

/**
 * The page shell: a language attribute, a viewport for phones, a skip link and landmarks for
 * keyboard and screen-reader users, the menu, the sign-out form, and the page's body in <main>.
 */
export function renderPage(options: PageOptions): string {
  const { language, title, body, viewer, current, refreshSeconds } = options;
  const say = textsFor(language);
  const helpdesk = say('dashboard.title');
  const nav = viewer
    ? html`<nav aria-label="${say('dashboard.nav.label')}">
          <ul>
            ${navFor(viewer.role, language).map(
              (item) =>
                html`<li>
                  <a href="${item.href}" ${item.href === current ? trusted(' aria-current="page"') : ''}
                    >${item.label}</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
        <form method="post" action="/signout" class="signout">
          ${csrfField(viewer)}<span
            >${say('dashboard.signedInAs', {
              name: viewer.name,
            })}</span
          >
          <button type="submit">${say('dashboard.signOut')}</button>
        </form>`
    : '';
  const page = html`<!doctype html>
    <html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${refreshSeconds ? html`<script src="${SCRIPT_PATH}" defer></script>` : ''}
        <title>${title} · ${helpdesk}</title>
        <link rel="stylesheet" href="${STYLESHEET_PATH}" />
      </head>
      <body${refreshSeconds ? html` data-refresh="${refreshSeconds}"` : ''}>
        <a class="skip" href="#main">${say('dashboard.skipToContent')}</a>
        <header><a class="brand" href="/">${helpdesk}</a>${nav}</header>
        <main id="main" tabindex="-1">
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html> `;
  return page.value;
}
