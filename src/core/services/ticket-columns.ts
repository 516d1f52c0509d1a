import { TicketEntity } from '../../db/entities';
import type { Ticket } from '../model';

/**
 * The ticket's columns, listed once: each field of a stored ticket with its column and SQL type.
 * Every hand-written statement on `ticket` (reading a row, inserting one, a batch job's read and
 * write) builds its column list from here, so a new column is added in one place. `search` is
 * left out on purpose: the database keeps it (a trigger on title and description) and it is
 * large, so nothing reads it back.
 */
export type StoredTicket = Ticket & Pick<TicketEntity, 'location' | 'updatedAt' | 'assignedAt'>;
export type TicketField = keyof StoredTicket;

export type ColumnType = 'int' | 'bigint' | 'smallint' | 'text' | 'jsonb' | 'boolean' | 'timestamptz';

export const TICKET_COLUMNS: { readonly [F in TicketField]: readonly [column: string, type: ColumnType] } = {
  id: ['id', 'int'],
  number: ['number', 'int'],
  title: ['title', 'text'],
  description: ['description', 'text'],
  type: ['type', 'text'],
  status: ['status', 'text'],
  resolution: ['resolution', 'text'],
  priority: ['priority', 'text'],
  impact: ['impact', 'text'],
  urgency: ['urgency', 'text'],
  serviceId: ['service_id', 'int'],
  tier: ['tier', 'smallint'],
  assigneeId: ['assignee_id', 'int'],
  customerId: ['customer_id', 'int'],
  openedById: ['opened_by_id', 'int'],
  platform: ['platform', 'text'],
  location: ['location', 'jsonb'],
  followUpOfId: ['follow_up_of_id', 'int'],
  createdAt: ['created_at', 'timestamptz'],
  updatedAt: ['updated_at', 'timestamptz'],
  assignedAt: ['assigned_at', 'timestamptz'],
  pendingSince: ['pending_since', 'timestamptz'],
  firstResponseAt: ['first_response_at', 'timestamptz'],
  resolvedAt: ['resolved_at', 'timestamptz'],
  lastCustomerReplyAt: ['last_customer_reply_at', 'timestamptz'],
  remindersSent: ['reminders_sent', 'smallint'],
  slaElapsedSeconds: ['sla_elapsed_seconds', 'int'],
  slaRunningSince: ['sla_running_since', 'timestamptz'],
  firstResponseDueAt: ['first_response_due_at', 'timestamptz'],
  resolutionDueAt: ['resolution_due_at', 'timestamptz'],
  slaNextCheckAt: ['sla_next_check_at', 'timestamptz'],
  firstResponseWarnedAt: ['first_response_warned_at', 'timestamptz'],
  firstResponseBreachedAt: ['first_response_breached_at', 'timestamptz'],
  resolutionWarnedAt: ['resolution_warned_at', 'timestamptz'],
  resolutionBreachedAt: ['resolution_breached_at', 'timestamptz'],
  isMajor: ['is_major', 'boolean'],
  majorIncidentId: ['major_incident_id', 'int'],
  majorProposalId: ['major_proposal_id', 'int'],
  lookAlikeDismissedAt: ['look_alike_dismissed_at', 'timestamptz'],
};

export const TICKET_FIELDS = Object.keys(TICKET_COLUMNS) as TicketField[];

/** The column a field is stored in. */
export function columnOf(field: TicketField): string {
  return TICKET_COLUMNS[field][0];
}

/** A select list of `fields` (every column but `search` by default), each as its column name: what `ticketFromRow` reads. */
export function ticketColumns(fields: readonly TicketField[] = TICKET_FIELDS, alias = 't'): string {
  return fields.map((field) => `${alias}.${columnOf(field)}`).join(', ');
}

/**
 * A raw `ticket` row (snake_case, as `SELECT ticketColumns()` or RETURNING * gives it) as the
 * entity. Columns the row does not have stay unset (a batch reads only what its rule needs);
 * the major-incident columns default as the table does.
 */
export function ticketFromRow(row: Record<string, unknown>): TicketEntity {
  const ticket = new TicketEntity() as unknown as Record<string, unknown>;
  for (const field of TICKET_FIELDS) {
    const value = row[TICKET_COLUMNS[field][0]];
    if (value !== undefined) ticket[field] = value;
  }
  ticket.isMajor ??= false;
  ticket.majorIncidentId ??= null;
  ticket.majorProposalId ??= null;
  ticket.lookAlikeDismissedAt ??= null;
  return ticket as unknown as TicketEntity;
}

/**
 * One INSERT of a ticket row: the columns of `values` (fields), their parameters in the same
 * order, and RETURNING every column `ticketFromRow` reads.
 */
export function insertTicketSql(values: Partial<StoredTicket>): { sql: string; params: unknown[] } {
  const fields = (Object.keys(values) as TicketField[]).filter((field) => values[field] !== undefined);
  return {
    sql: `INSERT INTO ticket (${fields.map(columnOf).join(', ')})
          VALUES (${fields.map((_, i) => `$${i + 1}`).join(', ')})
          RETURNING ${ticketColumns(TICKET_FIELDS, 'ticket')}`,
    params: fields.map((field) => values[field]),
  };
}

/** The SLA clock's own bookkeeping: what the clock rule reads and writes besides status and priority. */
export const CLOCK_FIELDS: readonly TicketField[] = [
  'slaElapsedSeconds',
  'slaRunningSince',
  'firstResponseDueAt',
  'resolutionDueAt',
  'slaNextCheckAt',
  'firstResponseWarnedAt',
  'firstResponseBreachedAt',
  'resolutionWarnedAt',
  'resolutionBreachedAt',
];
