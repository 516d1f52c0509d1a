import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { Helpdesk } from '../../core/helpdesk';
import type { TicketExportRow } from '../../core/services/figures';
import type { Language } from '../../core/texts';
import type { Dashboard } from '../dashboard';
import { CSV_CONTENT_TYPE, TICKETS_CSV_FILENAME, ticketsCsv } from './csv';
import { FIGURES_LINKS, figuresTitle, renderFigures } from './page';

/**
 * The admins' figures page and ticket export. Who may is the core's answer (FiguresService
 * authorises each call), so a supporter who asks gets the dashboard's refusal page.
 */
export function mountFigures(dashboard: Dashboard, helpdesk: Helpdesk): void {
  dashboard.route('GET', FIGURES_LINKS.figures, async (request) => {
    const { viewer, language, query } = request;
    const figures = await helpdesk.figures.figures(viewer.actor, query.days ? { days: query.days } : {});
    request.page(200, figuresTitle(language), renderFigures(figures, language), { current: FIGURES_LINKS.figures });
  });

  dashboard.route('GET', FIGURES_LINKS.exportCsv, async ({ viewer, language, res }) => {
    const rows = await helpdesk.figures.exportTickets(viewer.actor);
    await sendCsv(res, rows, language);
  });
}

/**
 * Streams the export as it is read, waiting whenever the client is slower than the database, so
 * neither the tickets nor the text pile up in memory. A client that goes away ends the reading.
 */
export async function sendCsv(res: ServerResponse, rows: AsyncIterable<TicketExportRow>, language: Language) {
  res.writeHead(200, {
    'content-type': CSV_CONTENT_TYPE,
    'content-disposition': `attachment; filename="${TICKETS_CSV_FILENAME}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  for await (const chunk of ticketsCsv(rows, language)) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  }
  res.end();
}
