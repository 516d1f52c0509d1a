import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Helpdesk } from '../core/helpdesk';
import { isHelpdeskError } from '../core/errors';
import type { DashboardViewer } from '../core/services/dashboard-access';
import { textsFor, type Language, type TextKey } from '../core/texts';
import { errorText } from '../core/rules/messages';
import type { HttpServer } from '../http/server';
import type { Logger } from '../log';
import { DASHBOARD_CSS, DASHBOARD_JS } from './assets';
import { cookieValue, csrfMatches, queryOf, readForm, redirect, sendHtml, sessionCookie, SESSION_COOKIE } from './http';
import { renderPage, SCRIPT_PATH, STYLESHEET_PATH, type SafeHtml, type Viewer } from './layout';
import { messageBody } from './pages/other';
import { mountFigures } from './figures/routes';
import { mountKnowledge } from './routes/knowledge';
import { mountTickets } from './routes/tickets';

/** What a signed-in request handler gets: the person as they are now, their texts, and a way to answer with a page. */
export interface WebRequest {
  req: IncomingMessage;
  res: ServerResponse;
  viewer: DashboardViewer;
  shell: Viewer;
  language: Language;
  say: (key: TextKey, params?: Record<string, string | number>) => string;
  query: Record<string, string>;
  /** The posted form (POST only), its CSRF token already checked. */
  form: Record<string, string>;
  page(status: number, title: string, body: SafeHtml, options?: { current?: string; refreshSeconds?: number }): void;
}

export type WebHandler = (request: WebRequest) => Promise<void>;

export interface Dashboard {
  /** Mounts a page that needs a signed-in person; POST routes also need the session's CSRF token. */
  route(method: 'GET' | 'POST', path: string, handler: WebHandler): void;
}

export interface DashboardOptions {
  helpdesk: Helpdesk;
  logger: Logger;
}

const ERROR_STATUS = { invalid_input: 400, forbidden: 403, not_found: 404, conflict: 409 } as const;

/**
 * The web dashboard on the process's one HTTP server: sign-in, the session on every request
 * (who it is and what they may do is read again each time), CSRF on every form, and the pages.
 */
export function mountDashboard(http: HttpServer, options: DashboardOptions): Dashboard {
  const { helpdesk, logger } = options;
  const secure = () => helpdesk.ctx.policy.publicUrl.startsWith('https:');
  const fallbackLanguage = () => helpdesk.ctx.policy.language;

  const bare = (
    res: ServerResponse,
    status: number,
    language: Language,
    title: string,
    lines: string[],
    headers = {},
  ) => sendHtml(res, status, renderPage({ language, title, body: messageBody(lines, language) }), headers);

  http.route('GET', STYLESHEET_PATH, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' });
    res.end(DASHBOARD_CSS);
  });
  http.route('GET', SCRIPT_PATH, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' });
    res.end(DASHBOARD_JS);
  });

  http.route('GET', '/signin', async (req, res) => {
    const token = queryOf(req).token ?? '';
    const language = fallbackLanguage();
    const say = textsFor(language);
    const outcome = token ? await helpdesk.dashboard.redeem(token) : { refused: 'unknown' as const };
    if ('refused' in outcome) {
      return bare(res, 410, language, say('dashboard.signIn.refusedTitle'), [
        say(`dashboard.signIn.${outcome.refused}`),
        say('dashboard.signIn.again'),
      ]);
    }
    redirect(res, '/', {
      'set-cookie': sessionCookie(outcome.sessionId, {
        secure: secure(),
        maxAgeSeconds: (outcome.expiresAt.getTime() - helpdesk.ctx.clock.now().getTime()) / 1000,
      }),
    });
  });

  const route = (method: 'GET' | 'POST', path: string, handler: WebHandler) => {
    http.route(method, path, async (req, res) => {
      const sessionId = cookieValue(req, SESSION_COOKIE);
      const viewer = sessionId ? await helpdesk.dashboard.viewer(sessionId) : null;
      if (!viewer || !sessionId) {
        const say = textsFor(fallbackLanguage());
        const clear = sessionId ? { 'set-cookie': sessionCookie('', { secure: secure() }) } : {};
        return bare(
          res,
          401,
          fallbackLanguage(),
          say('dashboard.signIn.neededTitle'),
          [say('dashboard.signIn.needed')],
          clear,
        );
      }
      const { language } = viewer;
      const say = textsFor(language);
      const shell: Viewer = { name: viewer.person.displayName, role: viewer.role, csrfToken: viewer.csrfToken };
      const request: WebRequest = {
        req,
        res,
        viewer,
        shell,
        language,
        say,
        query: queryOf(req),
        form: {},
        page: (status, title, body, pageOptions = {}) =>
          sendHtml(res, status, renderPage({ language, title, body, viewer: shell, ...pageOptions })),
      };
      if (method === 'POST') {
        request.form = await readForm(req);
        if (!csrfMatches(request.form.csrf, viewer.csrfToken)) {
          return request.page(
            403,
            say('dashboard.errors.badFormTitle'),
            messageBody([say('dashboard.errors.badForm')], language),
          );
        }
      }
      try {
        await handler(request);
      } catch (error) {
        if (!isHelpdeskError(error)) throw error;
        const status = ERROR_STATUS[error.code];
        const title = status === 404 ? say('dashboard.errors.notFoundTitle') : say('dashboard.errors.forbiddenTitle');
        logger.debug({ path, code: error.code }, 'dashboard request refused');
        request.page(status, title, messageBody([errorText(error, language)], language));
      }
    });
  };

  route('POST', '/signout', async ({ req, res, language, say }) => {
    await helpdesk.dashboard.signOut(cookieValue(req, SESSION_COOKIE)!);
    bare(res, 200, language, say('dashboard.signOut'), [say('dashboard.signIn.signedOut')], {
      'set-cookie': sessionCookie('', { secure: secure() }),
    });
  });

  const dashboard: Dashboard = { route };
  mountTickets(dashboard, helpdesk);
  mountKnowledge(dashboard, helpdesk);
  mountFigures(dashboard, helpdesk);
  return dashboard;
}
