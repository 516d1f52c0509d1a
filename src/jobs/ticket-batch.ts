import type { Ticket } from '../core/model';
import { singleStatement, transaction, type ServiceContext } from '../core/services/context';
import { ticketColumns, type TicketField } from '../core/services/ticket-columns';
import {
  atInstant,
  planBatch,
  writeBatch,
  type BatchRow,
  type PlannedBatch,
  type TicketChange,
} from '../core/services/ticket-changes';
import type { JobProgress } from './job-runner';

export { daysBefore } from '../core/rules/auto-close';
export type { TicketChange } from '../core/services/ticket-changes';

/**
 * How the scheduled jobs that wait on pending tickets (auto-close, reminders) go through them, in
 * batches: the job says which tickets are due (an SQL condition, held to the core's pure rules by
 * a test) and what its rule does to one; the core (`ticket-changes.ts`) plans and writes.
 *
 * 1. read a batch of due tickets, in pending_since order from where the last batch ended (a
 *    keyset cursor: each ticket is read once per run, however many are done or skipped), and let
 *    the core plan it: each ticket's change, clock, event and deliveries;
 * 2. hand the planned batch to the core's `writeBatch`, in a short transaction of its own: one
 *    statement writes only tickets whose row version (xmin) is still the one read, so nothing is
 *    decided on stale data: a ticket answered by its customer in between is left alone, and two
 *    overlapping runs cannot both remind or close the same ticket.
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

export interface DueTicketsJob {
  /** The SQL condition (on alias `t`, a pending ticket) that makes a ticket due; parameters $1… */
  due: string;
  params: unknown[];
  /** What the rule and the core need of a due ticket (the description, location and search are never read). */
  fields: readonly TicketField[];
  /** The rule for one due ticket; null leaves it as it is. */
  change(ticket: Ticket): TicketChange | null;
}

/**
 * What a job on pending tickets reads: the rule's inputs (status, pending since, reminders sent),
 * what the clock rule needs when a change moves it, whether it is a major incident's parent, and
 * what its notices name.
 */
export const PENDING_JOB_FIELDS: readonly TicketField[] = [
  'id',
  'number',
  'title',
  'type',
  'status',
  'resolution',
  'priority',
  'impact',
  'urgency',
  'serviceId',
  'tier',
  'assigneeId',
  'customerId',
  'openedById',
  'platform',
  'followUpOfId',
  'createdAt',
  'pendingSince',
  'firstResponseAt',
  'resolvedAt',
  'lastCustomerReplyAt',
  'remindersSent',
  'isMajor',
  'majorIncidentId',
];

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
  const readSql = readDueSql(job);
  // Every batch of one run is stamped with the run's time, whatever the wall clock says by then.
  const runCtx = atInstant(ctx, now);
  const cursor = new KeysetCursor();
  const readBatch = async (): Promise<PlannedBatch | null> => {
    const rows: DueRow[] = await ctx.dataSource.query(readSql, [
      ...job.params,
      cursor.since,
      cursor.seenAtSince,
      batchSize,
    ]);
    if (rows.length === 0) return null;
    cursor.advance(rows);
    return planBatch({ manager: ctx.dataSource.manager, ctx: runCtx }, rows, now, (ticket) => job.change(ticket));
  };
  // A batch with nothing to change one at a time is one statement: no transaction around it.
  const writeOne = (batch: PlannedBatch) =>
    (batch.single.length === 0 ? singleStatement : transaction)(
      runCtx,
      async (tx) => (await writeBatch(tx, batch)).changed,
    );

  let changed = 0;
  const finished = (count: number) => {
    changed += count;
    if (options.progress) options.progress.rowsAffected += count;
  };
  let next = settledLater(readBatch());
  let writing: Promise<number> | null = null;
  try {
    for (;;) {
      const batch = await next;
      if (!batch) break;
      next = settledLater(readBatch());
      if (writing) finished(await writing);
      writing = null;
      // Stopping: what is written stays written; the next run takes the rest.
      if (options.signal?.aborted) break;
      if (batch.count > 0 || batch.single.length > 0) writing = settledLater(writeOne(batch));
    }
    if (writing) finished(await writing);
    return changed;
  } finally {
    // Whatever is still under way when the run ends (stopped, or failed) is waited for, not left behind.
    await Promise.allSettled([next, writing]);
  }
}

/**
 * The tickets the job's SQL finds due, all at once (the first batch of a run, unbounded): what a
 * test holds to the core's pure rules.
 */
export async function selectDueTickets(ctx: ServiceContext, job: DueTicketsJob): Promise<DueRow[]> {
  return ctx.dataSource.query(readDueSql(job), [...job.params, '-infinity', [], null]);
}

/**
 * Marks a promise as handled now, for one awaited later: while the loop awaits one step, another
 * may fail, and an unhandled rejection would stop the process. Awaiting it still throws.
 */
function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
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
    const atLast = rows.filter((row) => row.cursor_since === last).map((row) => Number(row.id));
    this.seenAtSince = last === this.since ? [...this.seenAtSince, ...atLast] : atLast;
    this.since = last;
  }
}

type DueRow = BatchRow & { cursor_since: string };

/**
 * The job's fields, the row version and the cursor; and an event id drawn for each ticket of the
 * batch (outside the LIMIT, so only the batch's tickets draw one).
 */
function readDueSql(job: DueTicketsJob): string {
  const [since, seen, limit] = [job.params.length + 1, job.params.length + 2, job.params.length + 3];
  return `
    SELECT due.*, nextval('ticket_event_id_seq') AS event_id
    FROM (
      SELECT ${ticketColumns(job.fields)}, t.xmin::text AS version, t.pending_since::text AS cursor_since
      FROM ticket t
      WHERE t.status = 'pending' AND (${job.due})
        AND t.pending_since >= $${since}::timestamptz
        AND NOT (t.pending_since = $${since}::timestamptz AND t.id = ANY($${seen}::int[]))
      ORDER BY t.pending_since
      LIMIT $${limit}
    ) due`;
}
