import { transaction, type ServiceContext, type Tx } from '../core/services/context';
import { applyClockChecks } from '../core/services/sla-checks';
import { CLOCK_FIELDS, ticketColumns, type TicketField } from '../core/services/ticket-columns';
import { atInstant, type BatchRow } from '../core/services/ticket-changes';
import { DEFAULT_BATCH_SIZE, type BatchOptions } from './ticket-batch';

export const SLA_SWEEP_JOB = 'sla-sweep';

/**
 * The SLA sweep: every running clock whose next look has come (sla_next_check_at, set by the
 * clock rule) is handed to the core's `applyClockChecks`. A warning is marked and sent to the
 * assignee once; a breach is marked once, alerted to staff, and escalates the ticket to the next
 * tier (at the top tier the admins are told instead).
 *
 * Batch by batch, each in one transaction that locks its tickets (SKIP LOCKED: a ticket a person
 * is changing now, or another sweep holds, is left to the next run).
 */
export async function sweepSlaClocks(ctx: ServiceContext, now: Date, options: BatchOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const runCtx = atInstant(ctx, now);
  let changed = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    const batch = await transaction(runCtx, (tx) => sweepBatch(tx, batchSize));
    changed += batch.changed;
    if (options.progress) options.progress.rowsAffected += batch.changed;
    // A short batch took every unlocked ticket due: no further batch (a round trip of its own) would find one.
    if (batch.read < batchSize) break;
  }
  return changed;
}

/** One batch: how many tickets it read, and how many of them got a warning or a breach. */
async function sweepBatch(tx: Tx, batchSize: number): Promise<{ read: number; changed: number }> {
  const rows: BatchRow[] = await tx.manager.query(
    `SELECT ${ticketColumns(CLOCK_CHECK_FIELDS)}, t.xmin::text AS version, nextval('ticket_event_id_seq') AS event_id
     FROM ticket t
     WHERE t.status = 'open' AND t.sla_next_check_at <= $1
     ORDER BY t.sla_next_check_at LIMIT $2
     FOR UPDATE SKIP LOCKED`,
    [tx.now, batchSize],
  );
  return { read: rows.length, changed: await applyClockChecks(tx, rows) };
}

/**
 * What the sweep reads for every due ticket: what `checkClock` needs, and what a warning's event
 * and deliveries name (planDeliveries for sla_warning: id, number, title, platform, assignee).
 * Not the description, location and the rest: most due tickets only get new times, and a batch
 * of a thousand whole rows is much of the sweep's time (on PGlite above all). A breach reads the
 * whole row again.
 */
const CLOCK_CHECK_FIELDS: readonly TicketField[] = [
  'id',
  'number',
  'title',
  'type',
  'status',
  'priority',
  'tier',
  'assigneeId',
  'customerId',
  'platform',
  'firstResponseAt',
  'isMajor',
  'majorIncidentId',
  ...CLOCK_FIELDS,
];
