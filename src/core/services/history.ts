import { TicketEventEntity } from '../../db/entities';
import type { Ticket } from '../model';
import { planDeliveries, type Recipient } from '../rules/notifications';
import { platformsOf } from './people';
import type { Tx } from './context';

export type EventKind =
  | 'opened'
  | 'assigned'
  | 'waiting'
  | 'commented'
  | 'noted'
  | 'status_changed'
  | 'type_changed'
  | 'priority_changed'
  | 'escalated'
  | 'follow_up_opened'
  | 'comment_edited'
  | 'comment_deleted'
  | 'comment_redacted';

/**
 * Appends one event to a ticket's history and writes the deliveries it causes, in the caller's
 * transaction: the change, its record and its notifications commit together or not at all.
 */
export async function record(
  tx: Tx,
  ticket: Ticket,
  actorId: number | null,
  kind: EventKind,
  data: Record<string, unknown> = {},
): Promise<number> {
  const { manager, now } = tx;
  const [event] = await manager.query(
    `INSERT INTO ticket_event (ticket_id, actor_id, kind, data, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [ticket.id, actorId, kind, data, now],
  );
  const admins = kind === 'waiting' ? await adminIds(tx) : [];
  const people = [ticket.customerId, ...(ticket.assigneeId ? [ticket.assigneeId] : []), ...admins];
  const platforms = await platformsOf(manager, [...new Set(people)]);
  const recipient = (personId: number): Recipient => ({ personId, platforms: platforms.get(personId) ?? [] });
  const drafts = planDeliveries({
    ticket,
    event: { id: event.id, kind, actorId, data },
    customer: recipient(ticket.customerId),
    assignee: ticket.assigneeId ? recipient(ticket.assigneeId) : null,
    admins: admins.map(recipient),
    policy: tx.ctx.policy,
  });
  if (drafts.length > 0) {
    const values: unknown[] = [];
    const rows = drafts.map((d) => {
      const at = values.length + 3; // $1..$3 are shared by every row
      values.push(d.platform, d.destination, d.kind, d.payload);
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $1, $2, $3, $3)`;
    });
    await manager.query(
      `INSERT INTO delivery (platform, destination, kind, payload, ticket_id, event_id, not_before, created_at) VALUES ${rows.join(', ')}`,
      [ticket.id, event.id, now, ...values],
    );
    tx.deliveriesWritten += drafts.length;
  }
  return event.id;
}

async function adminIds(tx: Tx): Promise<number[]> {
  const rows: Array<{ id: number }> = await tx.manager.query(`SELECT id FROM person WHERE is_admin AND merged_into_id IS NULL ORDER BY id`);
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
