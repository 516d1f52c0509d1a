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

export const REMINDERS_JOB = 'reminders';

/**
 * One batch in one statement: lock up to $4 tickets owed a reminder, record how far through the
 * reminder days they now are, and append one `reminded` event each.
 *
 * `reached` is how many reminder days have passed since pending_since ($1 holds the cutoff of each
 * day, earliest day first); a ticket is owed a reminder while reminders_sent < reached. Setting
 * reminders_sent to `reached` marks every passed day done, so a run that comes days late sends one
 * reminder (for the latest day) rather than several at once. A customer's reply ends the pending
 * period and a new setPending resets reminders_sent to 0: a new series.
 *
 * Tickets already due for auto-close ($3) get no reminder: the auto-close job closes them.
 * `day` and `pendingSince` in the event data are written as JavaScript writes them (a number, and
 * an ISO instant in UTC), so history reads the same whoever wrote it.
 */
const REMIND_BATCH_SQL = `
  WITH due AS (
    SELECT t.id, passed.reached
    FROM ticket t
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS reached FROM unnest($1::timestamptz[]) AS day_cutoff(at) WHERE t.pending_since <= day_cutoff.at
    ) passed
    WHERE t.status = 'pending' AND t.pending_since <= $2 AND t.pending_since > $3 AND t.reminders_sent < passed.reached
    ORDER BY t.pending_since
    LIMIT $4
    FOR UPDATE OF t SKIP LOCKED
  ), reminded AS (
    UPDATE ticket t
    SET reminders_sent = due.reached, updated_at = $5
    FROM due
    WHERE t.id = due.id
    RETURNING ${TICKET_COLUMNS}
  ), events AS (
    INSERT INTO ticket_event (ticket_id, actor_id, kind, data, created_at)
    SELECT id, NULL, 'reminded',
           jsonb_build_object(
             'day', ($6::float8[])[reminders_sent],
             'pendingSince', to_char(pending_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
           $5
    FROM reminded
    RETURNING id, ticket_id, kind, data
  )
  SELECT reminded.*, events.id AS event_id, events.kind AS event_kind, events.data AS event_data
  FROM reminded JOIN events ON events.ticket_id = reminded.id`;

/**
 * The reminder days that can still come before the auto-close, ascending: a reminder on or after
 * the closing day would announce a close that has already happened.
 */
export function reminderDaysBeforeClose(policy: ServiceContext['policy']): number[] {
  return [...new Set(policy.reminderDays)].filter((day) => day > 0 && day < policy.autoCloseDays).sort((a, b) => a - b);
}

/**
 * Sends the reminders due by `now` on pending tickets (`policy.reminderDays` after pending_since),
 * exactly once per day per pending period, each with its `reminded` event and deliveries in the
 * same transaction; batches are separate short transactions, repeated until none is due. Returns
 * how many tickets were reminded.
 */
export async function sendDueReminders(ctx: ServiceContext, now: Date, options: BatchOptions = {}): Promise<number> {
  const days = reminderDaysBeforeClose(ctx.policy);
  if (days.length === 0) return 0;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const dayCutoffs = days.map((day) => daysBefore(now, day));
  const closeCutoff = daysBefore(now, ctx.policy.autoCloseDays);
  // Every batch of one run is stamped with the run's time, whatever the wall clock says by then.
  const runCtx: ServiceContext = { ...ctx, clock: { now: () => now } };
  let reminded = 0;
  for (;;) {
    const count = await transaction(runCtx, async (tx) => {
      const rows = await queryRows<TicketEventRow>(tx.manager, REMIND_BATCH_SQL, [
        dayCutoffs,
        dayCutoffs[0],
        closeCutoff,
        batchSize,
        now,
        days,
      ]);
      await writeBatchDeliveries(tx, rows);
      return rows.length;
    });
    reminded += count;
    if (options.progress) options.progress.rowsAffected += count;
    // As in auto-close: only an empty batch ends the run.
    if (count === 0) return reminded;
  }
}
