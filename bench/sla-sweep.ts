import type { DataSource } from 'typeorm';
import { DEFAULT_SLA_POLICY, WARN_AT } from '../src/core/rules/sla';
import { SLA_SWEEP_JOB } from '../src/jobs/sla-sweep';
import { DEFAULT_BATCH_SIZE } from '../src/jobs/ticket-batch';
import { timed, withBenchDatabase, type DatabaseKind } from './common';
import { EVENT_AND_DELIVERY_DIGESTS, NOW, compareSides, scheduledJob, vacuum, warmTicketTable } from './job-versus-sql';

/**
 * The SLA sweep over many open tickets with running clocks, a few of them due for a
 * warning, next to hand-written SQL doing the same writes (the warning mark and new clock fields
 * on the ticket, the sla_warning event, the assignee's DM) in one statement per batch of the same
 * size. Same method as bench/jobs.ts: the database is filled once (generate_series), each side
 * runs on it, the changed rows are put back (and vacuumed) before the other side runs, the sides
 * alternate which goes first, figures are medians, and what both sides wrote is compared. The
 * job side is the job as scheduled (`runJob`: slot claim, batches, run record). Goal: ≤ 1.5.
 */
export interface SlaSweepBenchOptions {
  tickets: number;
  /** Open tickets past 80 % of their first-response target (none breached). */
  due?: number;
  batchSize?: number;
  /** Timed runs of each side (alternating which goes first); 2 by default. */
  rounds?: number;
  log?: (line: string) => void;
}

export interface SlaSweepBenchFigures {
  tickets: number;
  due: number;
  batchSize: number;
  fillMs: number;
  sweepMs: number;
  handMs: number;
  ratio: number;
  warned: number;
  goalRatio: number;
  goalMet: boolean;
  /** What the two sides wrote differently; empty when they wrote the same. */
  mismatch: string;
}

export const SLA_SWEEP_GOAL_RATIO = 1.5;

export async function benchSlaSweep(kind: DatabaseKind, opts: SlaSweepBenchOptions): Promise<SlaSweepBenchFigures> {
  const tickets = opts.tickets;
  const due = opts.due ?? Math.round(tickets / 100);
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const rounds = opts.rounds ?? 2;
  const log = opts.log ?? (() => undefined);
  if (due > tickets) throw new Error(`${tickets} tickets cannot hold ${due} due for a warning`);

  return withBenchDatabase(kind, { poolSize: 4 }, async (db) => {
    const ds = db.dataSource;
    log(`sla sweep [${kind}]: filling ${tickets} open tickets (${due} due for a warning)`);
    const fill = await timed(() => fillTickets(ds, tickets, due));
    await snapshot(ds);
    const sweep = await compareSides({
      label: 'warnings',
      rounds,
      log: (line) => log(`sla sweep [${kind}]: ${line}`),
      job: scheduledJob(ds, SLA_SWEEP_JOB, batchSize),
      hand: () => handLoop(ds, batchSize),
      restore: () => restore(ds),
      writes: () => writesSince(ds),
    });
    const mismatches = sweep.mismatches;
    if (sweep.rows !== due) mismatches.push(`tickets warned: ${sweep.rows}, filled as due: ${due}`);

    const ratio = sweep.jobMs / sweep.handMs;
    return {
      tickets,
      due,
      batchSize,
      fillMs: fill.ms,
      sweepMs: sweep.jobMs,
      handMs: sweep.handMs,
      ratio,
      warned: sweep.rows,
      goalRatio: SLA_SWEEP_GOAL_RATIO,
      goalMet: ratio <= SLA_SWEEP_GOAL_RATIO,
      mismatch: mismatches.join('; '),
    };
  });
}

/**
 * People and open tickets with running clocks (24×7: no business calendar), spread over the
 * whole table by a multiplicative permutation of the row number, as years of use would leave them.
 * Priorities P1 to P4 (1:2:4:3). The first `due` tickets of the permutation are past the warning
 * point of their first response (80 %) and short of its due time by at least a minute; a third of
 * the rest have had their first response (their next look is the resolution's warning, days
 * away for P3 and P4), the others are short of the first-response warning by at least a minute.
 * Every clock field is what the clock rule would have written, so the sweep changes only what is due.
 */
async function fillTickets(ds: DataSource, tickets: number, due: number): Promise<void> {
  const customers = Math.max(100, Math.min(20_000, Math.ceil(tickets / 50)));
  const supporters = 20;
  await ds.query(
    `INSERT INTO person (display_name, created_at) SELECT 'Customer ' || g, $1 FROM generate_series(1, $2) g`,
    [NOW, customers],
  );
  await ds.query(
    `INSERT INTO person (display_name, tier, created_at) SELECT 'Supporter ' || g, 1, $1 FROM generate_series(1, $2) g`,
    [NOW, supporters],
  );
  await ds.query(
    `INSERT INTO identity (person_id, platform, platform_user_id, display_name) SELECT id, 'discord', 'bench-' || id, display_name FROM person`,
  );
  const [{ first }] = await ds.query(`SELECT min(id) AS first FROM person`);
  // The fill assumes the seeded targets (the migration's, the same as the defaults).
  const targets = JSON.stringify(
    Object.entries(DEFAULT_SLA_POLICY).map(([priority, t]) => ({
      priority,
      f: t.firstResponseMinutes * 60,
      r: t.resolutionMinutes * 60,
    })),
  );

  let step = 48_271; // a prime: any ticket count it does not divide gives a permutation
  while (tickets % step === 0) step += 2;
  await ds.query(
    `WITH p AS (
       SELECT $1::timestamptz AS now, $2::bigint AS tickets, $3::int AS first_person, $4::int AS customers, $5::int AS supporters,
              $6::bigint AS step, $7::bigint AS due, $9::float8 AS warn_at
     ), targets AS (SELECT * FROM jsonb_to_recordset($8::jsonb) AS x(priority text, f int, r int))
     INSERT INTO ticket (title, description, type, status, priority, tier, assignee_id, customer_id, opened_by_id, platform,
                         created_at, updated_at, first_response_at, sla_elapsed_seconds, sla_running_since, first_response_due_at,
                         resolution_due_at, sla_next_check_at)
     SELECT 'Printer ' || g || ' on floor 2 is jammed', 'It shows error E' || (g % 100) || ' and the tray light blinks.', 'incident',
            'open', s.priority, 1,
            p.first_person + p.customers + (g % p.supporters)::int, p.first_person + (g % p.customers)::int, p.first_person + (g % p.customers)::int,
            'discord', c.since, c.since, CASE WHEN s.responded THEN c.since + interval '5 minutes' END, 0, c.since,
            CASE WHEN NOT s.responded THEN c.since + tg.f * interval '1 second' END, c.since + tg.r * interval '1 second',
            c.since + (CASE WHEN s.responded THEN tg.r ELSE tg.f END * p.warn_at)::int * interval '1 second'
     FROM p
     CROSS JOIN generate_series(1::bigint, p.tickets) g
     CROSS JOIN LATERAL (SELECT (g * p.step) % p.tickets AS k) perm
     CROSS JOIN LATERAL (
       SELECT CASE WHEN perm.k % 10 = 0 THEN 'P1' WHEN perm.k % 10 < 3 THEN 'P2' WHEN perm.k % 10 < 7 THEN 'P3' ELSE 'P4' END AS priority,
              perm.k >= p.due AND perm.k % 3 = 0 AS responded
     ) s
     JOIN targets tg ON tg.priority = s.priority
     CROSS JOIN LATERAL (
       SELECT CASE WHEN s.responded THEN (tg.r * p.warn_at)::int ELSE (tg.f * p.warn_at)::int END AS warn_s
     ) w
     CROSS JOIN LATERAL (
       SELECT p.now - CASE
                WHEN perm.k < p.due THEN w.warn_s + 60 + (perm.k * 37) % (tg.f - w.warn_s - 120)
                ELSE (perm.k * 37) % (w.warn_s - 60)
              END * interval '1 second' AS since
     ) c`,
    [NOW, tickets, first, customers, supporters, step, due, targets, WARN_AT],
  );
  await ds.query(`ANALYZE`);
}

/** Remembers the clocks of the due tickets as filled (the fill writes no events or deliveries). */
async function snapshot(ds: DataSource): Promise<void> {
  await ds.query(
    `CREATE TABLE bench_sla AS SELECT id, first_response_due_at, resolution_due_at, sla_next_check_at, first_response_warned_at, resolution_warned_at
     FROM ticket WHERE status = 'open' AND sla_next_check_at <= $1`,
    [NOW],
  );
  await ds.query(`CREATE UNIQUE INDEX ON bench_sla (id)`);
  await warmTicketTable(ds);
}

/** Puts back the clocks a side changed and removes what it wrote, so the next side starts alike. */
async function restore(ds: DataSource): Promise<void> {
  await ds.query(`TRUNCATE delivery, ticket_event, job_run`);
  await ds.query(
    `UPDATE ticket t SET first_response_due_at = s.first_response_due_at, resolution_due_at = s.resolution_due_at,
                         sla_next_check_at = s.sla_next_check_at, first_response_warned_at = s.first_response_warned_at,
                         resolution_warned_at = s.resolution_warned_at
     FROM bench_sla s WHERE t.id = s.id AND t.sla_next_check_at IS DISTINCT FROM s.sla_next_check_at`,
  );
  await vacuum(ds);
}

type Writes = Record<'events' | 'deliveries' | 'tickets' | 'marked' | 'foreignEvents', string>;

/** Digests of everything a side wrote (ids aside, which differ by construction). */
async function writesSince(ds: DataSource): Promise<Writes> {
  const [row] = await ds.query(
    `SELECT ${EVENT_AND_DELIVERY_DIGESTS},
       (SELECT md5(string_agg(concat_ws('|', t.id, t.status, t.tier, t.assignee_id, t.updated_at, t.sla_elapsed_seconds, t.sla_running_since,
                                        t.first_response_due_at, t.resolution_due_at, t.sla_next_check_at, t.first_response_warned_at,
                                        t.first_response_breached_at, t.resolution_warned_at, t.resolution_breached_at), ',' ORDER BY t.id))
          FROM ticket t JOIN bench_sla s ON s.id = t.id) AS tickets,
       (SELECT count(*)::text FROM ticket WHERE first_response_warned_at IS NOT NULL OR resolution_warned_at IS NOT NULL
                                             OR first_response_breached_at IS NOT NULL OR resolution_breached_at IS NOT NULL) AS marked`,
  );
  return {
    events: row.events,
    deliveries: row.deliveries,
    tickets: row.tickets,
    marked: row.marked,
    foreignEvents: row.foreign_events,
  };
}

/** Runs the one-statement batch (its own transaction) until it finds no ticket due; returns the tickets warned. */
async function handLoop(ds: DataSource, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const [row]: Array<{ n: number; warned: number }> = await ds.query(HAND_SWEEP_SQL, [NOW, batchSize, WARN_AT]);
    if (row.n === 0) return total;
    total += row.warned;
  }
}

/**
 * The sweep's writes for what the fill makes due (a first-response warning, 24×7, no breach) in
 * one statement: the due tickets in next-check order, locked; the warning mark, the due times and
 * the next look (the first response's due time, or the resolution's warning if sooner); the
 * sla_warning event; the DM to the assignee on the ticket's platform. A ticket due for anything
 * else still gets its next look moved (so the loop ends), and the comparison reports the difference.
 */
const HAND_SWEEP_SQL = `
  WITH due AS (
    SELECT t.id, t.number, t.title, t.platform, t.assignee_id, t.sla_running_since, t.sla_elapsed_seconds, t.first_response_at,
           t.first_response_warned_at, st.first_response_minutes * 60 AS f, st.resolution_minutes * 60 AS r
    FROM ticket t JOIN sla_target st ON st.priority = t.priority
    WHERE t.status = 'open' AND t.sla_next_check_at <= $1
    ORDER BY t.sla_next_check_at LIMIT $2
    FOR UPDATE OF t SKIP LOCKED
  ), checked AS (
    SELECT d.*, d.sla_running_since + (d.f - d.sla_elapsed_seconds) * interval '1 second' AS fr_due,
           d.sla_running_since + (d.r - d.sla_elapsed_seconds) * interval '1 second' AS res_due,
           d.sla_running_since + (d.r * $3::float8 - d.sla_elapsed_seconds) * interval '1 second' AS res_warn,
           d.first_response_at IS NULL AND d.first_response_warned_at IS NULL
             AND d.sla_elapsed_seconds + extract(epoch FROM $1 - d.sla_running_since) + 1 >= d.f * $3::float8 AS warn
    FROM due d
  ), updated AS (
    UPDATE ticket t
    SET first_response_warned_at = CASE WHEN c.warn THEN $1 ELSE t.first_response_warned_at END,
        first_response_due_at = c.fr_due, resolution_due_at = c.res_due,
        sla_next_check_at = CASE WHEN LEAST(c.fr_due, c.res_warn) <= $1 THEN $1 + interval '1 second' ELSE LEAST(c.fr_due, c.res_warn) END
    FROM checked c WHERE t.id = c.id
    RETURNING t.id
  ), events AS (
    INSERT INTO ticket_event (ticket_id, actor_id, kind, data, created_at)
    SELECT c.id, NULL, 'sla_warning',
           jsonb_build_object('targets', jsonb_build_array('first_response'), 'target', 'first_response',
                              'dueAt', to_char(c.fr_due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), $1
    FROM checked c WHERE c.warn
    RETURNING id, ticket_id
  ), deliveries AS (
    INSERT INTO delivery (platform, destination, kind, payload, ticket_id, event_id, not_before, created_at)
    SELECT c.platform, 'person:' || c.assignee_id, 'person.dm',
           jsonb_build_object('text', 'SLA warning: ticket #' || c.number || ' "' || c.title || '" is due for its first response at ' ||
                              to_char(c.fr_due AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.', 'ticketId', c.id,
                              'message', jsonb_build_object('key', 'notify.slaWarning', 'params', jsonb_build_object(
                                'number', c.number, 'title', c.title,
                                'target', jsonb_build_object('key', 'notify.dueTarget.first_response'),
                                'dueAt', jsonb_build_object('precision', 'minute', 'at',
                                  to_char(c.fr_due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))))),
           c.id, e.id, $1, $1
    FROM checked c JOIN events e ON e.ticket_id = c.id
    WHERE EXISTS (SELECT 1 FROM identity i WHERE i.person_id = c.assignee_id AND i.platform = c.platform)
    ORDER BY c.id
  )
  SELECT (SELECT count(*)::int FROM updated) AS n, (SELECT count(*)::int FROM checked WHERE warn) AS warned`;
