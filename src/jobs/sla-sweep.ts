import { TOP_TIER, type Platform, type Ticket, type Tier } from '../core/model';
import { planDeliveries, type Recipient } from '../core/rules/notifications';
import { checkClock, type SlaCheck, type SlaClock } from '../core/rules/sla';
import { autoAssign } from '../core/services/assignment';
import { transaction, type ServiceContext, type Tx } from '../core/services/context';
import { record } from '../core/services/history';
import { platformsOf } from '../core/services/people';
import { slaSetupFor } from '../core/services/sla';
import { applyPatch, ticketFromRow } from '../core/services/ticket-store';
import { DEFAULT_BATCH_SIZE, type BatchOptions } from './ticket-batch';

export const SLA_SWEEP_JOB = 'sla-sweep';

/**
 * The SLA sweep: every running clock whose next look has come (sla_next_check_at, set by the
 * clock rule) is checked with `checkClock`. A warning is marked and sent to the assignee once; a
 * breach is marked once, alerted to staff, and escalates the ticket to the next tier (at the top
 * tier the admins are told instead).
 *
 * Batch by batch, each in one transaction that locks its tickets (SKIP LOCKED: a ticket a person
 * is changing now, or another sweep holds, is left to the next run). The many quiet cases (a
 * warning, or only new due times) are written set-based in one statement; a breach, which
 * reassigns, goes through the same service code as a person's escalation.
 */
export async function sweepSlaClocks(ctx: ServiceContext, now: Date, options: BatchOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const runCtx: ServiceContext = { ...ctx, clock: { now: () => now } };
  let changed = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    const batch = await transaction(runCtx, (tx) => sweepBatch(tx, now, batchSize));
    changed += batch.changed;
    if (options.progress) options.progress.rowsAffected += batch.changed;
    // A short batch took every unlocked ticket due: no further batch (a round trip of its own) would find one.
    if (batch.read < batchSize) break;
  }
  return changed;
}

/** One batch: how many tickets it read, and how many of them got a warning or a breach. */
async function sweepBatch(tx: Tx, now: Date, batchSize: number): Promise<{ read: number; changed: number }> {
  const rows: Array<Record<string, unknown>> = await tx.manager.query(
    `SELECT ${CLOCK_COLUMNS}, nextval('ticket_event_id_seq') AS event_id FROM ticket t
     WHERE t.status = 'open' AND t.sla_next_check_at <= $1
     ORDER BY t.sla_next_check_at LIMIT $2
     FOR UPDATE SKIP LOCKED`,
    [now, batchSize],
  );
  if (rows.length === 0) return { read: 0, changed: 0 };
  const setup = await slaSetupFor(tx);
  const quiet: Array<{ ticket: Ticket; check: SlaCheck; eventId: number }> = [];
  const breached: Array<{ id: number; check: SlaCheck }> = [];
  for (const row of rows) {
    const ticket = ticketFromRow(row);
    const check = checkClock(ticket, setup, now);
    if (check.breach.length > 0) breached.push({ id: ticket.id, check });
    else quiet.push({ ticket, check, eventId: Number(row.event_id) });
  }
  await writeQuiet(tx, quiet, now);
  if (breached.length > 0) {
    // A breach goes through the services, which may use any field: the whole row (locked above, so unchanged since).
    const full: Array<Record<string, unknown>> = await tx.manager.query(
      `SELECT ${SWEPT_COLUMNS} FROM ticket t WHERE t.id = ANY($1)`,
      [breached.map((b) => b.id)],
    );
    const rowsById = new Map(full.map((row) => [Number(row.id), row]));
    for (const { id, check } of breached) await breach(tx, ticketFromRow(rowsById.get(id)!), check);
  }
  return { read: rows.length, changed: quiet.filter((q) => q.check.warn.length > 0).length + breached.length };
}

/**
 * Warnings and new due times, in one statement: the clock fields of every ticket, a warning event
 * for each warned one (one event per ticket: a run warning both targets names both), and the
 * deliveries `planDeliveries` gives for it.
 */
async function writeQuiet(
  tx: Tx,
  quiet: Array<{ ticket: Ticket; check: SlaCheck; eventId: number }>,
  now: Date,
): Promise<void> {
  if (quiet.length === 0) return;
  // A warning goes to the assignee (or, with none, to staff), never to the customer: only the
  // assignees' platforms are looked up, a handful of people rather than one customer per ticket.
  const assignees = [
    ...new Set(quiet.flatMap((q) => (q.check.warn.length > 0 && q.ticket.assigneeId ? [q.ticket.assigneeId] : []))),
  ];
  const platforms: Map<number, Platform[]> =
    assignees.length > 0 ? await platformsOf(tx.manager, assignees) : new Map();
  const recipient = (personId: number): Recipient => ({ personId, platforms: platforms.get(personId) ?? [] });
  const clocks: Array<Record<string, unknown>> = [];
  const events: Array<Record<string, unknown>> = [];
  const deliveries: Array<Record<string, unknown>> = [];
  // One pass, one merged ticket each: the clock row, and for a warned ticket its event and deliveries.
  for (const { ticket, check, eventId } of quiet) {
    const after = { ...ticket, ...check.patch };
    clocks.push(clockRow(ticket.id, after));
    if (check.warn.length === 0) continue;
    const target = check.warn[0];
    const data = {
      targets: check.warn,
      target,
      dueAt: (target === 'first_response' ? after.firstResponseDueAt : after.resolutionDueAt)?.toISOString(),
    };
    events.push({ id: eventId, ticket_id: ticket.id, kind: 'sla_warning', data });
    const drafts = planDeliveries({
      ticket: after,
      event: { id: eventId, kind: 'sla_warning', actorId: null, data },
      customer: { personId: after.customerId, platforms: [] },
      assignee: after.assigneeId ? recipient(after.assigneeId) : null,
      admins: [],
      policy: tx.ctx.policy,
    });
    for (const d of drafts)
      deliveries.push({ position: deliveries.length, ...d, ticket_id: ticket.id, event_id: eventId });
  }
  await tx.manager.query(WRITE_QUIET_SQL, [
    JSON.stringify(clocks),
    now,
    JSON.stringify(events),
    JSON.stringify(deliveries),
  ]);
  tx.deliveriesWritten += deliveries.length;
}

/** A breach: marked and recorded, then escalated to the next tier (or, at the top, the admins told). */
async function breach(tx: Tx, ticket: Ticket, check: SlaCheck): Promise<void> {
  await applyPatch(tx, ticket, check.patch);
  const target = check.breach[0];
  const atTop = ticket.tier >= TOP_TIER;
  await record(tx, ticket, null, 'sla_breached', { targets: check.breach, target, toAdmins: atTop || undefined });
  if (atTop) return;
  const fromTier = ticket.tier;
  const toTier = (ticket.tier + 1) as Tier;
  await applyPatch(tx, ticket, { tier: toTier });
  await record(tx, ticket, null, 'escalated', { fromTier, toTier, reason: 'sla_breach' });
  await autoAssign(tx, ticket, null, 'escalate');
}

function clockRow(id: number, clock: SlaClock): Record<string, unknown> {
  return {
    id,
    first_response_due_at: clock.firstResponseDueAt,
    resolution_due_at: clock.resolutionDueAt,
    sla_next_check_at: clock.slaNextCheckAt,
    first_response_warned_at: clock.firstResponseWarnedAt,
    resolution_warned_at: clock.resolutionWarnedAt,
  };
}

/**
 * What the sweep reads for every due ticket: what `checkClock` needs, and what a warning's event
 * and deliveries name (planDeliveries for sla_warning: id, number, title, platform, assignee).
 * Not the description, location and the rest: most due tickets only get new times, and a batch
 * of a thousand whole rows is much of the sweep's time (on PGlite above all).
 */
const CLOCK_COLUMNS = [
  'id',
  'number',
  'title',
  'type',
  'status',
  'priority',
  'tier',
  'assignee_id',
  'customer_id',
  'platform',
  'first_response_at',
  'sla_elapsed_seconds',
  'sla_running_since',
  'first_response_due_at',
  'resolution_due_at',
  'sla_next_check_at',
  'first_response_warned_at',
  'first_response_breached_at',
  'resolution_warned_at',
  'resolution_breached_at',
]
  .map((c) => `t.${c}`)
  .join(', ');

/** The ticket's columns but its search vector (large, and not needed here): what a breach reads. */
const SWEPT_COLUMNS = [
  'id',
  'number',
  'title',
  'description',
  'type',
  'status',
  'resolution',
  'priority',
  'impact',
  'urgency',
  'service_id',
  'tier',
  'assignee_id',
  'customer_id',
  'opened_by_id',
  'platform',
  'location',
  'follow_up_of_id',
  'created_at',
  'updated_at',
  'assigned_at',
  'pending_since',
  'first_response_at',
  'resolved_at',
  'last_customer_reply_at',
  'reminders_sent',
  'sla_elapsed_seconds',
  'sla_running_since',
  'first_response_due_at',
  'resolution_due_at',
  'sla_next_check_at',
  'first_response_warned_at',
  'first_response_breached_at',
  'resolution_warned_at',
  'resolution_breached_at',
]
  .map((c) => `t.${c}`)
  .join(', ');

/** The quiet batch's writes: clocks, then warning events and their deliveries (in planned order). */
const WRITE_QUIET_SQL = `
  WITH clocks AS (
    UPDATE ticket t
    SET first_response_due_at = c.first_response_due_at, resolution_due_at = c.resolution_due_at,
        sla_next_check_at = c.sla_next_check_at, first_response_warned_at = c.first_response_warned_at,
        resolution_warned_at = c.resolution_warned_at
    FROM jsonb_to_recordset($1::jsonb) AS c(id int, first_response_due_at timestamptz, resolution_due_at timestamptz,
         sla_next_check_at timestamptz, first_response_warned_at timestamptz, resolution_warned_at timestamptz)
    WHERE t.id = c.id
    RETURNING t.id
  ), events AS (
    INSERT INTO ticket_event (id, ticket_id, actor_id, kind, data, created_at)
    SELECT e.id, e.ticket_id, NULL, e.kind, e.data, $2 FROM jsonb_to_recordset($3::jsonb) AS e(id bigint, ticket_id int, kind text, data jsonb)
    RETURNING id
  )
  INSERT INTO delivery (platform, destination, kind, payload, ticket_id, event_id, not_before, created_at)
  SELECT d.platform, d.destination, d.kind, d.payload, d.ticket_id, d.event_id, $2, $2
  FROM jsonb_to_recordset($4::jsonb) AS d(position int, platform text, destination text, kind text, payload jsonb, ticket_id int, event_id bigint)
  ORDER BY d.position`;
