import { msg } from '../rules/messages';
import { NotFoundError } from '../errors';
import {
  PLATFORMS,
  PRIORITIES,
  TICKET_STATUSES,
  TIERS,
  type Platform,
  type Priority,
  type Ticket,
  type TicketStatus,
  type Tier,
} from '../model';
import { authorize, decide } from '../rules/authorization';
import { nextDueAt } from '../rules/sla';
import { transaction, type ServiceContext } from './context';
import { resolvePerson, type ActorRef } from './people';
import { findTicket } from './ticket-store';

/** The queue's filters, as the dashboard's form sends them; anything unknown is ignored (no filter). */
export interface QueueFilters {
  status?: TicketStatus | 'unresolved' | 'all';
  tier?: Tier;
  /** A person's id, or 'none' for unassigned tickets. */
  assignee?: number | 'none';
  platform?: Platform;
  priority?: Priority;
}

/** Reads a query string's filters into known values only: a typo filters nothing rather than everything. */
export function parseQueueFilters(query: Record<string, string | undefined>): QueueFilters {
  const filters: QueueFilters = {};
  const status = query.status;
  if (status && ([...TICKET_STATUSES, 'unresolved', 'all'] as string[]).includes(status))
    filters.status = status as QueueFilters['status'];
  const tier = Number(query.tier);
  if ((TIERS as readonly number[]).includes(tier)) filters.tier = tier as Tier;
  if (query.assignee === 'none') filters.assignee = 'none';
  else if (/^\d{1,9}$/.test(query.assignee ?? '')) filters.assignee = Number(query.assignee);
  if ((PLATFORMS as readonly string[]).includes(query.platform ?? '')) filters.platform = query.platform as Platform;
  if ((PRIORITIES as readonly string[]).includes(query.priority ?? '')) filters.priority = query.priority as Priority;
  return filters;
}

export interface QueueRow {
  number: number;
  title: string;
  type: Ticket['type'];
  status: TicketStatus;
  priority: Priority;
  tier: Tier;
  platform: Platform;
  assignee: string | null;
  customer: string;
  createdAt: Date;
  dueAt: Date | null;
  isMajor: boolean;
}

export interface TicketExtras {
  attachments: Array<{ id: number; commentId: number; filename: string; sizeBytes: number; kept: boolean }>;
  /** Names of everyone an event names (its actor, an assignee), by person id. */
  names: Record<number, string>;
  rating: { score: number; comment: string | null; createdAt: Date } | null;
  parent: { number: number; title: string; status: TicketStatus } | null;
  joined: Array<{ number: number; title: string; status: TicketStatus }>;
  followUpOf: number | null;
}

export interface StaffChoice {
  id: number;
  name: string;
  tier: Tier | null;
  /** Their identities: a ticket is assigned to an identity on its own platform. */
  identities: Array<{ platform: Platform; userId: string }>;
}

/** The dashboard's own reads (the queue with filters, a ticket's surroundings, files, major incidents); each authorised like chat. */
export class DashboardViews {
  static readonly QUEUE_LIMIT = 100;

  constructor(private readonly ctx: ServiceContext) {}

  /** Tickets in queue order (priority, then the SLA due time, then age), filtered; staff only. */
  async queue(actorRef: ActorRef, filters: QueueFilters): Promise<QueueRow[]> {
    return transaction(this.ctx, async (tx) => {
      authorize(await resolvePerson(tx.manager, actorRef), 'ticket.list_all');
      const { sql, params } = queueQuery(filters, DashboardViews.QUEUE_LIMIT);
      const rows = (await tx.manager.query(sql, params)) as Array<Record<string, unknown>>;
      return rows.map((r): QueueRow => ({
        number: r.number as number,
        title: r.title as string,
        type: r.type as Ticket['type'],
        status: r.status as TicketStatus,
        priority: r.priority as Priority,
        tier: r.tier as Tier,
        platform: r.platform as Platform,
        assignee: (r.assignee as string | null) ?? null,
        customer: (r.customer as string) || `person ${String(r.customer_id)}`,
        createdAt: new Date(r.created_at as string),
        isMajor: r.is_major as boolean,
        dueAt: nextDueAt({
          firstResponseDueAt: r.first_response_due_at ? new Date(r.first_response_due_at as string) : null,
          resolutionDueAt: r.resolution_due_at ? new Date(r.resolution_due_at as string) : null,
        }),
      }));
    });
  }

  /** What a ticket page shows beside the transcript: files, names, rating, major-incident links. */
  async ticketExtras(actorRef: ActorRef, ticketNumber: number): Promise<TicketExtras> {
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const ticket = await findTicket(tx, ticketNumber);
      authorize(actor, 'ticket.view', ticket);
      const seesInternal = decide(actor, 'ticket.view_internal', ticket).allowed;
      const m = tx.manager;
      const attachments = (await m.query(
        `SELECT a.id, a.comment_id, a.filename, a.size_bytes, a.data IS NOT NULL AS kept
         FROM attachment a JOIN comment c ON c.id = a.comment_id
         WHERE c.ticket_id = $1 AND (c.kind = 'public' OR $2) ORDER BY a.id`,
        [ticket.id, seesInternal],
      )) as Array<{ id: string; comment_id: string; filename: string; size_bytes: number; kept: boolean }>;
      const people = (await m.query(
        `SELECT id, display_name FROM person WHERE id IN (
           SELECT actor_id FROM ticket_event WHERE ticket_id = $1
           UNION SELECT (data->>'assigneeId')::int FROM ticket_event WHERE ticket_id = $1 AND data ? 'assigneeId'
           UNION SELECT (data->>'previousAssigneeId')::int FROM ticket_event WHERE ticket_id = $1 AND data ? 'previousAssigneeId')`,
        [ticket.id],
      )) as Array<{ id: number; display_name: string }>;
      const [rating] = (await m.query(
        `SELECT score, comment, created_at FROM rating WHERE ticket_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [ticket.id],
      )) as Array<{ score: number; comment: string | null; created_at: Date }>;
      // Customers see the incident their ticket joined (it is a known problem), not the other customers' tickets.
      const [parent] = ticket.majorIncidentId
        ? ((await m.query(`SELECT number, title, status FROM ticket WHERE id = $1`, [
            ticket.majorIncidentId,
          ])) as Array<{
            number: number;
            title: string;
            status: TicketStatus;
          }>)
        : [];
      const joined =
        ticket.isMajor && seesInternal
          ? ((await m.query(`SELECT number, title, status FROM ticket WHERE major_incident_id = $1 ORDER BY number`, [
              ticket.id,
            ])) as TicketExtras['joined'])
          : [];
      const [followUp] = ticket.followUpOfId
        ? ((await m.query(`SELECT number FROM ticket WHERE id = $1`, [ticket.followUpOfId])) as Array<{
            number: number;
          }>)
        : [];
      return {
        attachments: attachments.map((a) => ({
          id: Number(a.id),
          commentId: Number(a.comment_id),
          filename: a.filename,
          sizeBytes: a.size_bytes,
          kept: a.kept,
        })),
        names: Object.fromEntries(people.map((p) => [p.id, p.display_name || `person ${p.id}`])),
        rating: rating
          ? { score: rating.score, comment: rating.comment, createdAt: new Date(rating.created_at) }
          : null,
        parent: parent ?? null,
        joined,
        followUpOf: followUp?.number ?? null,
      };
    });
  }

  /** A kept file, for someone who may see the comment it came with; a file not kept or not theirs is "not found". */
  async attachment(
    actorRef: ActorRef,
    attachmentId: number,
  ): Promise<{ filename: string; contentType: string | null; data: Buffer }> {
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const [row] = (await tx.manager.query(
        `SELECT a.filename, a.content_type, a.data, c.kind, t.number, t.customer_id
         FROM attachment a JOIN comment c ON c.id = a.comment_id JOIN ticket t ON t.id = c.ticket_id WHERE a.id = $1`,
        [attachmentId],
      )) as Array<{
        filename: string;
        content_type: string | null;
        data: Buffer | null;
        kind: string;
        number: number;
        customer_id: number;
      }>;
      if (!row || !row.data) throw new NotFoundError(msg('refusals.fileNotKept'));
      const ticket = { customerId: row.customer_id, number: row.number };
      authorize(actor, 'ticket.view', ticket);
      if (row.kind !== 'public') authorize(actor, 'ticket.view_internal', ticket);
      return { filename: row.filename, contentType: row.content_type, data: row.data };
    });
  }

  /** Major incidents, newest first, with how many tickets joined each; staff only. */
  async majorIncidents(
    actorRef: ActorRef,
  ): Promise<Array<{ number: number; title: string; status: TicketStatus; createdAt: Date; joined: number }>> {
    return transaction(this.ctx, async (tx) => {
      authorize(await resolvePerson(tx.manager, actorRef), 'ticket.major');
      const rows = (await tx.manager.query(
        `SELECT t.number, t.title, t.status, t.created_at,
                (SELECT count(*)::int FROM ticket j WHERE j.major_incident_id = t.id) AS joined
         FROM ticket t WHERE t.is_major ORDER BY (t.status <> 'resolved') DESC, t.created_at DESC LIMIT 100`,
      )) as Array<{ number: number; title: string; status: TicketStatus; created_at: Date; joined: number }>;
      return rows.map((r) => ({ ...r, createdAt: new Date(r.created_at) }));
    });
  }

  /** Staff to reassign a ticket to, or to filter the queue by; for those who may reassign. */
  async staffChoices(actorRef: ActorRef): Promise<StaffChoice[]> {
    return transaction(this.ctx, async (tx) => {
      authorize(await resolvePerson(tx.manager, actorRef), 'ticket.reassign');
      const rows = (await tx.manager.query(
        `SELECT p.id, p.display_name, p.tier, i.platform, i.platform_user_id FROM person p
         JOIN identity i ON i.person_id = p.id
         WHERE (p.tier IS NOT NULL OR p.is_admin) AND p.merged_into_id IS NULL AND p.erased_at IS NULL
         ORDER BY p.tier NULLS LAST, p.display_name, p.id, i.id`,
      )) as Array<{
        id: number;
        display_name: string;
        tier: Tier | null;
        platform: Platform;
        platform_user_id: string;
      }>;
      const byId = new Map<number, StaffChoice>();
      for (const r of rows) {
        const choice = byId.get(r.id) ?? {
          id: r.id,
          name: r.display_name || `person ${r.id}`,
          tier: r.tier,
          identities: [],
        };
        choice.identities.push({ platform: r.platform, userId: r.platform_user_id });
        byId.set(r.id, choice);
      }
      return [...byId.values()];
    });
  }
}

/** The queue's one SQL statement (exported for the bench, which times it alone). */
export function queueQuery(filters: QueueFilters, limit: number): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  const status = filters.status ?? 'unresolved';
  if (status === 'unresolved') where.push(`t.status <> 'resolved'`);
  else if (status !== 'all') add('t.status = ?', status);
  if (filters.tier) add('t.tier = ?', filters.tier);
  if (filters.assignee === 'none') where.push('t.assignee_id IS NULL');
  else if (filters.assignee !== undefined) add('t.assignee_id = ?', filters.assignee);
  if (filters.platform) add('t.platform = ?', filters.platform);
  if (filters.priority) add('t.priority = ?', filters.priority);
  params.push(limit);
  const sql = `SELECT t.number, t.title, t.type, t.status, t.priority, t.tier, t.platform, t.created_at, t.is_major,
      t.customer_id, t.first_response_due_at, t.resolution_due_at,
      a.display_name AS assignee, c.display_name AS customer
    FROM ticket t LEFT JOIN person a ON a.id = t.assignee_id LEFT JOIN person c ON c.id = t.customer_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY t.priority, least(t.first_response_due_at, t.resolution_due_at) NULLS LAST, t.created_at, t.id
    LIMIT $${params.length}`;
  return { sql, params };
}
