import type { Platform, Resolution, Ticket } from '../model';
import { planDeliveries, type DeliveryDraft, type Recipient } from '../rules/notifications';
import { clockAfterChange, movesClock, type SlaClock, type SlaSetup } from '../rules/sla';
import * as transitions from '../rules/transitions';
import type { ServiceContext, Tx } from './context';
import { deliveryRows, insertDeliveriesSql, type DeliveryRow } from './delivery-insert';
import { recordEvent } from './history';
import type { TicketEventData } from '../events';
import { resolveChildrenInTx } from './major-incidents';
import { platformsOf } from './people';
import { slaSetupFor } from './sla';
import {
  CLOCK_FIELDS,
  TICKET_COLUMNS,
  ticketColumns,
  ticketFromRow,
  type StoredTicket,
  type TicketField,
} from './ticket-columns';

/**
 * Every change to a ticket, one at a time or many at once, and all it brings with it: the SLA
 * clock (`clockAfterChange`, with its breach marks), the event and the deliveries it plans, and a
 * major incident's parent taking its joined tickets along when it is resolved. A person's change
 * goes through `applyChange`; a scheduled job selects what is due and hands the rows here
 * (`planBatch`, then `writeBatch`), which writes a whole batch in one statement, set-based, with
 * the same rules. Nothing else writes a ticket's columns, its clock, its events or its deliveries
 * (but the opening's insert, ticket-store.ts, and the bookkeeping no person sees change,
 * ticket-bookkeeping.ts; a test scans the services and jobs for any other writer).
 */

/**
 * What a person sees change on a ticket: everything but what the database or the opening keeps
 * (its id, number, creation; updated_at, which every change stamps).
 */
export type ChangePatch = Partial<Omit<StoredTicket, 'id' | 'number' | 'createdAt' | 'updatedAt'>>;

/** What a rule does to one ticket: its patch, and the event recording it (null: only the SLA clock's own bookkeeping). */
export interface TicketChange {
  patch: ChangePatch;
  event: TicketEventData | null;
}

/**
 * One ticket's change, in the caller's transaction (the ticket loaded and locked by it): the
 * patch and the clock it moves, the event and its deliveries, and a major incident's parent
 * taking its joined tickets along when it is resolved. An empty patch writes only the event (a
 * comment, a rating: the ticket's columns stay, updated_at too). Answers the event's id.
 */
export async function applyChange(
  tx: Tx,
  ticket: Ticket,
  actorId: number | null,
  change: TicketChange,
): Promise<number | null> {
  const from = ticket.status;
  if (Object.keys(change.patch).length > 0) await writePatch(tx, ticket, change.patch);
  const eventId = change.event ? await recordEvent(tx, ticket, actorId, change.event) : null;
  if (ticket.isMajor && from !== 'resolved' && ticket.status === 'resolved')
    await resolveChildrenInTx(tx, ticket, (child) => resolveInTx(tx, child, actorId, 'closed_with_major_incident'));
  return eventId;
}

/** A change that is only its event (a comment, a note, a rating): `applyChange` with nothing to patch. */
export function recordChange(tx: Tx, ticket: Ticket, actorId: number | null, event: TicketEventData): Promise<number> {
  return applyChange(tx, ticket, actorId, { patch: {}, event }) as Promise<number>;
}

/**
 * Writes a patch and keeps the in-memory ticket in step, so the event and later changes see it.
 * The SLA clock follows: a status, priority or first response that moves the clock moves it in
 * the same update. (A batch applies the same clock rule in `planBatch`.) A patch that assigns a
 * supporter stamps the supporter's last assignment too.
 */
async function writePatch(tx: Tx, ticket: Ticket, patch: TicketChange['patch']): Promise<void> {
  const before = { ...ticket };
  Object.assign(ticket, patch);
  const clock = movesClock(before, ticket) ? clockAfterChange(before, ticket, await slaSetupFor(tx), tx.now) : {};
  Object.assign(ticket, clock);
  // Assigning a supporter stamps their last assignment (what the round robin orders by) in the
  // same statement: an opening assigns, and a round trip more would be paid by every opening.
  const assigned = patch.assigneeId ?? null;
  const { sql, params } = updateTicketSql(
    ticket.id,
    { ...patch, ...clock, updatedAt: tx.now },
    assigned === null
      ? undefined
      : {
          cte: (n) => `stamped AS (UPDATE person SET last_assigned_at = $${n} WHERE id = $${n + 1})`,
          params: [tx.now, assigned],
        },
  );
  await tx.manager.query(sql, params);
}

/**
 * One UPDATE of a ticket row by id: the columns of `values` set to their parameters ($2…; $1 is
 * the id), each typed by its column (a jsonb value goes as its JSON text). `before` is an optional
 * data-modifying CTE run in the same statement (its own parameters come after the values').
 */
function updateTicketSql(
  id: number,
  values: Partial<StoredTicket>,
  before?: { cte: (firstParam: number) => string; params: unknown[] },
): { sql: string; params: unknown[] } {
  const fields = (Object.keys(values) as TicketField[]).filter((field) => values[field] !== undefined);
  const params: unknown[] = [id];
  const sets = fields.map((field) => {
    const [column, type] = TICKET_COLUMNS[field];
    const value = values[field];
    params.push(type === 'jsonb' && value !== null ? JSON.stringify(value) : value);
    return `${column} = $${params.length}::${type}`;
  });
  const cte = before ? `WITH ${before.cte(params.length + 1)} ` : '';
  if (before) params.push(...before.params);
  return { sql: `${cte}UPDATE ticket SET ${sets.join(', ')} WHERE id = $1`, params };
}

/** Resolves a ticket (a person, the auto-close, or its major incident closing) as `transitions.resolve` says. */
export async function resolveInTx(
  tx: Tx,
  ticket: Ticket,
  actorId: number | null,
  resolution: Resolution,
): Promise<void> {
  await applyChange(tx, ticket, actorId, {
    patch: transitions.resolve(ticket, resolution, tx.now),
    event: { kind: 'status_changed', data: { from: ticket.status, to: 'resolved', resolution } },
  });
}

/**
 * A ticket as a batch reads it: the columns of the fields its job reads (`ticketColumns`), the
 * row version it was read at (`xmin::text AS version`) and an event id drawn for it (`event_id`),
 * so the deliveries planned for its event carry that id.
 */
export type BatchRow = Record<string, unknown> & { version: string; event_id: number | string };

/** A batch planned: the set-based part as the write statement takes it, and the few tickets that go one at a time. */
export interface PlannedBatch {
  /** Tickets changed set-based. */
  count: number;
  fields: TicketField[];
  tickets: string;
  deliveries: string;
  /** Changes that take other tickets along (a major incident's parent resolved): made one at a time, as a person's. */
  single: Array<{ id: number; version: string }>;
  change: (ticket: Ticket) => TicketChange | null;
}

/** The clock's own bookkeeping: changing only these is no change a person would see (updated_at stays). */
const CLOCK_ONLY = new Set<string>(CLOCK_FIELDS);

/**
 * Decides each read ticket's change with the job's rule, and what follows from it with the
 * core's: the clock, the event, the deliveries. Runs outside the write's transaction (a job plans
 * its next batch while the last one is written); `writeBatch` writes only tickets still at the
 * version read here.
 */
export async function planBatch(
  source: Pick<Tx, 'manager' | 'ctx'>,
  rows: BatchRow[],
  now: Date,
  change: (ticket: Ticket) => TicketChange | null,
): Promise<PlannedBatch> {
  let setup: SlaSetup | null = null;
  const planned: Array<{ row: BatchRow; before: Ticket; after: Ticket; written: string[]; change: TicketChange }> = [];
  const single: PlannedBatch['single'] = [];
  for (const row of rows) {
    const before: Ticket = ticketFromRow(row);
    const decided = change(before);
    if (!decided) continue;
    let after: Ticket = { ...before, ...decided.patch };
    let clock: Partial<SlaClock> = {};
    if (movesClock(before, after)) {
      assertRead(before, CLOCK_INPUTS);
      setup ??= await slaSetupFor(source);
      clock = clockAfterChange(before, after, setup, now);
      after = { ...after, ...clock };
    }
    if (before.isMajor && before.status !== 'resolved' && after.status === 'resolved') {
      single.push({ id: before.id, version: row.version });
      continue;
    }
    planned.push({
      row,
      before,
      after,
      written: [...Object.keys(decided.patch), ...Object.keys(clock)],
      change: decided,
    });
  }
  const fields = [...new Set(planned.flatMap((p) => p.written))] as TicketField[];
  // A field one ticket's change writes is written for the whole batch: every other ticket keeps the value it was read with.
  for (const p of planned)
    assertRead(p.before, fields.filter((field) => !p.written.includes(field)) as Array<keyof Ticket>);

  // The people's platforms are looked up only if a planned notice reads them (a direct message):
  // a reminder or a closing notice goes to the ticket's own place, and the lookup is a query per batch.
  const looked: { platforms: Map<number, Platform[]> | null } = { platforms: null };
  const recipient = (personId: number): Recipient => new LookedUpRecipient(personId, looked);
  const lookUpPlatforms = async () => {
    const people = new Set<number>();
    for (const { after, change: c } of planned) {
      if (!c.event) continue;
      people.add(after.customerId);
      if (after.assigneeId) people.add(after.assigneeId);
    }
    looked.platforms = await platformsOf(source.manager, [...people]);
  };

  const tickets: Array<Record<string, unknown>> = [];
  const deliveries: DeliveryRow[] = [];
  for (const { row, after, written, change: c } of planned) {
    const eventId = Number(row.event_id);
    const values: Record<string, unknown> = {
      id: after.id,
      version: row.version,
      touched: written.some((field) => !CLOCK_ONLY.has(field)),
      event_id: c.event ? eventId : null,
      event_kind: c.event?.kind ?? null,
      event_data: c.event?.data ?? null,
    };
    for (const field of fields) values[TICKET_COLUMNS[field][0]] = after[field as keyof Ticket];
    tickets.push(values);
    if (!c.event) continue;
    const event = c.event;
    const plan = () =>
      planDeliveries({
        ticket: after,
        // The helpdesk acts (actor null), as when a person's change is recorded by `applyChange`.
        event: { id: eventId, actorId: null, ...event },
        customer: recipient(after.customerId),
        assignee: after.assigneeId ? recipient(after.assigneeId) : null,
        // Admins hear only of tickets waiting for a supporter, and of breaches at the top tier: one at a time, not here.
        admins: [],
        policy: source.ctx.policy,
      });
    let drafts: DeliveryDraft[];
    try {
      drafts = plan();
    } catch (error) {
      if (error !== PLATFORMS_NEEDED) throw error;
      await lookUpPlatforms();
      drafts = plan();
    }
    deliveries.push(...deliveryRows(drafts, { ticketId: after.id, eventId }, deliveries.length));
  }
  return {
    count: tickets.length,
    fields,
    tickets: JSON.stringify(tickets),
    deliveries: JSON.stringify(deliveries),
    single,
    change,
  };
}

/** Thrown by a recipient whose platforms are read before they were looked up: look them up, plan again. */
const PLATFORMS_NEEDED = new Error('platforms not looked up yet');

/** A recipient whose platforms are read from the batch's lookup, once there is one (a class: two per ticket). */
class LookedUpRecipient implements Recipient {
  constructor(
    readonly personId: number,
    private readonly looked: { platforms: Map<number, Platform[]> | null },
  ) {}

  get platforms(): Platform[] {
    if (!this.looked.platforms) throw PLATFORMS_NEEDED;
    return this.looked.platforms.get(this.personId) ?? [];
  }
}

/** What the clock rule reads of a ticket whose change moves its clock. */
const CLOCK_INPUTS: Array<keyof Ticket> = [
  'status',
  'priority',
  'firstResponseAt',
  'majorIncidentId',
  ...CLOCK_FIELDS,
] as Array<keyof Ticket>;

function assertRead(ticket: Ticket, fields: ReadonlyArray<keyof Ticket>): void {
  const missing = fields.filter((field) => ticket[field] === undefined);
  if (missing.length > 0) throw new Error(`a batch changes tickets by ${missing.join(', ')}, which it did not read`);
}

/**
 * Writes a planned batch in the caller's transaction (whose now is the instant it was planned
 * for): one statement locks the tickets still at the version read (SKIP LOCKED: one a person is
 * changing right now is left to the next run), updates them, appends their events (with the ids
 * drawn when reading) and inserts the deliveries of the tickets actually changed. Then the few
 * that take others along, one at a time, if still unchanged. Answers how many tickets it changed.
 * (A batch with none of those is the one statement, atomic by itself: a job runs it outside any
 * transaction, `singleStatement`.)
 */
export async function writeBatch(tx: Tx, batch: PlannedBatch): Promise<{ changed: number; events: number }> {
  let changed = 0;
  let events = 0;
  if (batch.count > 0) {
    const [result]: Array<{ changed: number; events: number; deliveries: number }> = await tx.manager.query(
      writeSql(batch.fields),
      [batch.tickets, tx.now, batch.deliveries],
    );
    tx.deliveriesWritten += result.deliveries;
    changed += result.changed;
    events += result.events;
  }
  for (const { id, version } of batch.single) {
    const [row]: Array<Record<string, unknown>> = await tx.manager.query(
      `SELECT ${ticketColumns()} FROM ticket t WHERE t.id = $1 AND t.xmin::text = $2 FOR UPDATE SKIP LOCKED`,
      [id, version],
    );
    if (!row) continue;
    const ticket = ticketFromRow(row);
    const decided = batch.change(ticket);
    if (!decided) continue;
    await applyChange(tx, ticket, null, decided);
    changed++;
    if (decided.event) events++;
  }
  return { changed, events };
}

const writeStatements = new Map<string, string>();

/**
 * The batch statement for a set of written fields (a job writes the same few every time: built
 * once). The tickets are updated at the row address their lock found (ctid: a locked row stays
 * where it is until this statement updates it), not looked up by id a second time.
 */
function writeSql(fields: TicketField[]): string {
  const key = fields.join(',');
  const cached = writeStatements.get(key);
  if (cached) return cached;
  const columns = fields.map((field) => TICKET_COLUMNS[field]);
  const sql = `
    WITH planned AS (
      SELECT * FROM json_to_recordset($1::json) AS p(id int, version text, touched boolean, event_id bigint, event_kind text,
        event_data jsonb${columns.map(([column, type]) => `, ${column} ${type}`).join('')})
    ), locked AS (
      SELECT t.ctid AS row_address, p.* FROM ticket t JOIN planned p ON p.id = t.id
      WHERE t.xmin::text = p.version
      FOR UPDATE OF t SKIP LOCKED
    ), changed AS (
      UPDATE ticket t
      SET ${columns.map(([column]) => `${column} = p.${column}, `).join('')}updated_at = CASE WHEN p.touched THEN $2 ELSE t.updated_at END
      FROM locked p
      WHERE t.ctid = p.row_address
      RETURNING t.id
    ), events AS (
      INSERT INTO ticket_event (id, ticket_id, actor_id, kind, data, created_at)
      SELECT p.event_id, p.id, NULL, p.event_kind, p.event_data, $2 FROM changed JOIN planned p ON p.id = changed.id
      WHERE p.event_kind IS NOT NULL
      RETURNING id
    ), deliveries AS (
      ${insertDeliveriesSql({ rows: '$3', at: '$2', where: 'd.ticket_id IN (SELECT id FROM changed)' })}
      RETURNING id
    )
    SELECT (SELECT count(*)::int FROM changed) AS changed, (SELECT count(*)::int FROM events) AS events,
           (SELECT count(*)::int FROM deliveries) AS deliveries`;
  writeStatements.set(key, sql);
  return sql;
}

/** A run's context whose clock stands at `now`: every batch of one run is stamped with the run's time. */
export function atInstant(ctx: ServiceContext, now: Date): ServiceContext {
  return { ...ctx, clock: { now: () => now } };
}
