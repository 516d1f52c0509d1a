import { msg } from '../rules/messages';
import { TicketEntity } from '../../db/entities';
import { ConflictError, NotFoundError } from '../errors';
import type { LocatedTicket, Platform, Ticket } from '../model';
import { authorize } from '../rules/authorization';
import {
  coherent,
  distinctCustomers,
  joinAt,
  majorDescription,
  majorTitle,
  placeNewReport,
  secondLook,
  type GroupSeen,
  type ReportSeen,
} from '../rules/major-incident';
import { planProposalAlert } from '../rules/notifications';
import {
  majorDeclareSchema,
  majorLinkSchema,
  majorNotRelatedSchema,
  majorProposalSchema,
  parseInput,
  ticketRefSchema,
} from '../schemas';
import { autoAssign } from './assignment';
import { transaction, type ServiceContext, type Tx } from './context';
import { writeDeliveries } from './history';
import { countNewReport, surroundingsOf, type Surroundings } from './look-alike';
import { resolvePerson, type ActorRef } from './people';
import { insertTicket, lockTicket, ticketFromRow } from './ticket-store';
import { joinProposal, leaveProposal } from './ticket-bookkeeping';
import { applyChange, recordChange } from './ticket-changes';

/** Serialises the rare moments that make or grow a major incident or proposal, so two reports never make two. */
const MAJOR_LOCK_KEY = 7_340_202;

/**
 * Major incidents: look-alike incidents are proposed to staff, or declared at once past a
 * threshold of distinct customers; a declared incident is a P1 parent owned by the helpdesk,
 * which the look-alikes join (their own SLA clocks stop) and whose resolution closes them all.
 * What joins what is the rule's (rules/major-incident.ts); this file stores it.
 */
export class MajorIncidentService {
  constructor(private readonly ctx: ServiceContext) {}

  /** "Declare major incident" on a proposal: the reports that look like it join a new parent. */
  async declare(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    const input = parseInput(majorDeclareSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.major');
      await tx.manager.query(`SELECT pg_advisory_xact_lock($1)`, [MAJOR_LOCK_KEY]);
      const proposal = await lockOpenProposal(tx, input.proposalId);
      const parent = await declareProposalInTx(tx, proposal.id, actor.id);
      if (!parent) throw new ConflictError(msg('refusals.nothingToDeclare'));
      return parent;
    });
  }

  /** "Dismiss": the proposal is closed, and its reports are not proposed together again. */
  async dismiss(actorRef: ActorRef, raw: unknown): Promise<void> {
    const input = parseInput(majorProposalSchema, raw);
    await transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.major');
      const proposal = await lockOpenProposal(tx, input.proposalId);
      await tx.manager.query(
        `UPDATE major_proposal SET status = 'dismissed', decided_by_id = $2, decided_at = $3 WHERE id = $1`,
        [proposal.id, actor.id, tx.now],
      );
      await leaveProposal(tx, proposal.id, { dismissed: true });
      await alertAboutProposal(tx, proposal.id);
    });
  }

  /** "Not related" beside one report of a proposal: that report leaves it and counts toward none again. */
  async notRelated(actorRef: ActorRef, raw: unknown): Promise<void> {
    const input = parseInput(majorNotRelatedSchema, raw);
    await transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.major');
      const proposal = await lockOpenProposal(tx, input.proposalId);
      const ticket = await lockTicket(tx, input.ticketNumber);
      if (ticket.majorProposalId !== proposal.id)
        throw new ConflictError(msg('refusals.notInProposal', { number: ticket.number }));
      await applyChange(tx, ticket, actor.id, {
        patch: { majorProposalId: null, lookAlikeDismissedAt: tx.now },
        event: null,
      });
      await alertAboutProposal(tx, proposal.id);
    });
  }

  /** `/tickets link N PARENT`: a ticket joins an open major incident by hand. */
  async link(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    const input = parseInput(majorLinkSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.major');
      const [child, parent] = await lockInOrder(tx, input.ticketNumber, input.parentNumber);
      if (!parent.isMajor) throw new ConflictError(msg('refusals.notMajor', { number: parent.number }));
      if (parent.status === 'resolved')
        throw new ConflictError(msg('refusals.majorResolved', { number: parent.number }));
      if (child.isMajor) throw new ConflictError(msg('refusals.isMajorItself', { number: child.number }));
      if (child.status === 'resolved')
        throw new ConflictError(msg('refusals.resolvedBeforeLinking', { number: child.number }));
      if (child.majorIncidentId === parent.id)
        throw new ConflictError(msg('refusals.alreadyPartOf', { number: child.number, parent: parent.number }));
      await joinInTx(tx, child, parent, actor.id);
      return child;
    });
  }

  /** `/tickets unlink N`: the ticket is handled on its own again; its SLA clock runs again. */
  async unlink(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    const { ticketNumber } = parseInput(ticketRefSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.major');
      const child = await lockTicket(tx, ticketNumber);
      if (!child.majorIncidentId) throw new ConflictError(msg('refusals.notPartOfMajor', { number: child.number }));
      await leaveInTx(tx, child, actor.id, 'unlinked');
      return child;
    });
  }
}

/**
 * After an incident is opened (in its transaction): it joins, grows, forms, proposes or declares,
 * by the rule. The search runs unlocked; only when it finds something to do is the major lock
 * taken and the search repeated, so two reports arriving together see each other's outcome.
 */
export async function afterIncidentOpened(tx: Tx, ticket: Ticket, actorId: number): Promise<void> {
  const policy = tx.ctx.policy.major;
  await countNewReport(tx.manager, ticket);
  const place = async () => {
    const seen = await surroundingsOf(tx.manager, ticket, policy, tx.now);
    return { seen, placement: placeNewReport(seen.probe, seen.groups, seen.window, policy) };
  };
  if ((await place()).placement.action === 'none') return;
  await tx.manager.query(`SELECT pg_advisory_xact_lock($1)`, [MAJOR_LOCK_KEY]);
  const { seen, placement } = await place();
  if (placement.action === 'grow' && placement.group.kind === 'incident') {
    const parent = await lockTicketById(tx, placement.group.id);
    for (const child of await lockTickets(
      tx,
      placement.added.map((r) => r.id),
    ))
      await joinInTx(tx, child, parent, child.id === ticket.id ? actorId : null);
  } else if (placement.action === 'grow') {
    await listInProposal(tx, placement.group.id, placement.added);
    await declareWhenEnough(tx, placement.group.id, [...placement.group.members, ...placement.added], seen);
  } else if (placement.action === 'form') {
    if (distinctCustomers(placement.members) >= policy.declareAt) {
      const parent = await declareInTx(
        tx,
        null,
        await lockTickets(
          tx,
          placement.members.map((r) => r.id),
        ),
      );
      await lookAgainFor(tx, parent, placement.members, seen);
    } else {
      const [proposal] = await tx.manager.query(`INSERT INTO major_proposal (created_at) VALUES ($1) RETURNING id`, [
        tx.now,
      ]);
      await listInProposal(tx, proposal.id, placement.members);
      await recordChange(tx, ticket, null, {
        kind: 'major_proposed',
        data: { proposalId: proposal.id, ticketIds: placement.members.map((r) => r.id) },
      });
    }
  }
}

/** Lists reports in a proposal (each in one at most: only free reports reach here) and redraws its alert. */
async function listInProposal(tx: Tx, proposalId: number, reports: readonly ReportSeen[]): Promise<void> {
  const listed = await joinProposal(
    tx,
    proposalId,
    reports.map((r) => r.id),
  );
  await tx.manager.query(
    `UPDATE major_proposal SET platforms = ARRAY(SELECT DISTINCT unnest(platforms || $2::text[]) ORDER BY 1) WHERE id = $1`,
    [proposalId, listed],
  );
  await alertAboutProposal(tx, proposalId);
}

/** A proposal grown to `declareAt` distinct customers is declared by the helpdesk. */
async function declareWhenEnough(
  tx: Tx,
  proposalId: number,
  members: readonly ReportSeen[],
  seen: Surroundings,
): Promise<void> {
  if (distinctCustomers(members) < tx.ctx.policy.major.declareAt) return;
  await declareProposalInTx(tx, proposalId, null, { members, seen });
}

/**
 * Declares a proposal: of its reports, those that look like the rest of it join a new parent;
 * the proposal (this one only) is marked declared, and its alert redrawn without its buttons.
 * Null when none is still open on its own.
 */
async function declareProposalInTx(
  tx: Tx,
  proposalId: number,
  actorId: number | null,
  known?: { members: readonly ReportSeen[]; seen: Surroundings },
): Promise<TicketEntity | null> {
  let members = known?.members;
  let seen = known?.seen;
  if (!members || !seen) {
    const [newest] = await tx.manager.query(
      `SELECT id, created_at FROM ticket WHERE major_proposal_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [proposalId],
    );
    if (!newest) return null;
    seen = await surroundingsOf(
      tx.manager,
      { id: newest.id, createdAt: newest.created_at },
      tx.ctx.policy.major,
      tx.now,
    );
    members = seen.groups.find((g) => g.kind === 'proposal' && g.id === proposalId)?.members ?? [];
  }
  const taken = coherent(members, joinAt(tx.ctx.policy.major));
  const tickets = (
    await lockTickets(
      tx,
      taken.map((r) => r.id),
    )
  ).filter((t) => t.status !== 'resolved' && !t.majorIncidentId && !t.isMajor);
  if (tickets.length === 0) return null;
  await tx.manager.query(
    `UPDATE major_proposal SET status = 'declared', decided_by_id = $2, decided_at = $3 WHERE id = $1`,
    [proposalId, actorId, tx.now],
  );
  await leaveProposal(tx, proposalId, { dismissed: false });
  const parent = await declareInTx(tx, actorId, tickets);
  await tx.manager.query(`UPDATE major_proposal SET parent_id = $2 WHERE id = $1`, [proposalId, parent.id]);
  await alertAboutProposal(tx, proposalId);
  await lookAgainFor(
    tx,
    parent,
    members.filter((m) => tickets.some((t) => t.id === m.id)),
    seen,
  );
  return parent;
}

/** The second look: free reports of the window that look like a new incident join it too. */
async function lookAgainFor(tx: Tx, parent: TicketEntity, members: readonly ReportSeen[], seen: Surroundings) {
  const inGroup = new Set(members.map((m) => m.id));
  const free = [seen.probe, ...seen.window].filter((r) => r.free && !inGroup.has(r.id));
  const more = secondLook(members, free, joinAt(tx.ctx.policy.major));
  for (const child of await lockTickets(
    tx,
    more.map((r) => r.id),
  )) {
    if (child.status === 'resolved' || child.majorIncidentId || child.isMajor) continue;
    await joinInTx(tx, child, parent, null);
  }
}

/** The proposal's alert is drawn anew from the proposal as it is when sent, on each platform its reports are on. */
async function alertAboutProposal(tx: Tx, proposalId: number): Promise<void> {
  const [row]: Array<{ platforms: Platform[] }> = await tx.manager.query(
    `SELECT platforms FROM major_proposal WHERE id = $1`,
    [proposalId],
  );
  await writeDeliveries(tx, planProposalAlert(proposalId, row?.platforms ?? []));
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
    isMajor: true,
  });
  await recordChange(tx, parent, actorId, {
    kind: 'major_declared',
    data: {
      ticketNumbers: sorted.map((t) => t.number),
      platforms: [...new Set(sorted.map((t) => t.platform))],
      automatically: actorId === null || undefined,
    },
  });
  await autoAssign(tx, parent, actorId, 'auto');
  for (const child of sorted) await joinInTx(tx, child, parent, actorId);
  return parent;
}

export async function joinInTx(tx: Tx, child: Ticket, parent: Ticket, actorId: number | null): Promise<void> {
  if (child.majorIncidentId) await leaveInTx(tx, child, actorId, 'unlinked');
  // A report joining an incident leaves any proposal it was listed in: it is in one group at a time.
  const proposalId = child.majorProposalId;
  await applyChange(tx, child, actorId, {
    patch: { majorIncidentId: parent.id, majorProposalId: null },
    event: { kind: 'linked', data: { parentId: parent.id, parentNumber: parent.number } },
  });
  if (proposalId) await alertAboutProposal(tx, proposalId);
}

async function leaveInTx(tx: Tx, child: Ticket, actorId: number | null, kind: 'unlinked'): Promise<void> {
  const parentId = child.majorIncidentId;
  await applyChange(tx, child, actorId, { patch: { majorIncidentId: null }, event: { kind, data: { parentId } } });
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
    await recordChange(tx, ticket, actorId, {
      kind: 'unlinked',
      data: { parentId: before.majorIncidentId, reason: 'reopened' },
    });
}

async function helpdeskPersonId(tx: Tx): Promise<number> {
  const [row] = await tx.manager.query(`SELECT id FROM person WHERE is_helpdesk`);
  return row.id;
}

async function lockOpenProposal(tx: Tx, id: number): Promise<{ id: number; status: string }> {
  const [row] = await tx.manager.query(`SELECT id, status FROM major_proposal WHERE id = $1 FOR UPDATE`, [id]);
  if (!row) throw new NotFoundError(msg('refusals.noProposal', { id }));
  if (row.status !== 'open')
    throw new ConflictError(msg(`refusals.proposalAlready.${row.status as 'declared' | 'dismissed'}`));
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
  if (childNumber === parentNumber) throw new ConflictError(msg('refusals.linkSelf'));
  const rows: Array<Record<string, unknown>> = await tx.manager.query(
    `SELECT * FROM ticket WHERE number = ANY($1) ORDER BY id FOR UPDATE`,
    [[childNumber, parentNumber]],
  );
  const tickets = rows.map(ticketFromRow);
  const child = tickets.find((t) => t.number === childNumber);
  const parent = tickets.find((t) => t.number === parentNumber);
  if (!child) throw new NotFoundError(msg('refusals.noTicketNumber', { number: childNumber }));
  if (!parent) throw new NotFoundError(msg('refusals.noTicketNumber', { number: parentNumber }));
  return [child, parent];
}

export type { GroupSeen };
