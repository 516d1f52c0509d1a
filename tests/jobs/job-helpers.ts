import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { Helpdesk } from '../../src/core/helpdesk';
import type { ActorRef } from '../../src/core/services/people';
import type { JobDeps } from '../../src/jobs/schedule';
import { createLogger, type Logger } from '../../src/log';
import type { TestHelpdesk } from '../helpers/database';
import { discord } from '../helpers/people';

export const SUPPORTER = discord('tina');

/** A logger whose JSON lines a test can read. */
export function capturingLogger(): {
  logger: Logger;
  lines: Array<{ level: number; msg: string; [key: string]: unknown }>;
} {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger('debug', sink), lines };
}

/** What the jobs need, over a test's store, clock and policy. */
export function jobDeps(t: TestHelpdesk, extra: Partial<JobDeps> = {}): JobDeps {
  return {
    dataSource: t.dataSource,
    clock: t.clock,
    policy: t.helpdesk.ctx.policy,
    instanceId: 'test-instance',
    logger: createLogger('silent'),
    ...extra,
  };
}

/** A customer's ticket, answered by the supporter and set pending at the clock's now. Returns its number and id. */
export async function pendingTicket(
  helpdesk: Helpdesk,
  customer: ActorRef,
  title = 'Printer jammed',
): Promise<{ number: number; id: number }> {
  const ticket = await helpdesk.tickets.open(customer, { title, description: 'It shows error E42.', type: 'incident' });
  await helpdesk.tickets.setPending(SUPPORTER, { ticketNumber: ticket.number });
  return { number: ticket.number, id: ticket.id };
}

export interface TicketState {
  status: string;
  resolution: string | null;
  resolved_at: Date | null;
  pending_since: Date | null;
  reminders_sent: number;
}

export async function ticketState(dataSource: DataSource, id: number): Promise<TicketState> {
  const [row] = await dataSource.query(
    `SELECT status, resolution, resolved_at, pending_since, reminders_sent FROM ticket WHERE id = $1`,
    [id],
  );
  return row;
}

export interface EventRow {
  id: number;
  kind: string;
  actor_id: number | null;
  data: Record<string, unknown>;
  created_at: Date;
}

export async function eventsOf(dataSource: DataSource, ticketId: number, kind?: string): Promise<EventRow[]> {
  return dataSource.query(
    `SELECT id, kind, actor_id, data, created_at FROM ticket_event WHERE ticket_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY id`,
    [ticketId, kind ?? null],
  );
}

export interface DeliveryRowSeen {
  event_id: number;
  kind: string;
  destination: string;
  payload: { audience?: string; text?: string };
}

/** What the customer is told about a ticket (ticket notices addressed to them), oldest first. */
export async function customerNotices(dataSource: DataSource, ticketId: number): Promise<DeliveryRowSeen[]> {
  return dataSource.query(
    `SELECT event_id, kind, destination, payload FROM delivery
     WHERE ticket_id = $1 AND kind = 'ticket.notice' AND payload->>'audience' = 'customer' ORDER BY id`,
    [ticketId],
  );
}
