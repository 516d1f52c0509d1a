import type { Resolution } from '../core/model';
import { transaction, type ServiceContext } from '../core/services/context';
import {
  DEFAULT_BATCH_SIZE,
  TICKET_COLUMNS,
  daysBefore,
  queryRows,
  writeBatchDeliveries,
  type BatchOptions,
  type TicketEventRow,
} from './ticket-batch';

export const AUTO_CLOSE_JOB = 'auto-close';

const RESOLUTION: Resolution = 'closed_automatically';

/** The event every auto-closed ticket gets, the helpdesk (actor null) having resolved it. */
export const AUTO_CLOSE_EVENT_DATA = { from: 'pending', to: 'resolved', resolution: RESOLUTION } as const;

/**
 * One batch in one statement: lock up to $2 due tickets (skipping any a person is changing right
 * now; the next run takes them), resolve them, and append their events.
 *
 * Due means pending since the cutoff or earlier. A customer's reply makes a pending ticket open
 * (and clears pending_since), and setting it pending again restarts the clock, so a ticket still
 * pending since the cutoff has had no reply since. The SET mirrors `transitions.resolve`.
 * Ordered by pending_since alone, so the partial index on pending tickets serves each batch
 * without sorting every due ticket.
 */
const CLOSE_BATCH_SQL = `
  WITH due AS (
    SELECT id FROM ticket
    WHERE status = 'pending' AND pending_since <= $1
    ORDER BY pending_since
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), closed AS (
    UPDATE ticket t
    SET status = 'resolved', resolution = $4, resolved_at = $3, pending_since = NULL, updated_at = $3
    FROM due
    WHERE t.id = due.id
    RETURNING ${TICKET_COLUMNS}
  ), events AS (
    INSERT INTO ticket_event (ticket_id, actor_id, kind, data, created_at)
    SELECT id, NULL, 'status_changed', $5::jsonb, $3 FROM closed
    RETURNING id, ticket_id, kind, data
  )
  SELECT closed.*, events.id AS event_id, events.kind AS event_kind, events.data AS event_data
  FROM closed JOIN events ON events.ticket_id = closed.id`;

/**
 * Resolves as "closed automatically" every ticket pending for `policy.autoCloseDays` by `now`,
 * each with its status_changed event and its deliveries in the same transaction. Batches are
 * separate short transactions, repeated until none is due. Returns how many tickets it closed.
 */
export async function autoCloseDueTickets(ctx: ServiceContext, now: Date, options: BatchOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const cutoff = daysBefore(now, ctx.policy.autoCloseDays);
  // Every batch of one run is stamped with the run's time, whatever the wall clock says by then.
  const runCtx: ServiceContext = { ...ctx, clock: { now: () => now } };
  let closed = 0;
  for (;;) {
    const count = await transaction(runCtx, async (tx) => {
      const rows = await queryRows<TicketEventRow>(tx.manager, CLOSE_BATCH_SQL, [
        cutoff,
        batchSize,
        now,
        RESOLUTION,
        JSON.stringify(AUTO_CLOSE_EVENT_DATA),
      ]);
      await writeBatchDeliveries(tx, rows);
      return rows.length;
    });
    closed += count;
    if (options.progress) options.progress.rowsAffected += count;
    // Only an empty batch ends the run: a locking LIMIT may return fewer rows than it could (rows
    // that changed since the statement began are dropped), and one extra empty query is cheap.
    // Tickets locked by someone else right now are left to the next run.
    if (count === 0) return closed;
  }
}
