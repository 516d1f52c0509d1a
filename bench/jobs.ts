import type { DataSource } from 'typeorm';
import { defaultPolicy } from '../src/config';
import { DAY } from '../src/core/clock';
import { DEFAULT_BATCH_SIZE } from '../src/jobs/ticket-batch';
import { timed, withBenchDatabase, type DatabaseKind } from './common';
import { EVENT_AND_DELIVERY_DIGESTS, NOW, compareSides, scheduledJob, vacuum, warmTicketTable } from './job-versus-sql';

/**
 * Issue 4: the auto-close and reminder jobs next to hand-written SQL doing the same writes (the
 * ticket update, the event rows, the delivery rows) in one statement per batch of the same size,
 * on the same data: the database is filled once (generate_series), each side runs on it, and the
 * changed rows are put back (and vacuumed) before the other side runs. The job side is the job as
 * scheduled (`runJob`: slot claim, batches, run record). What both sides wrote is compared; a
 * difference is reported in `mismatch`. Goal: job / hand SQL ≤ 1.5.
 */
export interface JobsBenchOptions {
  tickets: number;
  /** Tickets pending for more than AUTO_CLOSE_DAYS (due to close). `pending` is the runner's name for it. */
  pendingDue?: number;
  pending?: number;
  /** Tickets owed a reminder (pending 2 to 7 days); as many as pendingDue by default. */
  remindersDue?: number;
  batchSize?: number;
  /** Timed runs of each side (alternating which goes first); 2 by default. */
  rounds?: number;
  log?: (line: string) => void;
}

export interface JobsBenchFigures {
  tickets: number;
  pendingDue: number;
  remindersDue: number;
  batchSize: number;
  fillMs: number;
  autoCloseMs: number;
  autoCloseHandMs: number;
  autoCloseRatio: number;
  closed: number;
  remindersMs: number;
  remindersHandMs: number;
  remindersRatio: number;
  reminded: number;
  goalRatio: number;
  goalMet: boolean;
  /** What the two sides wrote differently; empty when they wrote the same. */
  mismatch: string;
}

export const JOBS_GOAL_RATIO = 1.5;

export async function benchJobs(kind: DatabaseKind, opts: JobsBenchOptions): Promise<JobsBenchFigures> {
  const tickets = opts.tickets;
  const pendingDue = opts.pendingDue ?? opts.pending ?? Math.round(tickets / 10);
  const remindersDue = opts.remindersDue ?? pendingDue;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const rounds = opts.rounds ?? 2;
  const log = opts.log ?? (() => undefined);
  if (pendingDue + remindersDue * 1.5 > tickets)
    throw new Error(`${tickets} tickets cannot hold ${pendingDue} due to close and ${remindersDue} owed reminders`);

  return withBenchDatabase(kind, { poolSize: 4 }, async (db) => {
    const ds = db.dataSource;
    log(`jobs [${kind}]: filling ${tickets} tickets (${pendingDue} due to close, ${remindersDue} owed a reminder)`);
    const fill = await timed(() => fillTickets(ds, { tickets, pendingDue, remindersDue }));
    await snapshot(ds);
    const compare = (label: string, job: () => Promise<number>, hand: () => Promise<number>) =>
      compareSides({
        label,
        rounds,
        log: (line) => log(`jobs [${kind}]: ${line}`),
        job,
        hand,
        restore: () => restore(ds),
        writes: () => writesSince(ds),
      });
    const autoClose = await compare('auto-close', scheduledJob(ds, 'auto-close', batchSize), () =>
      handLoop(ds, HAND_AUTO_CLOSE_SQL, autoCloseParams(batchSize)),
    );
    const reminders = await compare('reminders', scheduledJob(ds, 'reminders', batchSize), () =>
      handLoop(ds, HAND_REMINDERS_SQL, reminderParams(batchSize)),
    );

    const autoCloseRatio = autoClose.jobMs / autoClose.handMs;
    const remindersRatio = reminders.jobMs / reminders.handMs;
    return {
      tickets,
      pendingDue,
      remindersDue,
      batchSize,
      fillMs: fill.ms,
      autoCloseMs: autoClose.jobMs,
      autoCloseHandMs: autoClose.handMs,
      autoCloseRatio,
      closed: autoClose.rows,
      remindersMs: reminders.jobMs,
      remindersHandMs: reminders.handMs,
      remindersRatio,
      reminded: reminders.rows,
      goalRatio: JOBS_GOAL_RATIO,
      goalMet: autoCloseRatio <= JOBS_GOAL_RATIO && remindersRatio <= JOBS_GOAL_RATIO,
      mismatch: [...autoClose.mismatches, ...reminders.mismatches].join('; '),
    };
  });
}

/**
 * People and tickets in bulk. Tickets of each kind are spread over the whole table (a
 * multiplicative permutation of the row number), as years of use would leave them, rather than
 * packed into a few pages. Kinds: due to close (pending 7 to 27 days), owed a reminder (pending 2
 * to 7 days; some of those past day 5 have had their day-2 reminder), pending under 2 days (owed
 * nothing), and the rest open or resolved.
 */
async function fillTickets(
  ds: DataSource,
  counts: { tickets: number; pendingDue: number; remindersDue: number },
): Promise<void> {
  const customers = Math.max(100, Math.min(20_000, Math.ceil(counts.tickets / 50)));
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

  let step = 48_271; // a prime: any ticket count it does not divide gives a permutation
  while (counts.tickets % step === 0) step += 2;
  await ds.query(
    `WITH p AS (
       SELECT $1::timestamptz AS now, $2::bigint AS tickets, $3::int AS first_person, $4::int AS customers, $5::int AS supporters,
              $6::bigint AS step, $7::bigint AS due, $8::bigint AS owed
     )
     INSERT INTO ticket (title, description, type, status, resolution, priority, tier, assignee_id, customer_id, opened_by_id, platform,
                         created_at, updated_at, pending_since, resolved_at, reminders_sent, sla_elapsed_seconds)
     SELECT 'Printer ' || g || ' on floor 2 is jammed', 'It shows error E' || (g % 100) || ' and the tray light blinks.', 'incident',
            s.status, CASE WHEN s.status = 'resolved' THEN 'resolved_by_staff' END, 'P3', 1,
            p.first_person + p.customers + (g % p.supporters)::int, p.first_person + (g % p.customers)::int, p.first_person + (g % p.customers)::int,
            'discord', p.now - interval '30 days', p.now - interval '30 days', s.pending_since,
            CASE WHEN s.status = 'resolved' THEN p.now - interval '3 days' END,
            CASE WHEN s.k >= p.due AND s.pending_since <= p.now - interval '5 days' AND s.k % 2 = 0 THEN 1 ELSE 0 END,
            -- Open time counted before it was set pending: a third past the P3 resolution target (3 days), marked breached when closed.
            CASE WHEN s.status = 'pending' THEN CASE WHEN s.k % 3 = 0 THEN 4 * 86400 ELSE 3600 END ELSE 0 END
     FROM p
     CROSS JOIN generate_series(1::bigint, p.tickets) g
     CROSS JOIN LATERAL (SELECT (g * p.step) % p.tickets AS k) perm
     CROSS JOIN LATERAL (
       SELECT perm.k AS k,
              CASE WHEN perm.k < p.due + p.owed + p.owed / 2 THEN 'pending' WHEN perm.k % 5 < 2 THEN 'open' ELSE 'resolved' END AS status,
              CASE
                WHEN perm.k < p.due THEN p.now - interval '7 days' - ((perm.k * 37) % (20 * 1440) + 1) * interval '1 minute'
                WHEN perm.k < p.due + p.owed THEN p.now - interval '2 days' - ((perm.k * 37) % (5 * 1440 - 2) + 1) * interval '1 minute'
                WHEN perm.k < p.due + p.owed + p.owed / 2 THEN p.now - ((perm.k * 37) % (2 * 1440 - 2) + 1) * interval '1 minute'
              END AS pending_since
     ) s`,
    [NOW, counts.tickets, first, customers, supporters, step, counts.pendingDue, counts.remindersDue],
  );
  await ds.query(`ANALYZE`);
}

/** Remembers the pending tickets as filled (the fill writes no events or deliveries). */
async function snapshot(ds: DataSource): Promise<void> {
  await ds.query(
    `CREATE TABLE bench_pending AS SELECT id, status, pending_since, reminders_sent, updated_at FROM ticket WHERE status = 'pending'`,
  );
  await ds.query(`CREATE UNIQUE INDEX ON bench_pending (id)`);
  await warmTicketTable(ds);
}

/** Puts back the tickets a side changed and removes what it wrote, so the next side starts alike. */
async function restore(ds: DataSource): Promise<void> {
  await ds.query(`TRUNCATE delivery, ticket_event, job_run`);
  await ds.query(
    `UPDATE ticket t SET status = p.status, resolution = NULL, resolved_at = NULL, pending_since = p.pending_since,
                         reminders_sent = p.reminders_sent, updated_at = p.updated_at, resolution_breached_at = NULL
     FROM bench_pending p WHERE t.id = p.id AND t.updated_at IS DISTINCT FROM p.updated_at`,
  );
  await vacuum(ds);
}

type Writes = Record<'events' | 'deliveries' | 'tickets' | 'foreignEvents', string>;

/** Digests of everything a side wrote (ids aside, which differ by construction). */
async function writesSince(ds: DataSource): Promise<Writes> {
  const [row] = await ds.query(
    `SELECT ${EVENT_AND_DELIVERY_DIGESTS},
       (SELECT md5(string_agg(concat_ws('|', t.id, t.status, t.resolution, t.resolved_at, t.pending_since, t.reminders_sent, t.updated_at,
                                        t.sla_elapsed_seconds, t.sla_running_since, t.resolution_due_at, t.sla_next_check_at, t.resolution_breached_at), ',' ORDER BY t.id))
          FROM ticket t JOIN bench_pending p ON p.id = t.id) AS tickets`,
  );
  return { events: row.events, deliveries: row.deliveries, tickets: row.tickets, foreignEvents: row.foreign_events };
}

/**
 * Runs a one-statement batch (its own transaction) until it finds no ticket. Like the job, each
 * batch goes on in pending_since order from where the one before ended (without that, every
 * reminder batch would rescan the tickets already reminded); the statement's last two parameters
 * are that cursor: the instant, and the tickets already seen at exactly that instant. Returns the
 * tickets changed.
 */
async function handLoop(ds: DataSource, sql: string, params: unknown[]): Promise<number> {
  let total = 0;
  let since = '-infinity';
  let seen: number[] = [];
  for (;;) {
    const [row]: Array<{ n: number; cursor_since: string | null; cursor_ids: number[] | null }> = await ds.query(sql, [
      ...params,
      since,
      seen,
    ]);
    total += row.n;
    if (row.cursor_since === null) return total;
    seen = row.cursor_since === since ? [...seen, ...row.cursor_ids!] : row.cursor_ids!;
    since = row.cursor_since;
  }
}

/** The keyset condition ($since and the next parameter) and the cursor a hand statement answers with. */
const afterCursor = (since: number) =>
  `t.pending_since >= $${since}::timestamptz AND NOT (t.pending_since = $${since}::timestamptz AND t.id = ANY($${since + 1}::int[]))`;
const CURSOR_COLUMNS = `(SELECT max(pending_since)::text FROM due) AS cursor_since,
  (SELECT array_agg(id) FROM due WHERE pending_since = (SELECT max(pending_since) FROM due)) AS cursor_ids`;

const autoCloseParams = (batchSize: number) => [
  new Date(NOW.getTime() - defaultPolicy.autoCloseDays * DAY),
  batchSize,
  NOW,
  String(defaultPolicy.reopenDays),
];

/**
 * The auto-close's writes in one statement: the ticket (its clock stopped, its resolution marked
 * breached when the open time counted is past its priority's target), its event, its card update
 * and the customer's notice (with its rating buttons).
 */
const HAND_AUTO_CLOSE_SQL = `
  WITH due AS (
    SELECT t.id, t.pending_since, t.sla_elapsed_seconds > st.resolution_minutes * 60 AS late FROM ticket t
    JOIN sla_target st ON st.priority = t.priority
    WHERE t.status = 'pending' AND t.pending_since <= $1 AND ${afterCursor(5)}
    ORDER BY t.pending_since LIMIT $2 FOR UPDATE OF t SKIP LOCKED
  ), closed AS (
    UPDATE ticket t SET status = 'resolved', resolution = 'closed_automatically', resolved_at = $3, pending_since = NULL, updated_at = $3,
                        sla_running_since = NULL, first_response_due_at = NULL, resolution_due_at = NULL, sla_next_check_at = NULL,
                        resolution_breached_at = CASE WHEN due.late AND t.resolution_breached_at IS NULL THEN $3 ELSE t.resolution_breached_at END
    FROM due WHERE t.id = due.id
    RETURNING t.id, t.number, t.platform
  ), events AS (
    INSERT INTO ticket_event (ticket_id, actor_id, kind, data, created_at)
    SELECT id, NULL, 'status_changed', '{"from": "pending", "to": "resolved", "resolution": "closed_automatically"}', $3 FROM closed
    RETURNING id, ticket_id
  ), deliveries AS (
    INSERT INTO delivery (platform, destination, kind, payload, ticket_id, event_id, not_before, created_at)
    SELECT c.platform, 'ticket:' || c.id, d.kind, d.payload, c.id, e.id, $3, $3
    FROM closed c JOIN events e ON e.ticket_id = c.id
    CROSS JOIN LATERAL (VALUES
      (1, 'ticket.card', '{}'::jsonb),
      (2, 'ticket.notice', jsonb_build_object('audience', 'customer', 'text',
         'Your ticket #' || c.number || ' was closed automatically after waiting for your answer. ' ||
         'If it is not fixed, reply here or press Reopen within ' || $4::text || ' days.', 'askRating', true,
         'message', jsonb_build_object('key', 'ticket.resolved', 'params', jsonb_build_object('number', c.number,
           'resolution', jsonb_build_object('key', 'ticket.resolution.closed_automatically'),
           'reopen', jsonb_build_object('key', 'card.action.reopen'), 'count', $4::int))))
    ) AS d(position, kind, payload)
    ORDER BY c.id, d.position
  )
  SELECT (SELECT count(*)::int FROM closed) AS n, ${CURSOR_COLUMNS}`;

function reminderParams(batchSize: number): unknown[] {
  const days = defaultPolicy.reminderDays.filter((d) => d < defaultPolicy.autoCloseDays);
  const cutoffs = days.map((d) => new Date(NOW.getTime() - d * DAY));
  const closeCutoff = new Date(NOW.getTime() - defaultPolicy.autoCloseDays * DAY);
  return [cutoffs, cutoffs[0], closeCutoff, batchSize, NOW, days, defaultPolicy.autoCloseDays * 86_400];
}

/** The reminder job's writes in one statement: the ticket's count, its event and the customer's notice. */
const HAND_REMINDERS_SQL = `
  WITH due AS (
    SELECT t.id, t.pending_since, (SELECT count(*)::int FROM unnest($1::timestamptz[]) AS c(at) WHERE t.pending_since <= c.at) AS reached
    FROM ticket t
    WHERE t.status = 'pending' AND t.pending_since <= $2 AND t.pending_since > $3 AND ${afterCursor(8)}
      AND t.reminders_sent < (SELECT count(*) FROM unnest($1::timestamptz[]) AS c(at) WHERE t.pending_since <= c.at)
    ORDER BY t.pending_since LIMIT $4 FOR UPDATE OF t SKIP LOCKED
  ), reminded AS (
    UPDATE ticket t SET reminders_sent = due.reached, updated_at = $5
    FROM due WHERE t.id = due.id
    RETURNING t.id, t.number, t.platform, t.pending_since, t.reminders_sent
  ), events AS (
    INSERT INTO ticket_event (ticket_id, actor_id, kind, data, created_at)
    SELECT id, NULL, 'reminded', jsonb_build_object('day', ($6::float8[])[reminders_sent],
             'pendingSince', to_char(pending_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), $5
    FROM reminded
    RETURNING id, ticket_id
  ), deliveries AS (
    INSERT INTO delivery (platform, destination, kind, payload, ticket_id, event_id, not_before, created_at)
    SELECT r.platform, 'ticket:' || r.id, 'ticket.notice',
           jsonb_build_object('audience', 'customer', 'text',
             'Reminder: support is still waiting for your answer on #' || r.number || '. Without a reply it closes automatically on ' ||
             to_char((r.pending_since + $7 * interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '. Reply here to keep it open.',
             'message', jsonb_build_object('key', 'ticket.reminder', 'params', jsonb_build_object('number', r.number,
               'closesOn', jsonb_build_object('precision', 'day', 'at',
                 to_char((r.pending_since + $7 * interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))))),
           r.id, e.id, $5, $5
    FROM reminded r JOIN events e ON e.ticket_id = r.id
  )
  SELECT (SELECT count(*)::int FROM reminded) AS n, ${CURSOR_COLUMNS}`;
