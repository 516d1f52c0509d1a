import { TicketEntity } from '../../db/entities';
import { NotFoundError } from '../errors';
import { notices, refusal } from '../rules/messages';
import type { Ticket } from '../model';
import { priorityFor } from '../rules/priority';
import { clockAfterChange, movesClock, startClock } from '../rules/sla';
import type { TicketPatch } from '../rules/transitions';
import { slaSetupFor } from './sla';
import type { Tx } from './context';

/** Loads a ticket by its number, locked for the rest of the transaction. */
export async function lockTicket(tx: Tx, number: number): Promise<TicketEntity> {
  const ticket = await tx.manager.findOne(TicketEntity, { where: { number }, lock: { mode: 'pessimistic_write' } });
  if (!ticket) throw new NotFoundError(refusal(notices.noTicket({ number })));
  return ticket;
}

/** Loads a ticket by its id, locked for the rest of the transaction. */
export async function lockTicketByIdIn(tx: Tx, id: number): Promise<TicketEntity> {
  const ticket = await tx.manager.findOne(TicketEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!ticket) throw new NotFoundError(`ticket id ${id} does not exist`);
  return ticket;
}

export async function findTicket(tx: Pick<Tx, 'manager'>, number: number): Promise<TicketEntity> {
  const ticket = await tx.manager.findOne(TicketEntity, { where: { number } });
  if (!ticket) throw new NotFoundError(refusal(notices.noTicket({ number })));
  return ticket;
}

/**
 * Writes a rule's patch and keeps the in-memory ticket in step, so later events see the change.
 * Every change to a ticket passes here, so this is where the SLA clock follows it: a status,
 * priority or first response that moves the clock moves it in the same update.
 */
export async function applyPatch(tx: Tx, ticket: Ticket, patch: TicketPatch & Partial<Ticket>): Promise<void> {
  const before = { ...ticket };
  Object.assign(ticket, patch);
  const clock = movesClock(before, ticket) ? clockAfterChange(before, ticket, await slaSetupFor(tx), tx.now) : {};
  Object.assign(ticket, clock);
  await tx.manager.update(TicketEntity, ticket.id, { ...patch, ...clock, updatedAt: tx.now });
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
  /** The catalog service it is about; its tickets start at the service's owning tier. */
  serviceId?: number | null;
  tier?: Ticket['tier'];
}

/** A new ticket: open, its priority from the matrix, its SLA clock started. */
export async function insertTicket(tx: Tx, fields: NewTicket): Promise<TicketEntity> {
  const priority = priorityFor(fields.impact, fields.urgency);
  const clock = startClock({ status: 'open', priority, firstResponseAt: null }, await slaSetupFor(tx), tx.now);
  const [row] = await tx.manager.query(
    `INSERT INTO ticket (title, description, type, status, priority, impact, urgency, tier, customer_id, opened_by_id,
                         platform, location, follow_up_of_id, created_at, updated_at,
                         sla_running_since, first_response_due_at, resolution_due_at, sla_next_check_at, service_id)
     VALUES ($1, $2, $3, 'open', $12, $4, $5, $18, $6, $7, $8, $9, $10, $11, $11, $13, $14, $15, $16, $17)
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
      priority,
      clock.slaRunningSince,
      clock.firstResponseDueAt,
      clock.resolutionDueAt,
      clock.slaNextCheckAt,
      fields.serviceId ?? null,
      fields.tier ?? 1,
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
    slaElapsedSeconds: row.sla_elapsed_seconds,
    slaRunningSince: row.sla_running_since,
    firstResponseDueAt: row.first_response_due_at,
    resolutionDueAt: row.resolution_due_at,
    slaNextCheckAt: row.sla_next_check_at,
    firstResponseWarnedAt: row.first_response_warned_at,
    firstResponseBreachedAt: row.first_response_breached_at,
    resolutionWarnedAt: row.resolution_warned_at,
    resolutionBreachedAt: row.resolution_breached_at,
    isMajor: row.is_major ?? false,
    majorIncidentId: row.major_incident_id ?? null,
    majorProposalId: row.major_proposal_id ?? null,
    lookAlikeDismissedAt: row.look_alike_dismissed_at ?? null,
  });
}
