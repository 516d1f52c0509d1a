import { TicketEntity } from '../../db/entities';
import { ConflictError, NotFoundError } from '../errors';
import type { Platform, Ticket } from '../model';
import { authorize } from '../rules/authorization';
import { majorDescription, majorTitle, outcomeForNewIncident, type LookAlikeTicket } from '../rules/major-incident';
import { majorDeclareSchema, majorLinkSchema, majorProposalSchema, parseInput, ticketRefSchema } from '../schemas';
import { autoAssign } from './assignment';
import { transaction, type ServiceContext, type Tx } from './context';
import { record } from './history';
import { findLookAlikesIn } from './look-alike';
import { resolvePerson, type ActorRef } from './people';
import { applyPatch, insertTicket, lockTicket, ticketFromRow } from './ticket-store';

/** Serialises the rare moments that make or grow a major incident, so two reports never declare two. */
const MAJOR_LOCK_KEY = 7_340_202;

/**
 * Major incidents: look-alike incidents found when one is opened are proposed to staff, or
 * declared at once past a threshold; a declared incident is a P1 parent owned by the helpdesk,
 * which the look-alikes join (their own SLA clocks stop) and whose resolution closes them all.
 */
export class MajorIncidentService {
  constructor(private readonly ctx: ServiceContext) {}

  /** "Declare major incident" on a proposal, or `/tickets major N N N…` by hand. */
  async declare(actorRef: ActorRef, raw: unknown): Promise<TicketEntity> {
    const input = parseInput(majorDeclareSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.major');
      await tx.manager.query(`SELECT pg_advisory_xact_lock($1)`, [MAJOR_LOCK_KEY]);
      const proposal = await lockProposal(tx, input.proposalId);
      if (proposal.status !== 'open') throw new ConflictError(`That proposal was already ${proposal.status}.`);
      const tickets = await lockTickets(tx, proposal.ticket_ids);
      const joinable = tickets.filter((t) => t.status !== 'resolved' && !t.majorIncidentId && !t.isMajor);
      if (joinable.length === 0)
        throw new ConflictError('None of those tickets is still open on its own: nothing to declare.');
      const parent = await declareInTx(tx, actor.id, joinable);
      await tx.manager.query(
        `UPDATE major_proposal SET status = 'declared', parent_id = $2, decided_by_id = $3, decided_at = $4 WHERE id = $1`,
        [proposal.id, parent.id, actor.id, tx.now],
      );
      return parent;
    });
  }

  /** "Not related": the proposal is closed and its tickets never count toward another. */
  async dismiss(actorRef: ActorRef, raw: unknown): Promise<void> {
    const input = parseInput(majorProposalSchema, raw);
    await transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.major');
      const proposal = await lockProposal(tx, input.proposalId);
      if (proposal.status !== 'open') throw new ConflictError(`That proposal was already ${proposal.status}.`);
      await tx.manager.query(
        `UPDATE major_proposal SET status = 'dismissed', decided_by_id = $2, decided_at = $3 WHERE id = $1`,
        [proposal.id, actor.id, tx.now],
      );
      await tx.manager.query(
        `UPDATE ticket SET look_alike_dismissed_at = $2 WHERE id = ANY($1) AND look_alike_dismissed_at IS NULL`,
        [proposal.ticket_ids, tx.now],
      );
    });
  }

  /** `/tickets link N PARENT`: a ticket joins an open major incident by hand. */
  async link(actorRef: ActorRef, raw: unknown): Promise<TicketEntity> {
    const input = parseInput(majorLinkSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.major');
      const [child, parent] = await lockInOrder(tx, input.ticketNumber, input.parentNumber);
      if (!parent.isMajor)
        throw new ConflictError(
          `#${parent.number} is not a major incident; link tickets to the major incident's own ticket.`,
        );
      if (parent.status === 'resolved')
        throw new ConflictError(`Major incident #${parent.number} is resolved; reopen it first.`);
      if (child.isMajor) throw new ConflictError(`#${child.number} is a major incident itself.`);
      if (child.status === 'resolved')
        throw new ConflictError(`#${child.number} is resolved; reopen it before linking it.`);
      if (child.majorIncidentId === parent.id)
        throw new ConflictError(`#${child.number} is already part of #${parent.number}.`);
      await joinInTx(tx, child, parent, actor.id);
      return child;
    });
  }

  /** `/tickets unlink N`: the ticket is handled on its own again; its SLA clock runs again. */
  async unlink(actorRef: ActorRef, raw: unknown): Promise<TicketEntity> {
    const { ticketNumber } = parseInput(ticketRefSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.major');
      const child = await lockTicket(tx, ticketNumber);
      if (!child.majorIncidentId) throw new ConflictError(`#${child.number} is not part of a major incident.`);
      await leaveInTx(tx, child, actor.id, 'unlinked');
      return child;
    });
  }
}

/**
 * After an incident is opened (in its transaction): join, propose or declare, by the rule. The
 * search runs unlocked; only when it finds something to do is the major lock taken and the
 * search repeated, so that two reports arriving together see each other's outcome.
 */
export async function afterIncidentOpened(tx: Tx, ticket: Ticket, actorId: number): Promise<void> {
  const policy = tx.ctx.policy.major;
  const decide = async () => {
    const found = await findLookAlikesIn(tx.manager, ticket, policy);
    if (found.length === 0) return { action: 'none' as const };
    const rows: Array<Record<string, unknown>> = await tx.manager.query(
      `SELECT id, status, is_major, major_incident_id, look_alike_dismissed_at FROM ticket WHERE id = ANY($1)`,
      [found.map((f) => f.id)],
    );
    const lookAlikes: LookAlikeTicket[] = rows.map((r) => ({
      id: Number(r.id),
      status: r.status as Ticket['status'],
      isMajor: Boolean(r.is_major),
      majorIncidentId: (r.major_incident_id as number | null) ?? null,
      lookAlikeDismissedAt: (r.look_alike_dismissed_at as Date | null) ?? null,
    }));
    const parents = lookAlikes
      .map((t) => (t.isMajor ? t.id : t.majorIncidentId))
      .filter((id): id is number => id !== null);
    const open: Array<{ id: number }> = parents.length
      ? await tx.manager.query(`SELECT id FROM ticket WHERE id = ANY($1) AND is_major AND status <> 'resolved'`, [
          parents,
        ])
      : [];
    return outcomeForNewIncident(ticket.id, lookAlikes, new Set(open.map((p) => p.id)), policy);
  };
  if ((await decide()).action === 'none') return;
  await tx.manager.query(`SELECT pg_advisory_xact_lock($1)`, [MAJOR_LOCK_KEY]);
  const outcome = await decide();
  if (outcome.action === 'join') {
    const parent = await lockTicketById(tx, outcome.parentId);
    await joinInTx(tx, ticket, parent, actorId);
  } else if (outcome.action === 'declare') {
    await declareInTx(tx, null, await lockTickets(tx, outcome.ticketIds));
  } else if (outcome.action === 'propose') {
    await proposeInTx(tx, ticket, outcome.ticketIds);
  }
}

/** A proposal: one open proposal grows with each new look-alike instead of alerting staff again. */
async function proposeInTx(tx: Tx, ticket: Ticket, ticketIds: number[]): Promise<void> {
  const [existing] = await tx.manager.query(
    `SELECT id, ticket_ids FROM major_proposal WHERE status = 'open' AND ticket_ids && $1 ORDER BY id LIMIT 1 FOR UPDATE`,
    [ticketIds],
  );
  if (existing) {
    await tx.manager.query(
      `UPDATE major_proposal SET ticket_ids = (SELECT array_agg(DISTINCT x) FROM unnest(ticket_ids || $2::int[]) x) WHERE id = $1`,
      [existing.id, ticketIds],
    );
    return;
  }
  const [proposal] = await tx.manager.query(
    `INSERT INTO major_proposal (ticket_ids, created_at) VALUES ($1, $2) RETURNING id`,
    [ticketIds, tx.now],
  );
  const tickets: Array<{ number: number; platform: Platform }> = await tx.manager.query(
    `SELECT number, platform FROM ticket WHERE id = ANY($1) ORDER BY number`,
    [ticketIds],
  );
  await record(tx, ticket, null, 'major_proposed', {
    proposalId: proposal.id,
    ticketNumbers: tickets.map((t) => t.number),
    platforms: [...new Set(tickets.map((t) => t.platform))],
  });
}

/** Makes the parent (P1, owned by the helpdesk, assigned as any ticket) and joins every ticket to it. */
export async function declareInTx(tx: Tx, actorId: number | null, tickets: TicketEntity[]): Promise<TicketEntity> {
  const helpdeskId = await helpdeskPersonId(tx);
  const sorted = [...tickets].sort((a, b) => a.number - b.number);
  const parent = await insertTicket(tx, {
    title: majorTitle(sorted[0]),
    description: majorDescription(sorted),
    type: 'incident',
    impact: 'everyone',
    urgency: 'blocked',
    customerId: helpdeskId,
    openedById: actorId ?? helpdeskId,
    platform: sorted[0].platform,
    location: {},
    followUpOfId: null,
  });
  await tx.manager.query(`UPDATE ticket SET is_major = true WHERE id = $1`, [parent.id]);
  parent.isMajor = true;
  await record(tx, parent, actorId, 'major_declared', {
    ticketNumbers: sorted.map((t) => t.number),
    platforms: [...new Set(sorted.map((t) => t.platform))],
    automatically: actorId === null || undefined,
  });
  await autoAssign(tx, parent, actorId, 'auto');
  for (const child of sorted) await joinInTx(tx, child, parent, actorId);
  // Proposals about these reports are answered by the declaration, whoever or whatever made it.
  await tx.manager.query(
    `UPDATE major_proposal SET status = 'declared', parent_id = $2, decided_by_id = $3, decided_at = $4 WHERE status = 'open' AND ticket_ids && $1`,
    [sorted.map((t) => t.id), parent.id, actorId, tx.now],
  );
  return parent;
}

export async function joinInTx(tx: Tx, child: Ticket, parent: Ticket, actorId: number | null): Promise<void> {
  if (child.majorIncidentId) await leaveInTx(tx, child, actorId, 'unlinked');
  await applyPatch(tx, child, { majorIncidentId: parent.id });
  await record(tx, child, actorId, 'linked', { parentId: parent.id, parentNumber: parent.number });
}

async function leaveInTx(tx: Tx, child: Ticket, actorId: number | null, kind: 'unlinked'): Promise<void> {
  const parentId = child.majorIncidentId;
  await applyPatch(tx, child, { majorIncidentId: null });
  await record(tx, child, actorId, kind, { parentId });
}

/** Resolving a parent closes every open child "with the major incident"; each customer is told once. */
export async function resolveChildrenInTx(
  tx: Tx,
  parent: Ticket,
  resolve: (child: Ticket) => Promise<void>,
): Promise<number> {
  const rows: Array<Record<string, unknown>> = await tx.manager.query(
    `SELECT * FROM ticket WHERE major_incident_id = $1 AND status <> 'resolved' ORDER BY id FOR UPDATE`,
    [parent.id],
  );
  for (const row of rows) await resolve(ticketFromRow(row));
  return rows.length;
}

/** After a reopen cleared the link (transitions.reopen), the history says the ticket left its incident. */
export async function recordLeftOnReopen(
  tx: Tx,
  before: Pick<Ticket, 'majorIncidentId'>,
  ticket: Ticket,
  actorId: number | null,
): Promise<void> {
  if (before.majorIncidentId && !ticket.majorIncidentId)
    await record(tx, ticket, actorId, 'unlinked', { parentId: before.majorIncidentId, reason: 'reopened' });
}

async function helpdeskPersonId(tx: Tx): Promise<number> {
  const [row] = await tx.manager.query(`SELECT id FROM person WHERE is_helpdesk`);
  return row.id;
}

interface ProposalRow {
  id: number;
  status: 'open' | 'declared' | 'dismissed';
  ticket_ids: number[];
}

async function lockProposal(tx: Tx, id: number): Promise<ProposalRow> {
  const [row] = await tx.manager.query(`SELECT id, status, ticket_ids FROM major_proposal WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  if (!row) throw new NotFoundError(`There is no major-incident proposal ${id}.`);
  return row;
}

/** Locked in id order, as every path here locks several tickets: two of them never wait on each other. */
async function lockTickets(tx: Tx, ids: number[]): Promise<TicketEntity[]> {
  const rows: Array<Record<string, unknown>> = await tx.manager.query(
    `SELECT * FROM ticket WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
    [ids],
  );
  return rows.map(ticketFromRow);
}

async function lockTicketById(tx: Tx, id: number): Promise<TicketEntity> {
  const [ticket] = await lockTickets(tx, [id]);
  if (!ticket) throw new NotFoundError(`ticket id ${id} does not exist`);
  return ticket;
}

async function lockInOrder(tx: Tx, childNumber: number, parentNumber: number): Promise<[TicketEntity, TicketEntity]> {
  if (childNumber === parentNumber) throw new ConflictError('A ticket cannot be linked to itself.');
  const rows: Array<Record<string, unknown>> = await tx.manager.query(
    `SELECT * FROM ticket WHERE number = ANY($1) ORDER BY id FOR UPDATE`,
    [[childNumber, parentNumber]],
  );
  const tickets = rows.map(ticketFromRow);
  const child = tickets.find((t) => t.number === childNumber);
  const parent = tickets.find((t) => t.number === parentNumber);
  if (!child) throw new NotFoundError(`There is no ticket #${childNumber}.`);
  if (!parent) throw new NotFoundError(`There is no ticket #${parentNumber}.`);
  return [child, parent];
}
