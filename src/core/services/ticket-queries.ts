import { In } from 'typeorm';
import { AttachmentEntity, CommentEntity, PersonEntity, TicketEntity } from '../../db/entities';
import type { LocatedTicket, Person, Ticket } from '../model';
import { authorize, decide } from '../rules/authorization';
import { compareQueueOrder } from '../rules/assignment';
import { nextDueAt } from '../rules/sla';
import { isStaff } from '../rules/roles';
import { slackTextAsPlain } from '../rules/chat-text';
import { renderTranscript, type TranscriptComment } from '../rules/transcript';
import { listSchema, parseInput, searchSchema, ticketRefSchema, transcriptSchema } from '../schemas';
import { transaction, type ServiceContext, type Tx } from './context';
import { historyOf, type HistoryEntry } from './history';
import { currentRating } from './ratings';
import { resolvePerson, type ActorRef } from './people';
import { findTicket } from './ticket-store';
import { DEFAULT_LANGUAGE, languageOf, textsFor } from '../texts';

export interface TicketSummary {
  number: number;
  title: string;
  type: Ticket['type'];
  status: Ticket['status'];
  priority: Ticket['priority'];
  tier: Ticket['tier'];
  platform: Ticket['platform'];
  assignee: string | null;
  customer: string;
  createdAt: Date;
  /** The SLA due time that comes next (first response, else resolution); null while the clock is stopped. */
  dueAt: Date | null;
}

export interface TicketList {
  sections: Array<{ name: 'yours' | 'mine' | 'queue' | 'all'; tickets: TicketSummary[] }>;
}

export interface TicketDetail {
  ticket: LocatedTicket;
  customer: Person;
  assignee: Person | null;
  comments: TranscriptComment[];
  history: HistoryEntry[];
  /** How the customer rated the latest resolution (1–5); null while unresolved or unrated. */
  rating: number | null;
}

const LIST_LIMIT = 25;

/** Reading tickets: lists, one ticket, search, transcripts; each shows only what the reader may see. */
export class TicketQueries {
  constructor(private readonly ctx: ServiceContext) {}

  /** A customer's own tickets; staff: assigned to me, then the queue, or every open ticket. */
  async list(actorRef: ActorRef, raw: unknown = {}): Promise<TicketList> {
    const { scope } = parseInput(listSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      if (!isStaff(actor)) {
        const own = await tx.manager.find(TicketEntity, {
          where: { customerId: actor.id },
          order: { createdAt: 'DESC' },
          take: 100,
        });
        const open = own.filter((t) => t.status !== 'resolved').sort(compareQueueOrder);
        const done = own.filter((t) => t.status === 'resolved');
        return { sections: [{ name: 'yours', tickets: await summaries(tx, [...open, ...done].slice(0, LIST_LIMIT)) }] };
      }
      const sections: TicketList['sections'] = [];
      if (!scope || scope === 'mine')
        sections.push({ name: 'mine', tickets: await this.unresolved(tx, 't.assignee_id = :me', { me: actor.id }) });
      if (!scope || scope === 'queue')
        sections.push({ name: 'queue', tickets: await this.unresolved(tx, 't.assignee_id IS NULL', {}) });
      if (scope === 'all') sections.push({ name: 'all', tickets: await this.unresolved(tx, 'TRUE', {}) });
      return { sections };
    });
  }

  async show(actorRef: ActorRef, raw: unknown): Promise<TicketDetail> {
    const { ticketNumber } = parseInput(ticketRefSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const ticket = await findTicket(tx, ticketNumber);
      authorize(actor, 'ticket.view', ticket);
      return this.detail(tx, actor, ticket);
    });
  }

  /** Full-text search (English and Danish) over title and description, best match first. */
  async search(actorRef: ActorRef, raw: unknown): Promise<TicketSummary[]> {
    const { words } = parseInput(searchSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const everyone = decide(actor, 'ticket.list_all').allowed;
      const byNumber = /^#?(\d+)$/.exec(words);
      const rows: Array<{ id: number }> = await tx.manager.query(
        `SELECT t.id FROM ticket t
         CROSS JOIN (SELECT websearch_to_tsquery('english', $1) || websearch_to_tsquery('danish', $1) AS q) AS query
         WHERE (t.search @@ query.q OR t.number = $2) AND ($3 OR t.customer_id = $4)
         ORDER BY (t.number = $2) DESC, ts_rank(t.search, query.q) DESC, t.created_at DESC
         LIMIT $5`,
        [words, byNumber ? Number(byNumber[1]) : -1, everyone, actor.id, LIST_LIMIT],
      );
      const tickets = await tx.manager.findBy(TicketEntity, { id: In(rows.map((r) => r.id)) });
      const order = new Map(rows.map((r, i) => [r.id, i]));
      return summaries(
        tx,
        tickets.sort((a, b) => order.get(a.id)! - order.get(b.id)!),
      );
    });
  }

  /**
   * The ticket's whole record as a document; internal notes only for staff. It goes to the person
   * who asked for it: written in their language (their choice, else their client's, else the
   * helpdesk's), its times in `timeZone` when their platform tells it (Slack), else UTC.
   */
  async transcript(
    actorRef: ActorRef,
    raw: unknown,
    reader: { timeZone?: string } = {},
  ): Promise<{ filename: string; content: string }> {
    const { ticketNumber, format } = parseInput(transcriptSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const ticket = await findTicket(tx, ticketNumber);
      authorize(actor, 'ticket.transcript', ticket);
      const language = languageOf(actor, this.ctx.policy.language, actorRef.locale);
      const say = textsFor(language);
      const detail = await this.detail(tx, actor, ticket, say);
      const names = await nameLookup(
        tx,
        [
          ...detail.history.map((e) => e.actorId),
          ...detail.history.map((e) => e.data.assigneeId as number | undefined),
        ],
        say,
      );
      const content = renderTranscript(
        {
          ticket,
          customer: detail.customer.displayName || say('transcript.person', { id: detail.customer.id }),
          assignee: detail.assignee?.displayName ?? null,
          comments: detail.comments,
          events: detail.history.map((e) => ({
            kind: e.kind,
            actor: names(e.actorId),
            data: e.data,
            createdAt: e.createdAt,
          })),
        },
        format,
        names,
        { language, timeZone: reader.timeZone },
      );
      return { filename: `ticket-${ticket.number}.${format === 'markdown' ? 'md' : 'txt'}`, content };
    });
  }

  private async unresolved(tx: Tx, where: string, params: Record<string, unknown>): Promise<TicketSummary[]> {
    const tickets = await tx.manager
      .createQueryBuilder(TicketEntity, 't')
      .where(`t.status <> 'resolved' AND ${where}`, params)
      // The queue order of rules/assignment.ts (compareQueueOrder) in SQL: priority, SLA due time, age.
      .orderBy('t.priority', 'ASC')
      .addOrderBy('least(t.first_response_due_at, t.resolution_due_at)', 'ASC', 'NULLS LAST')
      .addOrderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .take(LIST_LIMIT)
      .getMany();
    return summaries(tx, tickets);
  }

  /** One ticket as `actor` may see it; `say` names what has no name of its own (the helpdesk, a deleted message). */
  private async detail(
    tx: Tx,
    actor: Person,
    ticket: TicketEntity,
    say = textsFor(DEFAULT_LANGUAGE),
  ): Promise<TicketDetail> {
    const seesInternal = decide(actor, 'ticket.view_internal', ticket).allowed;
    const comments = await tx.manager.find(CommentEntity, { where: { ticketId: ticket.id }, order: { id: 'ASC' } });
    const visible = comments.filter((c) => c.kind === 'public' || seesInternal);
    const files = visible.length
      ? await tx.manager.find(AttachmentEntity, {
          where: { commentId: In(visible.map((c) => c.id)) },
          select: { commentId: true, filename: true },
        })
      : [];
    const people = await tx.manager.findBy(PersonEntity, {
      id: In([
        ticket.customerId,
        ...(ticket.assigneeId ? [ticket.assigneeId] : []),
        ...visible.map((c) => c.authorId ?? 0),
      ]),
    });
    const byId = new Map(people.map((p) => [p.id, p]));
    const history = (await historyOf(tx, ticket.id)).filter((e) => seesInternal || e.kind !== 'noted');
    return {
      ticket,
      customer: byId.get(ticket.customerId)!,
      assignee: ticket.assigneeId ? (byId.get(ticket.assigneeId) ?? null) : null,
      history,
      rating: await currentRating(tx.manager, ticket),
      comments: visible.map((c) => ({
        id: c.id,
        kind: c.kind,
        author: c.authorId
          ? byId.get(c.authorId)?.displayName || say('transcript.person', { id: c.authorId })
          : say('transcript.helpdesk'),
        // A deleted message stays in the record for staff; customers see that it was deleted.
        body: c.deletedAt && !seesInternal ? say('transcript.deletedBody') : asWritten(c),
        createdAt: c.createdAt,
        editedAt: c.editedAt,
        deletedAt: c.deletedAt,
        redactedAt: c.redactedAt,
        attachments: files.filter((f) => f.commentId === c.id).map((f) => f.filename),
      })),
    };
  }
}

async function summaries(tx: Tx, tickets: TicketEntity[]): Promise<TicketSummary[]> {
  const names = await nameLookup(
    tx,
    tickets.flatMap((t) => [t.customerId, t.assigneeId]),
  );
  return tickets.map((t) => ({
    number: t.number,
    title: t.title,
    type: t.type,
    status: t.status,
    priority: t.priority,
    tier: t.tier,
    platform: t.platform,
    assignee: t.assigneeId ? names(t.assigneeId) : null,
    customer: names(t.customerId),
    createdAt: t.createdAt,
    dueAt: nextDueAt(t),
  }));
}

/** People's names by id; one without a name is "person N", no one at all (the helpdesk's own doing) is the helpdesk. */
async function nameLookup(
  tx: Tx,
  ids: Array<number | null | undefined>,
  say = textsFor(DEFAULT_LANGUAGE),
): Promise<(id: unknown) => string> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  const people = wanted.length ? await tx.manager.findBy(PersonEntity, { id: In(wanted) }) : [];
  const byId = new Map(people.map((p) => [p.id, p.displayName]));
  return (id: unknown) =>
    typeof id === 'number' ? byId.get(id) || say('transcript.person', { id }) : say('transcript.helpdesk');
}

/** A comment's words as its author meant them: a Slack message's mentions and links as plain words, its escapes undone. */
function asWritten(comment: CommentEntity): string {
  return comment.platform === 'slack' && comment.platformMessageId ? slackTextAsPlain(comment.body) : comment.body;
}
