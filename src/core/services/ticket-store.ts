import { TicketEntity } from '../../db/entities';
import { NotFoundError } from '../errors';
import type { Ticket } from '../model';
import type { TicketPatch } from '../rules/transitions';
import type { Tx } from './context';

/** Loads a ticket by its number, locked for the rest of the transaction. */
export async function lockTicket(tx: Tx, number: number): Promise<TicketEntity> {
  const ticket = await tx.manager.findOne(TicketEntity, { where: { number }, lock: { mode: 'pessimistic_write' } });
  if (!ticket) throw new NotFoundError(`There is no ticket #${number}.`);
  return ticket;
}

export async function findTicket(tx: Pick<Tx, 'manager'>, number: number): Promise<TicketEntity> {
  const ticket = await tx.manager.findOne(TicketEntity, { where: { number } });
  if (!ticket) throw new NotFoundError(`There is no ticket #${number}.`);
  return ticket;
}

/** Writes a rule's patch and keeps the in-memory ticket in step, so later events see the change. */
export async function applyPatch(tx: Tx, ticket: Ticket, patch: TicketPatch & Partial<Ticket>): Promise<void> {
  Object.assign(ticket, patch);
  await tx.manager.update(TicketEntity, ticket.id, { ...patch, updatedAt: tx.now });
}

export interface NewTicket {
  title: string;
  description: string;
  type: Ticket['type'];
  impact: Ticket['impact'];
  urgency: Ticket['urgency'];
  customerId: number;
  openedById: number;
  platform: Ticket['platform'];
  location: Record<string, string>;
  followUpOfId: number | null;
}

export async function insertTicket(tx: Tx, fields: NewTicket): Promise<TicketEntity> {
  const [row] = await tx.manager.query(
    `INSERT INTO ticket (title, description, type, status, priority, impact, urgency, tier, customer_id, opened_by_id,
                         platform, location, follow_up_of_id, created_at, updated_at)
     VALUES ($1, $2, $3, 'open', 'P3', $4, $5, 1, $6, $7, $8, $9, $10, $11, $11)
     RETURNING *`,
    [
      fields.title,
      fields.description,
      fields.type,
      fields.impact,
      fields.urgency,
      fields.customerId,
      fields.openedById,
      fields.platform,
      fields.location,
      fields.followUpOfId,
      tx.now,
    ],
  );
  return ticketFromRow(row);
}

/** A raw `ticket` row (snake_case, as RETURNING * gives it) as the entity. */
export function ticketFromRow(row: Record<string, unknown>): TicketEntity {
  return Object.assign(new TicketEntity(), {
    id: row.id,
    number: row.number,
    title: row.title,
    description: row.description,
    type: row.type,
    status: row.status,
    resolution: row.resolution,
    priority: row.priority,
    impact: row.impact,
    urgency: row.urgency,
    serviceId: row.service_id,
    tier: row.tier,
    assigneeId: row.assignee_id,
    customerId: row.customer_id,
    openedById: row.opened_by_id,
    platform: row.platform,
    location: row.location,
    followUpOfId: row.follow_up_of_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    assignedAt: row.assigned_at,
    pendingSince: row.pending_since,
    firstResponseAt: row.first_response_at,
    resolvedAt: row.resolved_at,
    lastCustomerReplyAt: row.last_customer_reply_at,
    remindersSent: row.reminders_sent,
  });
}
