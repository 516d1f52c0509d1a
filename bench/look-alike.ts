import { loadSettings, majorIncidentPolicyFrom } from '../src/config';
import type { ActorRef } from '../src/core/services/people';
import { placeNewReport } from '../src/core/rules/major-incident';
import { alikeness } from '../src/core/rules/similarity';
import { surroundingsOf } from '../src/core/services/look-alike';
import { fmt, median, percentile, startTimer, withBenchDatabase, type DatabaseKind } from './common';
import { staffedHelpdesk } from './open-tickets';

/**
 * The look-alike search for a new incident, with many earlier tickets stored, next to the
 * time to open a ticket through the real TicketService. Each new incident is opened, then searched
 * for, one at a time, so the two latencies are measured alike. Goal: the search takes under a
 * tenth of the time to open a ticket.
 */
export interface LookAlikeBenchOptions {
  quick?: boolean;
  /** Earlier tickets stored before measuring (100,000 by default, 10,000 with quick). */
  earlier?: number;
  /** New incidents opened and searched for (200 by default, 50 with quick). */
  incidents?: number;
  log?: (line: string) => void;
}

export const LOOK_ALIKE_GOAL_SHARE = 0.1;

/** Incidents in the window while measuring: a busy half hour, an outage among them. */
const IN_WINDOW = 40;
const BATCH = 10_000;

export async function benchLookAlike(kind: DatabaseKind, options: LookAlikeBenchOptions = {}) {
  const earlier = options.earlier ?? (options.quick ? 10_000 : 100_000);
  const incidents = options.incidents ?? (options.quick ? 50 : 200);
  const log = options.log ?? (() => undefined);
  const policy = majorIncidentPolicyFrom(loadSettings({}));

  return withBenchDatabase(kind, { poolSize: 4 }, async (db) => {
    const helpdesk = await staffedHelpdesk(db);
    const storing = startTimer();
    for (let from = 0; from < earlier; from += BATCH) {
      await storeEarlierTickets(db.dataSource, from, Math.min(BATCH, earlier - from), earlier);
      log(
        `look-alike [${kind}]: ${Math.min(from + BATCH, earlier).toLocaleString('en-US')} of ${earlier.toLocaleString('en-US')} earlier tickets stored`,
      );
    }
    await db.dataSource.query('ANALYZE ticket');
    const storeSeconds = storing() / 1000;

    // The search as it will run when an incident is opened: one more statement on the connection
    // the opening already holds; and on its own, taking a connection from the pool.
    const held = db.dataSource.createQueryRunner();
    await held.connect();
    const openMs: number[] = [];
    const searchMs: number[] = [];
    const aloneMs: number[] = [];
    let found = 0;
    for (let i = 0; i < incidents + 10; i++) {
      const who: ActorRef = { platform: 'discord', userId: `bench-look-alike-${i}`, displayName: `Customer ${i}` };
      const opening = startTimer();
      const ticket = await helpdesk.tickets.open(who, { ...newIncident(i), type: 'incident' });
      const opened = opening();
      const searching = startTimer();
      const seen = await surroundingsOf(held.manager, ticket, policy);
      placeNewReport(seen.probe, seen.groups, seen.window, policy);
      const searched = searching();
      const alone = startTimer();
      const again = await surroundingsOf(helpdesk.ctx.dataSource.manager, ticket, policy);
      placeNewReport(again.probe, again.groups, again.window, policy);
      const searchedAlone = alone();
      // Out of the window again (untimed): opening hundreds of incidents in seconds would fill it
      // far beyond any real half hour, and the search's cost follows the incidents in the window.
      await db.dataSource.query(`UPDATE ticket SET created_at = created_at - interval '1 day' WHERE id = $1`, [
        ticket.id,
      ]);
      if (i < 10) continue; // the first few warm the caches and plans
      openMs.push(opened);
      searchMs.push(searched);
      aloneMs.push(searchedAlone);
      // The earlier tickets are one customer's, so they never form a group: count the reports alike to it instead.
      found += seen.window.filter((r) => alikeness(seen.probe.vector, r.vector) >= policy.alikeAt).length;
    }
    await held.release();
    const [{ window }] = await db.dataSource.query(
      `SELECT count(*)::int AS window FROM ticket WHERE type = 'incident' AND created_at >= now() - make_interval(mins => $1)`,
      [policy.windowMinutes],
    );

    const figures = {
      earlierTickets: earlier,
      incidents,
      incidentsInWindow: window,
      storeSeconds,
      openP50Ms: median(openMs),
      openP99Ms: percentile(openMs, 99),
      searchP50Ms: median(searchMs),
      searchP99Ms: percentile(searchMs, 99),
      searchAloneP50Ms: median(aloneMs),
      searchAloneP99Ms: percentile(aloneMs, 99),
      shareAlone: median(aloneMs) / median(openMs),
      share: median(searchMs) / median(openMs),
      lookAlikesPerIncident: found / incidents,
      goalShareMax: LOOK_ALIKE_GOAL_SHARE,
      goalMet: median(searchMs) / median(openMs) < LOOK_ALIKE_GOAL_SHARE,
    };
    const label = `look-alike [${kind}]`;
    return {
      figures,
      lines: [
        `${label}: ${window} incidents in the window; search on the opening's connection p50 ${fmt(figures.searchP50Ms)} ms, p99 ${fmt(figures.searchP99Ms)} ms; opening a ticket p50 ${fmt(figures.openP50Ms)} ms, ` +
          `p99 ${fmt(figures.openP99Ms)} ms; search / open ${fmt(figures.share)} (goal < ${LOOK_ALIKE_GOAL_SHARE}${figures.goalMet ? '' : ': MISSED'})`,
        `  on a connection of its own (from the pool): search p50 ${fmt(figures.searchAloneP50Ms)} ms, p99 ${fmt(figures.searchAloneP99Ms)} ms, search / open ${fmt(figures.shareAlone)}`,
        `  ${earlier.toLocaleString('en-US')} earlier tickets (stored in ${fmt(storeSeconds)} s), ${window} incidents in the last ${policy.windowMinutes} minutes, ` +
          `${incidents} new incidents opened and searched one at a time, ${fmt(figures.lookAlikesPerIncident)} look-alikes found per incident`,
      ],
    };
  });
}

const SYSTEMS = [
  'Outlook',
  'VPN',
  'Teams',
  'printer',
  'Navision',
  'OneDrive',
  'Salesforce',
  'Jira',
  'Citrix',
  'wifi',
  'S: drive',
  '3CX',
  'Danløn',
  'Tempo',
];
const SYMPTOMS_EN = [
  'is down',
  'will not start',
  'is very slow',
  'shows error 0x80070005',
  'keeps disconnecting',
  'asks for my password again',
  'crashes on open',
  'cannot connect',
];
const SYMPTOMS_DA = [
  'er nede',
  'starter ikke',
  'er meget langsom',
  'viser fejl 500',
  'afbryder hele tiden',
  'beder om adgangskode igen',
  'lukker ned',
  'kan ikke forbinde',
];

/**
 * Earlier tickets in one statement per batch: varied texts of a dozen systems and symptoms in both
 * languages, spread over the last 90 days (the last batch also fills the current window), a fifth
 * of them requests, a third with a service.
 */
async function storeEarlierTickets(
  dataSource: import('typeorm').DataSource,
  from: number,
  count: number,
  total: number,
): Promise<void> {
  const fillsWindow = from + count >= total;
  // The catalog's 14 services the earlier tickets name (service ids 1–14).
  await dataSource.query(
    `INSERT INTO service (id, name, created_at, updated_at) SELECT g, 'Service ' || g, now(), now() FROM generate_series(1, 14) g ON CONFLICT (id) DO NOTHING`,
  );
  await dataSource.query(
    `SELECT setval(pg_get_serial_sequence('service', 'id'), greatest((SELECT max(id) FROM service), 1))`,
  );
  await dataSource.query(
    `WITH c AS (INSERT INTO person (display_name) VALUES ('Earlier customer') RETURNING id)
     INSERT INTO ticket (title, description, type, status, resolution, service_id, customer_id, opened_by_id, platform, created_at, updated_at)
     SELECT s.title, s.description, CASE WHEN s.i % 5 = 0 THEN 'request' ELSE 'incident' END,
            CASE WHEN s.recent THEN 'open' ELSE 'resolved' END, CASE WHEN s.recent THEN NULL ELSE 'resolved_by_staff' END,
            CASE WHEN s.i % 3 = 0 THEN 1 + s.i % 14 END, c.id, c.id, 'discord', s.at, s.at
     FROM c, (
       SELECT g AS i,
              (g >= $2::int - $3::int) AS recent,
              CASE WHEN g >= $2::int - $3::int THEN now() - make_interval(secs => ($2::int - g) * 40)
                   ELSE now() - interval '31 minutes' - make_interval(secs => (g * 7919) % (90 * 86400)) END AS at,
              left(($4::text[])[1 + g % 14] || ' ' || CASE WHEN g % 3 = 0 THEN ($6::text[])[1 + (g / 14) % 8] ELSE ($5::text[])[1 + (g / 14) % 8] END || ' #' || g, 100) AS title,
              'Report ' || g || ': ' || ($4::text[])[1 + (g / 3) % 14] || ' ' || ($5::text[])[1 + (g / 7) % 8] || ' since ' || (g % 12 + 7) || ' o''clock on floor ' || (g % 6) ||
                '; tried a restart, ticket ref ' || md5(g::text) AS description
       FROM generate_series($1::int, $1::int + $7::int - 1) AS g
     ) s`,
    [from, total, fillsWindow ? IN_WINDOW : 0, SYSTEMS, SYMPTOMS_EN, SYMPTOMS_DA, count],
  );
}

/** The new incidents: mostly one outage told many ways, among one-off problems. */
function newIncident(i: number): { title: string; description: string } {
  if (i % 3 === 0)
    return {
      title: `Outlook cannot connect (${i})`,
      description: `Outlook says disconnected and no mail arrives since this morning. Colleagues too. Ref ${i}.`,
    };
  if (i % 3 === 1)
    return {
      title: `Mail er nede ${i}`,
      description: `Outlook er afbrudt, jeg kan ikke sende eller modtage mails. Ref ${i}.`,
    };
  return {
    title: `${SYSTEMS[i % 14]} ${SYMPTOMS_EN[i % 8]}`,
    description: `My ${SYSTEMS[(i * 5) % 14]} ${SYMPTOMS_EN[(i * 3) % 8]} at my desk, ref ${i}.`,
  };
}
