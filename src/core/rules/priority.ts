import { DEFAULT_PRIORITY, type Impact, type Priority, type Urgency } from '../model';

/**
 * The ITIL priority matrix: how many people a problem touches (impact) against how badly it stops
 * their work (urgency). One table, read row by row; every cell is tested.
 */
export const PRIORITY_MATRIX: Record<Impact, Record<Urgency, Priority>> = {
  //               I can work   degraded       blocked
  everyone: { can_work: 'P3', degraded: 'P2', blocked: 'P1' },
  team: { can_work: 'P4', degraded: 'P3', blocked: 'P2' },
  individual: { can_work: 'P4', degraded: 'P4', blocked: 'P3' },
};

/** The priority a new ticket starts with: the matrix's cell, or P3 when either answer is missing. */
export function priorityFor(impact: Impact | null, urgency: Urgency | null): Priority {
  if (!impact || !urgency) return DEFAULT_PRIORITY;
  return PRIORITY_MATRIX[impact][urgency];
}

/** Lower sorts first: P1 before P4. */
export function priorityRank(priority: Priority): number {
  return Number(priority.slice(1));
}

export const IMPACT_LABEL: Record<Impact, string> = {
  individual: 'Just me',
  team: 'My team',
  everyone: 'Everyone',
};

export const URGENCY_LABEL: Record<Urgency, string> = {
  can_work: 'I can work',
  degraded: 'Degraded',
  blocked: 'Blocked',
};
