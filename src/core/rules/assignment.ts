import type { IdentityRef, Platform, Priority, Tier } from '../model';
import { PRIORITIES } from '../model';

/** A supporter as the assignment rule sees them. */
export interface AssignmentCandidate {
  id: number;
  tier: Tier | null;
  away: boolean;
  /** Open or pending tickets assigned to them now. */
  load: number;
  lastAssignedAt: Date | null;
  platforms: Platform[];
}

export interface AssignmentNeed {
  tier: Tier;
  platform: Platform;
}

/**
 * Who an escalation to `toTier` may be handed to by name on a platform: that tier's supporters who
 * are not away and can be reached there (the least-loaded of them is always offered as well).
 */
export function escalationCandidates<S extends { tier: Tier | null; away: boolean; identities: IdentityRef[] }>(
  staff: S[],
  toTier: Tier,
  platform: Platform,
): S[] {
  return staff.filter((s) => s.tier === toTier && !s.away && s.identities.some((i) => i.platform === platform));
}

export function isEligible(candidate: AssignmentCandidate, need: AssignmentNeed): boolean {
  return candidate.tier === need.tier && !candidate.away && candidate.platforms.includes(need.platform);
}

/** Fewest unresolved tickets; ties to the one assigned least recently (never = first); then lowest id. */
export function compareForAssignment(a: AssignmentCandidate, b: AssignmentCandidate): number {
  if (a.load !== b.load) return a.load - b.load;
  const aTime = a.lastAssignedAt?.getTime() ?? -Infinity;
  const bTime = b.lastAssignedAt?.getTime() ?? -Infinity;
  if (aTime !== bTime) return aTime < bTime ? -1 : 1;
  return a.id - b.id;
}

/** Who gets a ticket needing this tier on this platform, or null when no one is available. */
export function chooseAssignee(candidates: AssignmentCandidate[], need: AssignmentNeed): AssignmentCandidate | null {
  const eligible = candidates.filter((c) => isEligible(c, need)).sort(compareForAssignment);
  return eligible[0] ?? null;
}

export interface WaitingTicket extends AssignmentNeed {
  id: number;
  priority: Priority;
  createdAt: Date;
}

/** Queue order (PRODUCT.md "Priority"): highest priority first, then the SLA due soonest, then the oldest. */
export function compareQueueOrder(
  a: {
    priority: Priority;
    createdAt: Date;
    id: number;
    firstResponseDueAt?: Date | null;
    resolutionDueAt?: Date | null;
  },
  b: typeof a,
): number {
  const byPriority = PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority);
  if (byPriority !== 0) return byPriority;
  // Then the SLA due time that comes first; a stopped clock (pending) goes after running ones.
  const due = (t: typeof a) =>
    Math.min(t.firstResponseDueAt?.getTime() ?? Infinity, t.resolutionDueAt?.getTime() ?? Infinity);
  const byDue = due(a) - due(b);
  if (byDue !== 0 && !Number.isNaN(byDue)) return byDue;
  const byAge = a.createdAt.getTime() - b.createdAt.getTime();
  return byAge !== 0 ? byAge : a.id - b.id;
}

/**
 * Hands waiting tickets out by the same rule as a new ticket, highest priority first, counting each
 * hand-out as it goes (used when a supporter is added or comes back from away).
 */
export function planWaitingAssignments(
  waiting: WaitingTicket[],
  candidates: AssignmentCandidate[],
  now: Date,
): Array<{ ticketId: number; assigneeId: number }> {
  const pool = candidates.map((c) => ({ ...c }));
  const plan: Array<{ ticketId: number; assigneeId: number }> = [];
  let tick = 0;
  for (const ticket of [...waiting].sort(compareQueueOrder)) {
    const chosen = chooseAssignee(pool, ticket);
    if (!chosen) continue;
    plan.push({ ticketId: ticket.id, assigneeId: chosen.id });
    chosen.load += 1;
    // Successive hand-outs in one plan are ordered, so ties rotate as they would one at a time.
    chosen.lastAssignedAt = new Date(now.getTime() + tick++);
  }
  return plan;
}
