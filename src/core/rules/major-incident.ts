import type { Ticket } from '../model';

/**
 * What a new incident's look-alikes make of it (PRODUCT.md "Major incidents"): it joins an open
 * major incident one of them belongs to; or, counting itself, enough of them are proposed to
 * staff as one, and more are declared one at once. Tickets staff called "Not related" and
 * resolved tickets never count.
 */
export type LookAlikeTicket = Pick<Ticket, 'id' | 'status' | 'isMajor' | 'majorIncidentId'> & {
  lookAlikeDismissedAt: Date | null;
};

export type MajorOutcome =
  | { action: 'join'; parentId: number }
  | { action: 'declare'; ticketIds: number[] }
  | { action: 'propose'; ticketIds: number[] }
  | { action: 'none' };

export interface MajorThresholds {
  proposeAt: number;
  declareAt: number;
}

export function outcomeForNewIncident(
  newTicketId: number,
  lookAlikes: LookAlikeTicket[],
  openParentIds: ReadonlySet<number>,
  thresholds: MajorThresholds,
): MajorOutcome {
  // The open incident most of the look-alikes belong to (a parent found itself counts for itself).
  const votes = new Map<number, number>();
  for (const t of lookAlikes) {
    const parent = t.isMajor ? t.id : t.majorIncidentId;
    if (parent !== null && openParentIds.has(parent)) votes.set(parent, (votes.get(parent) ?? 0) + 1);
  }
  if (votes.size > 0) {
    const [parentId] = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    return { action: 'join', parentId };
  }
  const counted = lookAlikes.filter(
    (t) => !t.isMajor && t.status !== 'resolved' && !t.lookAlikeDismissedAt && t.majorIncidentId === null,
  );
  const ticketIds = [newTicketId, ...counted.map((t) => t.id)];
  if (ticketIds.length >= thresholds.declareAt) return { action: 'declare', ticketIds };
  if (ticketIds.length >= thresholds.proposeAt) return { action: 'propose', ticketIds };
  return { action: 'none' };
}

/** The parent's title: what the first report said, marked as the major incident it became. */
export function majorTitle(first: Pick<Ticket, 'title'>): string {
  return `Major incident: ${first.title}`.slice(0, 100);
}

export function majorDescription(tickets: Array<Pick<Ticket, 'number' | 'title'>>): string {
  const lines = tickets.map((t) => `- #${t.number} ${t.title}`);
  return [`Declared from ${tickets.length} look-alike reports:`, ...lines].join('\n').slice(0, 3000);
}
