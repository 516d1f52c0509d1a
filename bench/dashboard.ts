import type { DataSource } from 'typeorm';
import type { Helpdesk } from '../src/core/helpdesk';
import { queueQuery, DashboardViews } from '../src/core/services/dashboard-views';
import type { ActorRef } from '../src/core/services/people';
import { createHttpServer } from '../src/http/server';
import { createMetrics } from '../src/http/metrics';
import { createLogger } from '../src/log';
import { mountDashboard } from '../src/web/dashboard';
import { renderPage } from '../src/web/layout';
import { queueBody } from '../src/web/pages/tickets';
import { ticketBody } from '../src/web/pages/ticket';
import { fmt, median, percentile, startTimer, withBenchDatabase, type DatabaseKind } from './common';
import { staffedHelpdesk } from './open-tickets';

/**
 * The dashboard's queue page and a ticket page over a helpdesk of 100,000 tickets, each timed two
 * ways: the whole request as the server answers it (session, authorisation, services, HTML; timed
 * on the server from the request's arrival to its last byte, the client's round trip beside it), and
 * the database work the page stands on (the services' calls the page makes; for the queue also its
 * one SQL statement alone). Goal: the page within 1.5× its database time at the median and at the
 * 99th percentile.
 */
export interface DashboardBenchOptions {
  quick?: boolean;
  tickets?: number;
  runs?: number;
  log?: (line: string) => void;
}

export const DASHBOARD_GOAL_RATIO = 1.5;
const BATCH = 20_000;
const COMMENTS = 60;
const SUPPORTER: ActorRef = { platform: 'discord', userId: 'bench-dash-1', displayName: 'Dash Supporter' };

async function storeTickets(dataSource: DataSource, from: number, count: number): Promise<void> {
  await dataSource.query(
    `WITH c AS (INSERT INTO person (display_name) VALUES ('Bench customer') RETURNING id),
          staff AS (SELECT array_agg(id ORDER BY id) AS ids FROM person WHERE tier = 1)
     INSERT INTO ticket (title, description, type, status, resolution, resolved_at, priority, tier, assignee_id, customer_id, opened_by_id,
                         platform, created_at, updated_at, first_response_due_at, resolution_due_at)
     SELECT 'Bench ticket ' || g, 'A ticket the dashboard bench made, number ' || g,
            'incident', CASE WHEN g % 3 = 0 THEN 'open' WHEN g % 7 = 0 THEN 'pending' ELSE 'resolved' END,
            CASE WHEN g % 3 <> 0 AND g % 7 <> 0 THEN 'resolved_by_staff' END,
            CASE WHEN g % 3 <> 0 AND g % 7 <> 0 THEN now() END,
            'P' || (1 + g % 4), 1, CASE WHEN g % 4 = 0 THEN NULL ELSE staff.ids[1 + g % cardinality(staff.ids)] END,
            c.id, c.id, 'discord', now() - make_interval(mins => g), now(),
            now() + make_interval(mins => (g * 37) % 900), now() + make_interval(mins => 600 + (g * 53) % 9000)
     FROM generate_series($1::int, $1::int + $2::int - 1) AS g, c, staff`,
    [from, count],
  );
}

type Timed = { p50Ms: number; p99Ms: number };
function summary(ms: number[]): Timed {
  return { p50Ms: median(ms), p99Ms: percentile(ms, 99) };
}

/**
 * Each work timed `runs` times (after two rounds to warm up), the works taking turns within each
 * round and the order turning every round: on a shared machine the load changes from second to
 * second, and a page timed minutes after its data would be compared with another machine.
 */
async function timeInTurns<K extends string>(
  runs: number,
  works: Record<K, () => Promise<unknown>>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(works) as K[];
  const ms = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < runs + 2; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const timer = startTimer();
      await works[name]();
      const took = timer();
      if (round >= 2) ms[name].push(took);
    }
  }
  return ms;
}

export async function benchDashboard(kind: DatabaseKind, options: DashboardBenchOptions = {}) {
  const tickets = options.tickets ?? (options.quick ? 10_000 : 100_000);
  const runs = options.runs ?? (options.quick ? 10 : 40);
  const log = options.log ?? (() => undefined);

  return withBenchDatabase(kind, { poolSize: 4 }, async (db) => {
    const helpdesk: Helpdesk = await staffedHelpdesk(db);
    await helpdesk.staff
      .add(
        { platform: 'discord', userId: 'bench-admin', displayName: 'Bench Admin' },
        {
          person: SUPPORTER,
          role: '1',
        },
      )
      .catch(() => undefined);
    for (let from = 0; from < tickets; from += BATCH) {
      await storeTickets(db.dataSource, from, Math.min(BATCH, tickets - from));
      log(`dashboard [${kind}]: ${Math.min(from + BATCH, tickets).toLocaleString('en-US')} tickets stored`);
    }
    // One busy ticket for the ticket page: a long conversation and its history.
    const opened = await helpdesk.tickets.open(
      { platform: 'discord', userId: 'bench-dash-customer' },
      {
        title: 'A long conversation',
        description: 'The ticket page bench reads this ticket.',
        type: 'incident',
        location: {},
      },
    );
    for (let i = 0; i < COMMENTS; i++) {
      const author = i % 2 ? SUPPORTER : { platform: 'discord' as const, userId: 'bench-dash-customer' };
      await helpdesk.comments.comment(author, { ticketNumber: opened.number, body: `Message ${i} of the bench.` });
    }
    await db.dataSource.query('ANALYZE');

    const logger = createLogger('silent');
    const http = createHttpServer({
      logger,
      metrics: createMetrics({ databaseUp: async () => true }),
      health: { ping: async () => true },
    });
    mountDashboard(http, { helpdesk, logger });
    const port = await http.listen(0, '127.0.0.1');
    try {
      const link = await helpdesk.dashboard.signInLink(SUPPORTER);
      const signIn = await fetch(`http://127.0.0.1:${port}/signin?${new URL(link.url).searchParams}`, {
        redirect: 'manual',
      });
      const cookie = String(signIn.headers.get('set-cookie')).split(';')[0];
      const sessionId = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
      // Server time: from the request's arrival to the answer's last byte handed to the socket,
      // taken on the server (the measure); the client's whole round trip is kept beside it.
      let serverMs = 0;
      http.server.prependListener('request', (_req, res) => {
        const timer = startTimer();
        res.on('finish', () => (serverMs = timer()));
      });
      const server: Record<'queue' | 'ticket', number[]> = { queue: [], ticket: [] };
      const get = async (path: string, page: 'queue' | 'ticket') => {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        await res.text();
        server[page].push(serverMs);
      };

      const viewer = (await helpdesk.dashboard.viewer(sessionId))!;
      const shell = { name: viewer.person.displayName, role: viewer.role, csrfToken: viewer.csrfToken };
      const { sql, params } = queueQuery({}, DashboardViews.QUEUE_LIMIT);
      const queueData = () =>
        Promise.all([helpdesk.dashboardViews.queue(SUPPORTER, {}), helpdesk.dashboardViews.staffChoices(SUPPORTER)]);
      const [rows, staff] = await queueData();
      // The page's data is the services' calls it makes, as it makes them; beside it, the session
      // read every page starts with and the HTML, to show where the rest of the time goes.
      const queue = await timeInTurns(runs, {
        page: () => get('/', 'queue'),
        data: queueData,
        sqlAlone: () => db.dataSource.query(sql, params),
        sessionRead: () => helpdesk.dashboard.viewer(sessionId),
        html: async () =>
          renderPage({
            language: 'en',
            title: 'Queue',
            viewer: shell,
            body: queueBody(rows, {}, staff, 'en', { action: '/', showAssignee: true }),
          }),
      });
      const queueServer = server.queue.slice(2); // past the two warm-up rounds
      log(`dashboard [${kind}]: queue page p50 ${fmt(median(queueServer))} ms, its data ${fmt(median(queue.data))} ms`);

      const ticketData = () =>
        Promise.all([
          helpdesk.queries.show(SUPPORTER, { ticketNumber: opened.number }),
          helpdesk.dashboardViews.ticketExtras(SUPPORTER, opened.number),
          helpdesk.dashboardViews.staffChoices(SUPPORTER),
        ]);
      const [detail, extras] = await ticketData();
      const ticket = await timeInTurns(runs, {
        page: () => get(`/ticket?number=${opened.number}`, 'ticket'),
        data: ticketData,
        html: async () =>
          renderPage({
            language: 'en',
            title: 'Ticket',
            viewer: shell,
            body: ticketBody(shell, detail, extras, staff, 'en'),
          }),
      });
      const ticketServer = server.ticket.slice(2);
      log(
        `dashboard [${kind}]: ticket page p50 ${fmt(median(ticketServer))} ms, its data ${fmt(median(ticket.data))} ms`,
      );

      const ratio = (page: number[], data: number[]) => Number((median(page) / median(data)).toFixed(2));
      const ratioP99 = (page: number[], data: number[]) =>
        Number((percentile(page, 99) / percentile(data, 99)).toFixed(2));
      return {
        tickets,
        queue: {
          page: summary(queueServer),
          data: summary(queue.data),
          ratio: ratio(queueServer, queue.data),
          ratioP99: ratioP99(queueServer, queue.data),
          roundTrip: summary(queue.page),
          sqlAlone: summary(queue.sqlAlone),
          sessionRead: summary(queue.sessionRead),
          html: summary(queue.html),
        },
        ticket: {
          comments: COMMENTS,
          page: summary(ticketServer),
          data: summary(ticket.data),
          ratio: ratio(ticketServer, ticket.data),
          ratioP99: ratioP99(ticketServer, ticket.data),
          roundTrip: summary(ticket.page),
          html: summary(ticket.html),
        },
        goalRatio: DASHBOARD_GOAL_RATIO,
      };
    } finally {
      await http.close();
    }
  });
}
