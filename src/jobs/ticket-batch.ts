import { DAY } from '../core/clock';
import type { Platform, Ticket } from '../core/model';
import { planDeliveries, type Recipient } from '../core/rules/notifications';
import type { TicketPatch } from '../core/rules/transitions';
import { transaction, type ServiceContext } from '../core/services/context';
import type { EventKind } from '../core/services/history';
import { platformsOf } from '../core/services/people';
import type { JobProgress } from './job-runner';
import { ticketFromRow } from '../core/services/ticket-store';

/**
 * How the scheduled jobs change many tickets at once, set-based and in batches:
 *
 * 1. read a batch of due tickets, in pending_since order from where the last batch ended (a
 *    keyset cursor: each ticket is read once per run, however many are done or skipped), and the
 *    platforms of the people they concern;
 * 2. decide in JavaScript, with the core's rules: the ticket's patch, its event, and the
 *    deliveries `planDeliveries` (the one place deciding who is told what) plans for it;
 * 3. write the batch in one statement of its own short transaction: lock the tickets that are
 *    unchanged since step 1 (SKIP LOCKED: a ticket a person is changing right now is left to the
 *    next run), update them, append their events, and insert their deliveries.
 *
 * Step 3 writes only tickets whose row version (xmin) is still the one step 1 read, so nothing
 * is decided on stale data: a ticket answered by its customer in between is left alone, and two
 * overlapping runs cannot both remind or close the same ticket.
 */

/** Tickets handled per transaction: big enough to be set-based, small enough to hold locks briefly. */
export const DEFAULT_BATCH_SIZE = 1000;

export interface BatchOptions {
  batchSize?: number;
  /** Counts each committed batch, so a run that fails half-way still reports what it did. */
  progress?: JobProgress;
  /**
   * Ends the run after the batch in progress (the process is stopping). Each batch commits on its
   * own, so stopping between two loses nothing: the next run takes what is left.
   */
  signal?: AbortSignal;
}

/** What a job does to one due ticket: the patch (from the core's rules) and the event recording it. */
export interface TicketChange {
  patch: TicketPatch;
  event: { kind: EventKind; data: Record<string, unknown> };
}

export interface DueTicketsJob {
  /** The SQL condition (on alias `t`, a pending ticket) that makes a ticket due; parameters $1… */
  due: string;
  params: unknown[];
  /** The rule for one due ticket; null leaves it as it is. */
  change(ticket: Ticket): TicketChange | null;
}

/** The instant `days` (possibly fractional) before `now`: 24-hour days, as everywhere in the core. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY);
}

/**
 * Applies `job` to every ticket due by `now`, batch by batch, until none is left. Returns how many
 * tickets it changed. Events and deliveries are stamped with `now`.
 *
 * A pipeline, so that the database and JavaScript work at the same time: while batch N is being
 * written, batch N+1 is read and planned. Reads start after the cursor, so a read never holds a
 * ticket that a write in flight changes; writes go one at a time, in order. (On PGlite a read
 * simply waits for the write's commit.)
 */
export async function changeDueTickets(
  ctx: ServiceContext,
  now: Date,
  job: DueTicketsJob,
  options: BatchOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const readSql = readDueSql(job.due, job.params.length);
  // Every batch of one run is stamped with the run's time, whatever the wall clock says by then.
  const runCtx: ServiceContext = { ...ctx, clock: { now: () => now } };
  const cursor = new KeysetCursor();
  const readBatch = async (): Promise<DueBatch> => {
    const rows: DueRow[] = await ctx.dataSource.query(readSql, [
      ...job.params,
      cursor.since,
      cursor.seenAtSince,
      batchSize,
    ]);
    if (rows.length > 0) cursor.advance(rows);
    return { rows, platforms: rows.length > 0 ? await platformsOf(ctx.dataSource.manager, peopleOf(rows)) : new Map() };
  };
  const writeBatch = (batch: PlannedBatch) =>
    transaction(runCtx, async (tx) => {
      const [result]: Array<{ changed: number; deliveries: number }> = await tx.manager.query(WRITE_BATCH_SQL, [
        batch.tickets,
        now,
        batch.deliveries,
      ]);
      tx.deliveriesWritten += result.deliveries;
      return result.changed;
    });

  let changed = 0;
  const finished = (count: number) => {
    changed += count;
    if (options.progress) options.progress.rowsAffected += count;
  };
  let next = settledLater(readBatch());
  let writing: Promise<number> | null = null;
  try {
    for (;;) {
      const { rows, platforms } = await next;
      if (rows.length === 0) break;
      next = settledLater(readBatch());
      const batch = planBatch(rows, job, ctx.policy, platforms);
      if (writing) finished(await writing);
      writing = null;
      // Stopping: what is written stays written; the next run takes the rest.
      if (options.signal?.aborted) break;
      if (batch.count > 0) writing = settledLater(writeBatch(batch));
    }
    if (writing) finished(await writing);
    return changed;
  } finally {
    // Whatever is still under way when the run ends (stopped, or failed) is waited for, not left behind.
    await Promise.allSettled([next, writing]);
  }
}

/**
 * Marks a promise as handled now, for one awaited later: while the loop awaits one step, another
 * may fail, and an unhandled rejection would stop the process. Awaiting it still throws.
 */
function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

interface DueBatch {
  rows: DueRow[];
  platforms: Map<number, Platform[]>;
}

/** A batch as the write statement takes it: the tickets as they will be, and their deliveries, in JSON. */
interface PlannedBatch {
  count: number;
  tickets: string;
  deliveries: string;
}

/**
 * Where the last batch ended, in pending_since order: the next batch starts at that instant,
 * leaving out the tickets already read at exactly that instant. (A plain ORDER BY pending_since
 * walks the partial index on pending tickets and stops at the LIMIT; ordering by (pending_since,
 * id) instead makes the planner read every due ticket and sort them, for every batch.) The
 * instant goes through text: a JavaScript Date would drop microseconds.
 */
class KeysetCursor {
  since = '-infinity';
  seenAtSince: number[] = [];

  advance(rows: DueRow[]): void {
    const last = rows[rows.length - 1].cursor_since;
    const atLast = rows.filter((row) => row.cursor_since === last).map((row) => row.id);
    this.seenAtSince = last === this.since ? [...this.seenAtSince, ...atLast] : atLast;
    this.since = last;
  }
}

/**
 * The ticket columns of the core's Ticket (never `search`: its tsvector is large), the row version
 * and the cursor; and an event id drawn for each ticket of the batch, so the deliveries planned
 * for its event carry that event's id.
 */
function readDueSql(due: string, paramCount: number): string {
  const [since, seen, limit] = [paramCount + 1, paramCount + 2, paramCount + 3];
  return `
    SELECT due.*, nextval('ticket_event_id_seq') AS event_id
    FROM (
      SELECT t.id, t.number, t.title, t.description, t.type, t.status, t.resolution, t.priority, t.impact, t.urgency, t.service_id,
             t.tier, t.assignee_id, t.customer_id, t.opened_by_id, t.platform, t.follow_up_of_id, t.created_at, t.pending_since,
             t.first_response_at, t.resolved_at, t.last_customer_reply_at, t.reminders_sent,
             t.xmin::text AS version, t.pending_since::text AS cursor_since
      FROM ticket t
      WHERE t.status = 'pending' AND (${due})
        AND t.pending_since >= $${since}::timestamptz
        AND NOT (t.pending_since = $${since}::timestamptz AND t.id = ANY($${seen}::int[]))
      ORDER BY t.pending_since
      LIMIT $${limit}
    ) due`;
}

function peopleOf(rows: DueRow[]): number[] {
  const people = new Set<number>();
  for (const row of rows) {
    people.add(row.customer_id);
    if (row.assignee_id) people.add(row.assignee_id);
  }
  return [...people];
}

/**
 * One statement: lock the planned tickets still at the version that was read (skipping any locked
 * by someone else), apply their patches, append their events (with the ids drawn when reading),
 * and insert the deliveries of the tickets actually changed, in planned order (a destination's
 * deliveries go out in id order). Answers how many tickets and deliveries it wrote.
 * The delivery columns are those `record()` (core/services/history.ts) writes: the jobs
 * insert theirs in this same statement, which costs far less than a statement of their own.
 */
const WRITE_BATCH_SQL = `
  WITH planned AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(
      id int, version text, status text, resolution text, resolved_at timestamptz, pending_since timestamptz,
      reminders_sent smallint, event_id bigint, event_kind text, event_data jsonb)
  ), locked AS (
    SELECT t.id FROM ticket t JOIN planned p ON p.id = t.id
    WHERE t.xmin::text = p.version
    FOR UPDATE OF t SKIP LOCKED
  ), changed AS (
    UPDATE ticket t
    SET status = p.status, resolution = p.resolution, resolved_at = p.resolved_at, pending_since = p.pending_since,
        reminders_sent = p.reminders_sent, updated_at = $2
    FROM locked JOIN planned p ON p.id = locked.id
    WHERE t.id = locked.id
    RETURNING t.id
  ), events AS (
    INSERT INTO ticket_event (id, ticket_id, actor_id, kind, data, created_at)
    SELECT p.event_id, p.id, NULL, p.event_kind, p.event_data, $2 FROM changed JOIN planned p ON p.id = changed.id
    RETURNING id
  ), deliveries AS (
    INSERT INTO delivery (platform, destination, kind, payload, ticket_id, event_id, not_before, created_at)
    SELECT d.platform, d.destination, d.kind, d.payload, d.ticket_id, d.event_id, $2, $2
    FROM jsonb_to_recordset($3::jsonb) AS d(position int, platform text, destination text, kind text, payload jsonb, ticket_id int, event_id bigint)
    WHERE d.ticket_id IN (SELECT id FROM changed)
    ORDER BY d.position
    RETURNING id
  )
  SELECT (SELECT count(*)::int FROM changed) AS changed, (SELECT count(*)::int FROM events) AS events,
         (SELECT count(*)::int FROM deliveries) AS deliveries`;

type DueRow = {
  id: number;
  number: number;
  title: string;
  description: string;
  type: Ticket['type'];
  status: Ticket['status'];
  resolution: Ticket['resolution'];
  priority: Ticket['priority'];
  impact: Ticket['impact'];
  urgency: Ticket['urgency'];
  service_id: number | null;
  tier: Ticket['tier'];
  assignee_id: number | null;
  customer_id: number;
  opened_by_id: number;
  platform: Platform;
  follow_up_of_id: number | null;
  created_at: Date;
  pending_since: Date | null;
  first_response_at: Date | null;
  resolved_at: Date | null;
  last_customer_reply_at: Date | null;
  reminders_sent: number;
  version: string;
  cursor_since: string;
  event_id: number;
};

/** The ticket fields the write statement sets; a patch touching others would be lost, so it is refused. */
const WRITTEN_FIELDS = new Set<keyof Ticket>(['status', 'resolution', 'resolvedAt', 'pendingSince', 'remindersSent']);

/** Decides each ticket's change and deliveries, with the core's rules. */
function planBatch(
  rows: DueRow[],
  job: DueTicketsJob,
  policy: ServiceContext['policy'],
  platforms: Map<number, Platform[]>,
): PlannedBatch {
  const recipient = (personId: number): Recipient => ({ personId, platforms: platforms.get(personId) ?? [] });
  const tickets: Array<Record<string, unknown>> = [];
  const deliveries: Array<Record<string, unknown>> = [];
  for (const row of rows) {
    const before: Ticket = ticketFromRow(row);
    const change = job.change(before);
    if (!change) continue;
    const unwritten = Object.keys(change.patch).filter((field) => !WRITTEN_FIELDS.has(field as keyof Ticket));
    if (unwritten.length > 0)
      throw new Error(`a job's patch sets ${unwritten.join(', ')}, which the batch write does not`);
    const after: Ticket = { ...before, ...change.patch };
    tickets.push({
      id: after.id,
      version: row.version,
      status: after.status,
      resolution: after.resolution,
      resolved_at: after.resolvedAt,
      pending_since: after.pendingSince,
      reminders_sent: after.remindersSent,
      event_id: row.event_id,
      event_kind: change.event.kind,
      event_data: change.event.data,
    });
    const drafts = planDeliveries({
      ticket: after,
      // The helpdesk acts (actor null), as when a person's change is recorded by `record`.
      event: { id: row.event_id, kind: change.event.kind, actorId: null, data: change.event.data },
      customer: recipient(after.customerId),
      assignee: after.assigneeId ? recipient(after.assigneeId) : null,
      // Admins hear only of tickets waiting for a supporter, an event no job writes.
      admins: [],
      policy,
    });
    for (const draft of drafts) {
      deliveries.push({ position: deliveries.length, ...draft, ticket_id: after.id, event_id: row.event_id });
    }
  }
  return { count: tickets.length, tickets: JSON.stringify(tickets), deliveries: JSON.stringify(deliveries) };
}
