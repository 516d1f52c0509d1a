import { TicketEventEntity } from '../../db/entities';
import type { Platform, Ticket } from '../model';
import { planDeliveries, type DeliveryDraft, type Recipient } from '../rules/notifications';
import { deliveryRows, insertDeliveriesSql } from './delivery-insert';
import { platformsOf } from './people';
import type { Tx } from './context';
import type { TicketEventData } from '../events';

export type { EventKind } from '../events';

/**
 * Appends one event to a ticket's history and writes the deliveries it causes, in the caller's
 * transaction: the change, its record and its notifications commit together or not at all.
 * Called by ticket-changes.ts only (`applyChange`): a service records a change through it.
 */
export async function recordEvent(
  tx: Tx,
  ticket: Ticket,
  actorId: number | null,
  event: TicketEventData,
): Promise<number> {
  const { manager, now } = tx;
  const { kind, data } = event;
  // Admins hear of tickets no one can take, and of breaches with no tier left to escalate to.
  const admins =
    kind === 'waiting' || (kind === 'sla_breached' && 'toAdmins' in data && data.toAdmins) ? await adminIds(tx) : [];
  const people = [...new Set([ticket.customerId, ...(ticket.assigneeId ? [ticket.assigneeId] : []), ...admins])];
  const platforms = await platformsFor(tx, people);
  const recipient = (personId: number): Recipient => ({ personId, platforms: platforms.get(personId) ?? [] });
  const drafts = planDeliveries({
    ticket,
    // The rule never puts the event's id into what it plans, so it can be planned before the insert.
    event: { id: 0, actorId, ...event },
    customer: recipient(ticket.customerId),
    assignee: ticket.assigneeId ? recipient(ticket.assigneeId) : null,
    admins: admins.map(recipient),
    policy: tx.ctx.policy,
  });
  // The event and its deliveries in one statement: one round trip fewer inside every change.
  const [inserted] = await manager.query(
    `WITH event AS (
       INSERT INTO ticket_event (ticket_id, actor_id, kind, data, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id
     ), deliveries AS (${insertDeliveriesSql({ rows: '$6', at: '$5', join: 'event', eventId: 'event.id' })})
     SELECT id FROM event`,
    [ticket.id, actorId, kind, data, now, JSON.stringify(deliveryRows(drafts, { ticketId: ticket.id, eventId: null }))],
  );
  tx.deliveriesWritten += drafts.length;
  return inserted.id;
}

/** Deliveries that belong to no ticket event (a major-incident proposal's alert), in the caller's transaction. */
export async function writeDeliveries(tx: Tx, drafts: readonly DeliveryDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await tx.manager.query(insertDeliveriesSql({ rows: '$1', at: '$2' }), [
    JSON.stringify(deliveryRows(drafts, { ticketId: null, eventId: null })),
    tx.now,
  ]);
  tx.deliveriesWritten += drafts.length;
}

/** Platforms per person, asking the database only for those this transaction has not seen yet. */
async function platformsFor(tx: Tx, personIds: number[]): Promise<Map<number, Platform[]>> {
  const unknown = personIds.filter((id) => !tx.knownPlatforms.has(id));
  if (unknown.length > 0) {
    for (const [id, list] of await platformsOf(tx.manager, unknown)) tx.knownPlatforms.set(id, list);
  }
  return tx.knownPlatforms;
}

async function adminIds(tx: Tx): Promise<number[]> {
  const rows: Array<{ id: number }> = await tx.manager.query(
    `SELECT id FROM person WHERE is_admin AND merged_into_id IS NULL ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

export interface HistoryEntry {
  id: number;
  kind: string;
  actorId: number | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export async function historyOf(tx: Pick<Tx, 'manager'>, ticketId: number): Promise<HistoryEntry[]> {
  const rows = await tx.manager.find(TicketEventEntity, { where: { ticketId }, order: { id: 'ASC' } });
  return rows.map((r) => ({ id: r.id, kind: r.kind, actorId: r.actorId, data: r.data, createdAt: r.createdAt }));
}
