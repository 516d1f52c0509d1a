import type { EntityManager } from 'typeorm';
import { TicketEntity } from '../../db/entities';
import type { Ticket, Tier } from '../model';
import { chooseAssignee, planWaitingAssignments, type AssignmentCandidate } from '../rules/assignment';
import type { Tx } from './context';
import { applyChange } from './ticket-changes';

/**
 * Supporters of a tier (or of every tier), locked so that concurrent assignments take turns: the
 * lock comes first, and the loads are counted by a second statement that sees every assignment
 * committed while it waited.
 */
export async function lockCandidates(manager: EntityManager, tier: Tier | null): Promise<AssignmentCandidate[]> {
  const ids: Array<{ id: number }> = await manager.query(
    `SELECT id FROM person WHERE tier IS NOT NULL AND ($1::smallint IS NULL OR tier = $1) AND merged_into_id IS NULL
     ORDER BY id FOR UPDATE`,
    [tier],
  );
  if (ids.length === 0) return [];
  const rows: Array<{
    id: number;
    tier: Tier;
    away: boolean;
    last_assigned_at: Date | null;
    load: number;
    platforms: string[];
  }> = await manager.query(
    `SELECT p.id, p.tier, p.away, p.last_assigned_at,
              (SELECT count(*) FROM ticket t WHERE t.assignee_id = p.id AND t.status <> 'resolved')::int AS load,
              ARRAY(SELECT DISTINCT i.platform FROM identity i WHERE i.person_id = p.id) AS platforms
       FROM person p WHERE p.id = ANY($1) ORDER BY p.id`,
    [ids.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    tier: r.tier,
    away: r.away,
    load: r.load,
    lastAssignedAt: r.last_assigned_at,
    platforms: r.platforms as AssignmentCandidate['platforms'],
  }));
}

/** 'auto' is only the opening's own assignment (openInTx): the notification rule relies on it. */
import type { AssignHow } from '../events';
export type { AssignHow };

/** Sets the assignee (or none), stamps the supporter's last assignment, and records it. */
export async function setAssignee(
  tx: Tx,
  ticket: Ticket,
  assigneeId: number | null,
  actorId: number | null,
  how: AssignHow,
): Promise<void> {
  const previous = ticket.assigneeId;
  // The change stamps the supporter's last assignment in its update (this runs under the candidates' lock).
  await applyChange(tx, ticket, actorId, {
    patch: { assigneeId, assignedAt: assigneeId === null ? null : tx.now },
    event:
      assigneeId === null
        ? { kind: 'waiting', data: { tier: ticket.tier, previousAssigneeId: previous, how } }
        : { kind: 'assigned', data: { assigneeId, previousAssigneeId: previous, how } },
  });
}

/** The rule's choice among the ticket's tier, applied: assigned, or left waiting with admins told. */
export async function autoAssign(
  tx: Tx,
  ticket: Ticket,
  actorId: number | null,
  how: AssignHow,
): Promise<number | null> {
  const candidates = await lockCandidates(tx.manager, ticket.tier);
  for (const c of candidates) tx.knownPlatforms.set(c.id, c.platforms);
  const chosen = chooseAssignee(candidates, { tier: ticket.tier, platform: ticket.platform });
  await setAssignee(tx, ticket, chosen?.id ?? null, actorId, how);
  return chosen?.id ?? null;
}

/** Hands every waiting ticket to available supporters, highest priority first (a supporter arrived). */
export async function assignWaitingTickets(tx: Tx, actorId: number | null): Promise<number> {
  const candidates = await lockCandidates(tx.manager, null);
  const waiting = await tx.manager
    .createQueryBuilder(TicketEntity, 't')
    .where(`t.assignee_id IS NULL AND t.status <> 'resolved'`)
    .setLock('pessimistic_write')
    .setOnLocked('skip_locked')
    .getMany();
  const plan = planWaitingAssignments(waiting, candidates, tx.now);
  const byId = new Map(waiting.map((t) => [t.id, t]));
  for (const { ticketId, assigneeId } of plan) {
    await setAssignee(tx, byId.get(ticketId)!, assigneeId, actorId, 'waiting');
  }
  return plan.length;
}
