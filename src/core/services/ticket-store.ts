import { TicketEntity } from '../../db/entities';
import { NotFoundError } from '../errors';
import { notices, refusal } from '../rules/messages';
import type { Ticket } from '../model';
import { priorityFor } from '../rules/priority';
import { startClock, type SlaSetup } from '../rules/sla';
import { slaSetupFor } from './sla';
import type { Tx } from './context';
import { insertTicketSql, ticketFromRow, type StoredTicket } from './ticket-columns';

export { ticketFromRow } from './ticket-columns';

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
  /** A major incident's parent (declared, never opened by a customer). */
  isMajor?: boolean;
}

/** A new ticket's stored fields: open, its priority from the matrix, its SLA clock started at `now`. */
export function newTicketValues(fields: NewTicket, setup: SlaSetup, now: Date): Partial<StoredTicket> {
  const priority = priorityFor(fields.impact, fields.urgency);
  const clock = startClock({ status: 'open', priority, firstResponseAt: null }, setup, now);
  return {
    title: fields.title,
    description: fields.description,
    type: fields.type,
    status: 'open',
    priority,
    impact: fields.impact,
    urgency: fields.urgency,
    tier: fields.tier ?? 1,
    customerId: fields.customerId,
    openedById: fields.openedById,
    platform: fields.platform,
    location: fields.location,
    followUpOfId: fields.followUpOfId,
    createdAt: now,
    updatedAt: now,
    slaRunningSince: clock.slaRunningSince,
    firstResponseDueAt: clock.firstResponseDueAt,
    resolutionDueAt: clock.resolutionDueAt,
    slaNextCheckAt: clock.slaNextCheckAt,
    serviceId: fields.serviceId ?? null,
    ...(fields.isMajor ? { isMajor: true } : {}),
  };
}

/** A new ticket: open, its priority from the matrix, its SLA clock started. */
export async function insertTicket(tx: Tx, fields: NewTicket): Promise<TicketEntity> {
  const { sql, params } = insertTicketSql(newTicketValues(fields, await slaSetupFor(tx), tx.now));
  const [row] = await tx.manager.query(sql, params);
  return ticketFromRow(row);
}
