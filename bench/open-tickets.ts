import { Client, type Pool, type PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { loadSettings, majorIncidentPolicyFrom } from '../src/config';
import { placeNewReport } from '../src/core/rules/major-incident';
import { countNewReport, surroundingsOf } from '../src/core/services/look-alike';
import { systemClock } from '../src/core/clock';
import { createHelpdesk, type Helpdesk } from '../src/core/helpdesk';
import { messages } from '../src/core/rules/messages';
import { personDestination, ticketDestination } from '../src/core/rules/notifications';
import { DEFAULT_SLA_POLICY } from '../src/core/rules/sla';
import { insertTicketSql } from '../src/core/services/ticket-columns';
import { newTicketValues } from '../src/core/services/ticket-store';
import type { ActorRef } from '../src/core/services/people';
import {
  median,
  percentile,
  runConcurrently,
  withBenchDatabase,
  type BenchDatabase,
  type ConcurrentRun,
  type DatabaseKind,
  BENCH_POLICY,
} from './common';
import { unrelatedTicket } from './unrelated-tickets';

/**
 * Tickets opened per second through `helpdesk.tickets.open` (first-sight customer, ticket, the
 * least-loaded tier-1 supporter chosen under lock, events and deliveries, and since issue 8 the
 * look-alike search an incident's opening makes), next to hand-written SQL doing the same work in
 * one transaction per ticket, at the same concurrency, each on a fresh
 * database of the same kind with the same staff. Issue 3's goal: services / hand SQL ≥ 0.5.
 */
export interface OpenTicketsOptions {
  /** Tickets each side opens in its timed runs, split evenly over the rounds. */
  tickets: number;
  concurrency: number;
  /** Timed runs of each side, alternating which goes first; the figures are their medians. 3 by default. */
  rounds?: number;
  /** Tickets opened (and not timed) on each side first, so both start warm. */
  warmup?: number;
  /** Time every statement the services send and report where the time goes. */
  profile?: boolean;
  /** Progress for a person watching (the runner sends it to stderr). */
  log?: (line: string) => void;
}

export interface SideFigures {
  /** Median over the rounds of tickets opened per second. */
  perSec: number;
  /** Each round's tickets per second. */
  roundsPerSec: number[];
  /** Latency of one open, over every timed call. */
  p50Ms: number;
  p99Ms: number;
  /** What one ticket wrote, on average: rows of ticket_event and delivery. */
  eventsPerTicket: number;
  deliveriesPerTicket: number;
  /** Open tickets per supporter afterwards: highest minus lowest (≤ 1 when assignment is fair). */
  loadSpread: number;
}

export interface StatementProfile {
  statementsPerTicket: number;
  /** The statements that took the most time in all (from sending to the answer), with their share of all statement time. */
  top: Array<{ sql: string; calls: number; totalMs: number; meanMs: number; share: number }>;
}

export interface OpenTicketsResult {
  kind: DatabaseKind;
  tickets: number;
  concurrency: number;
  rounds: number;
  services: SideFigures;
  handSql: SideFigures;
  servicesPerSec: number;
  handSqlPerSec: number;
  /** services / hand SQL (of the medians); goal ≥ 0.5. */
  ratio: number;
  /** Differences between what the two sides wrote (empty when they wrote the same). */
  mismatches: string[];
  profile?: StatementProfile;
}

export const OPEN_TICKETS_GOAL = 0.5;

const ADMIN: ActorRef = { platform: 'discord', userId: 'bench-admin', displayName: 'Bench Admin' };
const SUPPORTERS: ActorRef[] = [1, 2, 3, 4, 5].map((n) => ({
  platform: 'discord',
  userId: `bench-supporter-${n}`,
  displayName: `Supporter ${n}`,
}));

function customer(run: string, index: number): ActorRef {
  return { platform: 'discord', userId: `bench-${run}-customer-${index}`, displayName: `Customer ${run} ${index}` };
}

/**
 * Unrelated reports, never the same twice in a run (alike ones, even across rounds, would make a
 * major incident, which the hand-written side does not do).
 */
let reportsMade = 0;
function ticketText() {
  const { title, description } = unrelatedTicket(reportsMade++);
  return { title, description };
}

/**
 * Two fresh stores of the kind, staffed alike: the services open tickets on one, hand-written SQL
 * on the other, in rounds that alternate which side goes first, so a disturbance on the machine
 * (these are shared 2-core machines) hits both sides rather than one.
 */
export async function benchOpenTickets(kind: DatabaseKind, options: OpenTicketsOptions): Promise<OpenTicketsResult> {
  const { concurrency } = options;
  const rounds = Math.max(1, Math.min(options.rounds ?? 3, options.tickets));
  const tickets = options.tickets;
  const sizes = Array.from({ length: rounds }, (_, r) => Math.floor(tickets / rounds) + (r < tickets % rounds ? 1 : 0));
  const warmup = options.warmup ?? Math.min(50, Math.max(8, Math.round(tickets / 10)));
  const log = options.log ?? (() => undefined);
  const poolSize = Math.max(2, concurrency); // migrating a server takes two connections (lock + migrations)

  return withBenchDatabase(kind, { poolSize }, (serviceDb) =>
    withBenchDatabase(kind, { poolSize }, async (handDb) => {
      log(
        `open tickets [${kind}]: two fresh stores; ${rounds} rounds of ${sizes[0]} tickets a side at ${concurrency} callers, after ${warmup} to warm up`,
      );
      const helpdesk = await staffedHelpdesk(serviceDb);
      await staffedHelpdesk(handDb);
      const pool = poolOf(handDb);
      const open = {
        services: (run: string, i: number) =>
          helpdesk.tickets.open(customer(run, i), { ...ticketText(), type: 'incident' }),
        handSql: (run: string, i: number) => openByHand(pool, customer(run, i), i),
      };
      await runConcurrently(warmup, concurrency, (i) => open.services('warm', i));
      await runConcurrently(warmup, concurrency, (i) => open.handSql('warm', i));

      const runs = { services: [] as ConcurrentRun[], handSql: [] as ConcurrentRun[] };
      const recorder = options.profile ? startStatementProfile() : null;
      try {
        for (let round = 0; round < rounds; round++) {
          const order = round % 2 === 0 ? (['services', 'handSql'] as const) : (['handSql', 'services'] as const);
          for (const side of order) {
            recorder?.pause(side !== 'services');
            const run = await runConcurrently(sizes[round], concurrency, (i) => open[side](`r${round}`, i));
            runs[side].push(run);
            log(
              `open tickets [${kind}]: round ${round + 1}/${rounds}, ${side === 'services' ? 'services' : 'hand SQL'} ${run.perSecond.toFixed(1)}/s`,
            );
          }
        }
      } finally {
        recorder?.stop();
      }

      const services = await summarize(serviceDb, runs.services, warmup + tickets);
      const handSql = await summarize(handDb, runs.handSql, warmup + tickets);
      const mismatches: string[] = [];
      if (services.eventsPerTicket !== handSql.eventsPerTicket) {
        mismatches.push(`events per ticket: services ${services.eventsPerTicket}, hand SQL ${handSql.eventsPerTicket}`);
      }
      if (services.deliveriesPerTicket !== handSql.deliveriesPerTicket) {
        mismatches.push(
          `deliveries per ticket: services ${services.deliveriesPerTicket}, hand SQL ${handSql.deliveriesPerTicket}`,
        );
      }
      return {
        kind,
        tickets,
        concurrency,
        rounds,
        services,
        handSql,
        servicesPerSec: services.perSec,
        handSqlPerSec: handSql.perSec,
        ratio: services.perSec / handSql.perSec,
        mismatches,
        profile: recorder?.report(tickets),
      };
    }),
  );
}

/** The helpdesk over a fresh store, with an admin and five tier-1 supporters on Discord. */
export async function staffedHelpdesk(db: BenchDatabase): Promise<Helpdesk> {
  const helpdesk = createHelpdesk({ dataSource: db.dataSource, clock: systemClock, policy: BENCH_POLICY });
  await helpdesk.staff.bootstrapAdmins([ADMIN]);
  for (const supporter of SUPPORTERS) await helpdesk.staff.add(ADMIN, { person: supporter, role: '1' });
  return helpdesk;
}

async function summarize(db: BenchDatabase, runs: ConcurrentRun[], ticketsWritten: number): Promise<SideFigures> {
  const [counts] = await db.dataSource.query(
    `SELECT (SELECT count(*) FROM ticket)::int AS tickets,
            (SELECT count(*) FROM ticket_event)::int AS events,
            (SELECT count(*) FROM delivery)::int AS deliveries,
            (SELECT count(*) FROM ticket WHERE assignee_id IS NULL)::int AS unassigned`,
  );
  if (counts.tickets !== ticketsWritten) throw new Error(`expected ${ticketsWritten} tickets, found ${counts.tickets}`);
  if (counts.unassigned !== 0) throw new Error(`${counts.unassigned} tickets were left unassigned`);
  const loads: Array<{ load: number }> = await db.dataSource.query(
    `SELECT (SELECT count(*) FROM ticket t WHERE t.assignee_id = p.id AND t.status <> 'resolved')::int AS load
     FROM person p WHERE p.tier = 1`,
  );
  const latencies = runs.flatMap((r) => r.latenciesMs);
  return {
    perSec: median(runs.map((r) => r.perSecond)),
    roundsPerSec: runs.map((r) => r.perSecond),
    p50Ms: median(latencies),
    p99Ms: percentile(latencies, 99),
    eventsPerTicket: counts.events / counts.tickets,
    deliveriesPerTicket: counts.deliveries / counts.tickets,
    loadSpread: Math.max(...loads.map((l) => l.load)) - Math.min(...loads.map((l) => l.load)),
  };
}

const lookAlikePolicy = majorIncidentPolicyFrom(loadSettings({}));

/**
 * A pg client as what the look-alike search asks of an EntityManager: a query answering rows, and a
 * connection to keep its per-database term queries by (the pool: one database).
 */
function sqlOf(client: PoolClient, pool: Pool): EntityManager {
  return {
    connection: pool,
    query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
  } as unknown as EntityManager;
}

/** The `pg` pool under the DataSource, so hand-written SQL runs over the very same connections. */
function poolOf(db: BenchDatabase): Pool {
  const pool = (db.dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool || typeof pool.connect !== 'function') throw new Error('the DataSource has no pg pool to borrow');
  return pool;
}

/**
 * What `tickets.open` writes for a first-sight customer, by hand: the customer (identity and
 * person, settled by the identity's unique key), the ticket, the least-loaded available tier-1
 * supporter on the ticket's platform (locked first, loads counted after the lock, as the service
 * does), then the assignment, both events and their deliveries in one statement.
 */
async function openByHand(pool: Pool, who: ActorRef, _index: number): Promise<void> {
  const client: PoolClient = await pool.connect();
  try {
    await client.query('BEGIN');
    const now = new Date();
    const { title, description } = ticketText();

    const claimed = await client.query<{ id: number }>(
      `WITH i AS (
         INSERT INTO identity (person_id, platform, platform_user_id, display_name)
         VALUES (nextval('person_id_seq'), $1, $2, $3)
         ON CONFLICT (platform, platform_user_id) DO NOTHING
         RETURNING person_id)
       INSERT INTO person (id, display_name) SELECT person_id, $3 FROM i RETURNING id`,
      [who.platform, who.userId, who.displayName],
    );
    const customerId =
      claimed.rows[0]?.id ??
      (
        await client.query<{ id: number }>(
          `SELECT person_id AS id FROM identity WHERE platform = $1 AND platform_user_id = $2`,
          [who.platform, who.userId],
        )
      ).rows[0].id;

    // The row the services store for a new ticket (its columns from the one list, its P3 clock started), inserted by hand.
    const opening = insertTicketSql(
      newTicketValues(
        {
          title,
          description,
          type: 'incident',
          impact: null,
          urgency: null,
          customerId,
          openedById: customerId,
          platform: who.platform,
          location: {},
          followUpOfId: null,
        },
        { policy: DEFAULT_SLA_POLICY, calendar: null },
        now,
      ),
    );
    const {
      rows: [ticket],
    } = await client.query<{ id: number; number: number }>(opening.sql, opening.params);

    // Issue 8: an incident's opening looks for look-alikes first. The same one statement, sent by
    // hand; the bench's reports are unrelated, so it finds none and nothing more follows.
    const sql = sqlOf(client, pool);
    await countNewReport(sql, { id: ticket.id, title, description, serviceId: null, createdAt: now });
    const seen = await surroundingsOf(sql, { id: ticket.id, createdAt: now }, lookAlikePolicy);
    if (placeNewReport(seen.probe, seen.groups, seen.window, lookAlikePolicy).action !== 'none')
      throw new Error("hand SQL: the bench's reports are meant to be unrelated");

    const locked = await client.query<{ id: number }>(
      `SELECT id FROM person WHERE tier = 1 AND merged_into_id IS NULL ORDER BY id FOR UPDATE`,
    );
    const {
      rows: [chosen],
    } = await client.query<{ id: number }>(
      `SELECT p.id FROM person p
       WHERE p.id = ANY($1) AND NOT p.away
         AND EXISTS (SELECT 1 FROM identity i WHERE i.person_id = p.id AND i.platform = $2)
       ORDER BY (SELECT count(*) FROM ticket t WHERE t.assignee_id = p.id AND t.status <> 'resolved'),
                p.last_assigned_at NULLS FIRST, p.id
       LIMIT 1`,
      [locked.rows.map((r) => r.id), who.platform],
    );
    if (!chosen) throw new Error('no tier-1 supporter to assign');

    const facts = { number: ticket.number, title, tier: 1 as const };
    const events = [
      { kind: 'opened', data: {} },
      { kind: 'assigned', data: { assigneeId: chosen.id, previousAssigneeId: null, how: 'auto' } },
    ];
    const toTicket = ticketDestination(ticket.id);
    const deliveries = [
      // The opening's notice rides on ticket.created; the opening's own assignment redraws nothing (rules/notifications.ts).
      {
        event: 'opened',
        platform: who.platform,
        destination: toTicket,
        kind: 'ticket.created',
        payload: { notice: messages.opened(facts) },
      },
      {
        event: 'assigned',
        platform: who.platform,
        destination: personDestination(chosen.id),
        kind: 'person.dm',
        payload: { text: messages.assignedToYou(facts), ticketId: ticket.id },
      },
    ];
    await client.query(
      `WITH t AS (UPDATE ticket SET assignee_id = $2, assigned_at = $3, updated_at = $3 WHERE id = $1),
            p AS (UPDATE person SET last_assigned_at = $3 WHERE id = $2),
            e AS (INSERT INTO ticket_event (ticket_id, actor_id, kind, data, created_at)
                  SELECT $1, $4, k.kind, k.data, $3
                  FROM ROWS FROM (jsonb_to_recordset($5::jsonb) AS (kind text, data jsonb)) WITH ORDINALITY AS k(kind, data, n)
                  ORDER BY k.n
                  RETURNING id, kind)
       INSERT INTO delivery (platform, destination, kind, payload, ticket_id, event_id, not_before, created_at)
       SELECT d.platform, d.destination, d.kind, d.payload, $1, e.id, $3, $3
       FROM jsonb_to_recordset($6::jsonb) AS d(event text, platform text, destination text, kind text, payload jsonb)
       JOIN e ON e.kind = d.event`,
      [ticket.id, chosen.id, now, customerId, JSON.stringify(events), JSON.stringify(deliveries)],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------------------------------------
// Where the services' time goes: every statement sent through `pg` during the timed run, by text.

interface StatementRecorder {
  /** While paused (the hand-written side runs), statements are not counted. */
  pause(paused: boolean): void;
  stop(): void;
  report(tickets: number): StatementProfile;
}

function startStatementProfile(): StatementRecorder {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const stats = new Map<string, { calls: number; totalMs: number }>();
  let paused = false;
  const note = (sql: string, ms: number) => {
    const key = sql.replace(/\s+/g, ' ').trim().slice(0, 160);
    const entry = stats.get(key) ?? { calls: 0, totalMs: 0 };
    entry.calls += 1;
    entry.totalMs += ms;
    stats.set(key, entry);
  };
  proto.query = function profiledQuery(this: unknown, ...args: unknown[]) {
    const first = args[0];
    const sql = typeof first === 'string' ? first : (first as { text?: string } | null)?.text;
    const result = original.apply(this, args);
    if (sql && !paused && result && typeof (result as Promise<unknown>).then === 'function') {
      const started = process.hrtime.bigint();
      (result as Promise<unknown>).then(
        () => note(sql, Number(process.hrtime.bigint() - started) / 1e6),
        () => note(sql, Number(process.hrtime.bigint() - started) / 1e6),
      );
    }
    return result;
  };
  return {
    pause(value) {
      paused = value;
    },
    stop() {
      proto.query = original;
    },
    report(tickets) {
      const all = [...stats.entries()];
      const calls = all.reduce((sum, [, s]) => sum + s.calls, 0);
      const totalMs = all.reduce((sum, [, s]) => sum + s.totalMs, 0);
      return {
        statementsPerTicket: calls / tickets,
        top: all
          .sort((a, b) => b[1].totalMs - a[1].totalMs)
          .slice(0, 12)
          .map(([sql, s]) => ({
            sql,
            calls: s.calls,
            totalMs: s.totalMs,
            meanMs: s.totalMs / s.calls,
            share: s.totalMs / totalMs,
          })),
      };
    },
  };
}
