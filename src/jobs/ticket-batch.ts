import type { EntityManager } from 'typeorm';
import { DAY } from '../core/clock';
import type { Ticket } from '../core/model';
import { planDeliveries, type Recipient } from '../core/rules/notifications';
import type { Tx } from '../core/services/context';
import { insertDeliveries, type DeliveryRow } from '../core/services/history';
import { platformsOf } from '../core/services/people';
import type { JobProgress } from './job-runner';

/**
 * What the set-based jobs share: the ticket columns a batch returns, turning those rows into the
 * core's Ticket, and writing each changed ticket's deliveries through `planDeliveries` (the one
 * place that decides who is told what) in one INSERT for the whole batch.
 */

/** Tickets handled per transaction: big enough to be set-based, small enough to hold locks briefly. */
export const DEFAULT_BATCH_SIZE = 1000;

export interface BatchOptions {
  batchSize?: number;
  /** Counts each committed batch, so a run that fails half-way still reports what it did. */
  progress?: JobProgress;
}

/**
 * The ticket columns a batch RETURNs (never `search`: its tsvector is large and no job needs it).
 * Qualified by the alias `t`.
 */
export const TICKET_COLUMNS = `t.id, t.number, t.title, t.description, t.type, t.status, t.resolution, t.priority, t.impact,
  t.urgency, t.service_id, t.tier, t.assignee_id, t.customer_id, t.opened_by_id, t.platform, t.follow_up_of_id,
  t.created_at, t.pending_since, t.first_response_at, t.resolved_at, t.last_customer_reply_at, t.reminders_sent`;

/** A row with TICKET_COLUMNS, plus the event the batch wrote for it. */
export interface TicketEventRow {
  id: number;
  number: number;
  title: string;
  description: string;
  type: Ticket['type'];
  status: Ticket['status'];
  resolution: Ticket['resolution'];
  priority: Ticket['priority'];
  impact: Ticket['impact'];
  urgency: Ticket['urgency'];
  service_id: number | null;
  tier: Ticket['tier'];
  assignee_id: number | null;
  customer_id: number;
  opened_by_id: number;
  platform: Ticket['platform'];
  follow_up_of_id: number | null;
  created_at: Date;
  pending_since: Date | null;
  first_response_at: Date | null;
  resolved_at: Date | null;
  last_customer_reply_at: Date | null;
  reminders_sent: number;
  event_id: number;
  event_kind: string;
  event_data: Record<string, unknown>;
}

export function ticketFromRow(row: TicketEventRow): Ticket {
  return {
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
    followUpOfId: row.follow_up_of_id,
    createdAt: row.created_at,
    pendingSince: row.pending_since,
    firstResponseAt: row.first_response_at,
    resolvedAt: row.resolved_at,
    lastCustomerReplyAt: row.last_customer_reply_at,
    remindersSent: row.reminders_sent,
  };
}

/**
 * The rows of any statement. TypeORM answers a statement whose command is UPDATE or DELETE with
 * [rows, count] and others with the rows alone; the structured result is the same for all.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = await manager.query(sql, params, true);
  return result.records as T[];
}

/** The instant `days` (possibly fractional) before `now`: 24-hour days, as everywhere in the core. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY);
}

/**
 * Plans the deliveries of a batch's events (one per ticket, written by the batch's statement, the
 * helpdesk as actor) and writes them in one INSERT, in the caller's transaction. Returns how many.
 */
export async function writeBatchDeliveries(tx: Tx, rows: TicketEventRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const people = new Set<number>();
  for (const row of rows) {
    people.add(row.customer_id);
    if (row.assignee_id) people.add(row.assignee_id);
  }
  const platforms = await platformsOf(tx.manager, [...people]);
  const recipient = (personId: number): Recipient => ({ personId, platforms: platforms.get(personId) ?? [] });

  const deliveries: DeliveryRow[] = [];
  for (const row of rows) {
    const ticket = ticketFromRow(row);
    const drafts = planDeliveries({
      ticket,
      event: { id: row.event_id, kind: row.event_kind, actorId: null, data: row.event_data },
      customer: recipient(ticket.customerId),
      assignee: ticket.assigneeId ? recipient(ticket.assigneeId) : null,
      // Admins hear only of tickets waiting for a supporter, an event no job writes.
      admins: [],
      policy: tx.ctx.policy,
    });
    for (const draft of drafts) deliveries.push({ ...draft, ticketId: ticket.id, eventId: row.event_id });
  }
  const written = await insertDeliveries(tx.manager, deliveries, tx.now);
  tx.deliveriesWritten += written;
  return written;
}
