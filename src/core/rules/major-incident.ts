import type { Ticket } from '../model';
import { alikeness, centroidOf, type TermVector } from './similarity';

/**
 * What a new incident report makes of the reports around it (PRODUCT.md "Major incidents"):
 * - it joins the open major incident or open proposal it looks like as a whole (the group's
 *   centroid), never one that a single member of it looks like;
 * - else it forms a group with the free reports of the window it looks like, kept only as far as
 *   each member looks like the rest; the group is proposed to staff once it holds
 *   `proposeAt` distinct customers, and declared at once at `declareAt`;
 * - whenever a group forms or grows, the window's free reports are looked at again against it.
 * A group forms at `alikeAt` (its seeds look like each other that much) and grows at `joinAt`, a
 * fixed share of it: reports of one outage share few words pairwise (a terse "vpn down" and a
 * chatty account of a hotel's Wi-Fi), but each looks like the outage's centroid more than like any
 * one member. A group quiet for the window (no member opened in it) is not joined any more: an
 * outage reported again after that long is most often another one, and staff can link by hand.
 * Free reports: unresolved, in no incident or proposal, not called "Not related" by staff.
 */
export interface ReportSeen {
  id: number;
  customerId: number;
  createdAt: number;
  vector: TermVector;
  free: boolean;
  incidentId: number | null;
  proposalId: number | null;
}

export interface GroupSeen {
  kind: 'incident' | 'proposal';
  id: number;
  members: ReportSeen[];
  /** An incident's own ticket: what it is about when no member is left to say it. */
  own: TermVector | null;
}

export interface MajorThresholds {
  alikeAt: number;
  windowMinutes: number;
  proposeAt: number;
  declareAt: number;
}

export type Placement =
  | { action: 'grow'; group: GroupSeen; added: ReportSeen[] }
  | { action: 'form'; members: ReportSeen[] }
  | { action: 'none' };

/** A group grows at this share of the threshold it formed at (chosen on the tuning half of the blind corpus). */
export const JOIN_SHARE = 0.8;
export const joinAt = (thresholds: Pick<MajorThresholds, 'alikeAt'>) => thresholds.alikeAt * JOIN_SHARE;

/** No member of the group was opened in the window before the probe: the outage it stands for is over. */
export function isQuiet(group: GroupSeen, probe: Pick<ReportSeen, 'createdAt'>, windowMinutes: number): boolean {
  if (group.members.length === 0) return false;
  const newest = Math.max(...group.members.map((m) => m.createdAt));
  return newest < probe.createdAt - windowMinutes * 60_000;
}

export const distinctCustomers = (reports: readonly Pick<ReportSeen, 'customerId'>[]) =>
  new Set(reports.map((r) => r.customerId)).size;

function groupVectors(group: GroupSeen): TermVector[] {
  return group.members.length > 0 ? group.members.map((m) => m.vector) : group.own ? [group.own] : [];
}

/** How much a report looks like a group as a whole: its cosine with the group's centroid. */
export function groupScore(report: ReportSeen, members: readonly TermVector[]): number {
  return members.length === 0 ? 0 : alikeness(report.vector, centroidOf(members));
}

export function placeNewReport(
  probe: ReportSeen,
  groups: readonly GroupSeen[],
  window: readonly ReportSeen[],
  thresholds: MajorThresholds,
): Placement {
  // The group it looks like most; an incident before a proposal when both look alike as much.
  let best: { group: GroupSeen; score: number } | null = null;
  for (const group of groups) {
    if (isQuiet(group, probe, thresholds.windowMinutes)) continue;
    const score = groupScore(probe, groupVectors(group));
    if (score < joinAt(thresholds)) continue;
    if (
      !best ||
      score > best.score ||
      (score === best.score && group.kind === 'incident' && best.group.kind === 'proposal')
    )
      best = { group, score };
  }
  const free = window.filter((r) => r.free && r.id !== probe.id);
  if (best) {
    const added = [probe, ...secondLook([...best.group.members, probe], free, joinAt(thresholds))];
    return { action: 'grow', group: best.group, added };
  }
  const seeds = free.filter((r) => alikeness(probe.vector, r.vector) >= thresholds.alikeAt);
  if (seeds.length === 0) return { action: 'none' };
  const core = coherent([probe, ...seeds], thresholds.alikeAt);
  if (!core.includes(probe) || core.length < 2) return { action: 'none' };
  const members = [...core, ...secondLook(core, free, joinAt(thresholds))];
  if (distinctCustomers(members) < thresholds.proposeAt) return { action: 'none' };
  return { action: 'form', members };
}

/**
 * The free reports that look like the group once it formed or grew, one after another (each
 * added moves the centroid), the most alike first; never one already in it.
 */
export function secondLook(members: readonly ReportSeen[], free: readonly ReportSeen[], alikeAt: number): ReportSeen[] {
  const inGroup = new Set(members.map((m) => m.id));
  const vectors = members.map((m) => m.vector);
  const added: ReportSeen[] = [];
  for (;;) {
    const centroid = centroidOf(vectors);
    let best: { report: ReportSeen; score: number } | null = null;
    for (const report of free) {
      if (inGroup.has(report.id)) continue;
      const score = alikeness(report.vector, centroid);
      if (score >= alikeAt && (!best || score > best.score)) best = { report, score };
    }
    if (!best) return added;
    inGroup.add(best.report.id);
    vectors.push(best.report.vector);
    added.push(best.report);
  }
}

/**
 * The reports of a would-be group that each look like the rest of it: the one least like the
 * others leaves, until every one left looks like the others' centroid.
 */
export function coherent(reports: readonly ReportSeen[], alikeAt: number): ReportSeen[] {
  const kept = [...reports];
  while (kept.length >= 2) {
    let worst: { index: number; score: number } | null = null;
    kept.forEach((report, index) => {
      const others = kept.filter((_, i) => i !== index).map((r) => r.vector);
      const score = alikeness(report.vector, centroidOf(others));
      if (!worst || score < worst.score) worst = { index, score };
    });
    if (worst === null || (worst as { score: number }).score >= alikeAt) break;
    kept.splice((worst as { index: number }).index, 1);
  }
  return kept;
}

/** The parent's title: what the first report said, marked as the major incident it became. */
export function majorTitle(first: Pick<Ticket, 'title'>): string {
  return `Major incident: ${first.title}`.slice(0, 100);
}

export function majorDescription(tickets: Array<Pick<Ticket, 'number' | 'title'>>): string {
  const lines = tickets.map((t) => `- #${t.number} ${t.title}`);
  return [`Declared from ${tickets.length} look-alike reports:`, ...lines].join('\n').slice(0, 3000);
}
