import type { EntityManager } from 'typeorm';
import type { Ticket } from '../model';
import type { LookAlikeSettings, ReportTerms, TermVector } from '../rules/similarity';
import { termWeight, vectorOf } from '../rules/similarity';
import type { GroupSeen, ReportSeen } from '../rules/major-incident';
import { countTerms, languageOf, reportWords, termStatistics, termsOfReport } from './term-weights';

/** The incident being opened (or looked at again), as the look-alike search needs it. */
export interface LookAlikeProbe {
  id: number;
  createdAt: Date;
}

/** The incidents around a report, as the major-incident rule reads them. */
export interface Surroundings {
  probe: ReportSeen;
  /** The window's other incidents, oldest first. */
  window: ReportSeen[];
  /** Open major incidents and open proposals, with their members. */
  groups: GroupSeen[];
}

/**
 * A report's terms never change once it is opened (but for an admin's redaction, which forgets
 * it here: `forgetReport`), and each is compared by every report of the next half hour: they are
 * read from the store once, per database.
 */
const termsByDatabase = new WeakMap<object, Map<number, ReportTerms>>();
const TERMS_KEPT = 5_000;

function termsKept(manager: EntityManager): Map<number, ReportTerms> {
  let kept = termsByDatabase.get(manager.connection);
  if (!kept) termsByDatabase.set(manager.connection, (kept = new Map()));
  return kept;
}

export function forgetReport(manager: EntityManager, ticketId: number): void {
  termsKept(manager).delete(ticketId);
}

/** Members of an open incident read to know what it is about: its most recent ones. */
const MEMBERS_READ = 40;

type Row = {
  id: number;
  customer_id: number;
  service_id: number | null;
  created_ms: string;
  status: string;
  is_major: boolean;
  major_incident_id: number | null;
  major_proposal_id: number | null;
  dismissed: boolean;
  in_window: boolean;
  title: string | null;
  description: string | null;
};

/**
 * One statement reads the window's incidents (through ticket_type_created_idx, so the cost follows
 * the window, not the table), the open major incidents with their latest members, and the members
 * of open proposals that some report of the window is in (an outage quiet for the window is over); one more reads the counts of terms not met before (term-weights.ts).
 */
export async function surroundingsOf(
  manager: EntityManager,
  probe: LookAlikeProbe,
  settings: Pick<LookAlikeSettings, 'windowMinutes'>,
  now: Date = probe.createdAt,
): Promise<Surroundings> {
  const language = await languageOf(manager);
  const kept = termsKept(manager);
  const since = new Date(probe.createdAt.getTime() - settings.windowMinutes * 60_000);
  const rows: Row[] = await manager.query(
    `WITH open_parents AS (SELECT id FROM ticket WHERE is_major AND status <> 'resolved'),
     seen AS (
       SELECT t.id, true AS in_window FROM ticket t
       WHERE t.type = 'incident' AND t.created_at >= $1 AND t.created_at <= $2 AND NOT t.is_major
       UNION ALL
       SELECT id, false FROM open_parents
       UNION ALL
       SELECT m.id, false FROM open_parents p
         CROSS JOIN LATERAL (SELECT c.id FROM ticket c WHERE c.major_incident_id = p.id ORDER BY c.id DESC LIMIT ${MEMBERS_READ}) m
       UNION ALL
       SELECT t.id, false FROM ticket t
       WHERE t.major_proposal_id IN (SELECT id FROM major_proposal WHERE status = 'open')
         AND t.major_proposal_id IN (SELECT major_proposal_id FROM ticket WHERE type = 'incident' AND created_at >= $1 AND created_at <= $2)
       UNION ALL
       SELECT $3::int, false
     ), ids AS (SELECT id, bool_or(in_window) AS in_window FROM seen GROUP BY id)
     SELECT t.id, t.customer_id, t.service_id, (extract(epoch FROM t.created_at) * 1000)::text AS created_ms,
            t.status, t.is_major, t.major_incident_id, t.major_proposal_id, t.look_alike_dismissed_at IS NOT NULL AS dismissed, ids.in_window,
            CASE WHEN t.id = ANY($4::int[]) THEN NULL ELSE t.title END AS title,
            CASE WHEN t.id = ANY($4::int[]) THEN NULL ELSE t.description END AS description
     FROM ids JOIN ticket t ON t.id = ids.id`,
    [since, probe.createdAt, probe.id, [...kept.keys()]],
  );
  const unread = rows
    .filter((row) => row.title !== null)
    .map((row) => ({ row, words: reportWords(row.title ?? '', row.description ?? '') }));
  await language.learnWords(
    manager,
    unread.flatMap(({ words }) => words.all),
  );
  for (const { row, words } of unread) keep(kept, Number(row.id), termsOfReport(language, words, row.service_id));
  const withTerms = rows.map((row) => ({ row, terms: kept.get(Number(row.id))! }));
  const stats = await termStatistics(manager, language, new Set(withTerms.flatMap(({ terms }) => terms.terms)), now);
  const weights = new Map<string, number>();
  const weightOf = (term: string) => {
    let weight = weights.get(term);
    if (weight === undefined) weights.set(term, (weight = termWeight(term, stats)));
    return weight;
  };
  const reports = new Map<number, ReportSeen & { inWindow: boolean; isMajor: boolean }>();
  for (const { row, terms } of withTerms)
    reports.set(row.id, {
      id: Number(row.id),
      customerId: Number(row.customer_id),
      createdAt: Number(row.created_ms),
      vector: vectorOf(terms, weightOf),
      free:
        row.status !== 'resolved' &&
        !row.is_major &&
        row.major_incident_id === null &&
        row.major_proposal_id === null &&
        !row.dismissed,
      incidentId: row.major_incident_id === null ? null : Number(row.major_incident_id),
      proposalId: row.major_proposal_id === null ? null : Number(row.major_proposal_id),
      inWindow: row.in_window,
      isMajor: row.is_major,
    });
  const probeSeen = reports.get(probe.id);
  if (!probeSeen) throw new Error(`ticket id ${probe.id} is not stored`);
  const groups = new Map<string, GroupSeen>();
  const groupOf = (kind: GroupSeen['kind'], id: number) => {
    const key = `${kind}:${id}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind, id, members: [], own: null }));
    return group;
  };
  for (const report of reports.values()) {
    if (report.isMajor) groupOf('incident', report.id).own = report.vector;
    else if (report.incidentId !== null && reports.get(report.incidentId)?.isMajor)
      groupOf('incident', report.incidentId).members.push(report);
    else if (report.proposalId !== null) groupOf('proposal', report.proposalId).members.push(report);
  }
  return {
    probe: probeSeen,
    window: [...reports.values()]
      .filter((r) => r.inWindow && r.id !== probe.id)
      .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id),
    groups: [...groups.values()].filter((g) => g.members.length > 0 || g.own !== null),
  };
}

function keep(kept: Map<number, ReportTerms>, id: number, terms: ReportTerms): void {
  if (kept.size >= TERMS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(id, terms);
}

/**
 * A newly opened incident: its terms are worked out (from the ticket in hand) and counted among
 * the recent tickets', in its transaction, before any search reads them.
 */
export async function countNewReport(
  manager: EntityManager,
  ticket: Pick<Ticket, 'id' | 'title' | 'description' | 'serviceId' | 'createdAt'>,
): Promise<void> {
  const language = await languageOf(manager);
  const words = reportWords(ticket.title, ticket.description);
  await language.learnWords(manager, words.all);
  const terms = termsOfReport(language, words, ticket.serviceId);
  keep(termsKept(manager), ticket.id, terms);
  await countTerms(manager, terms, ticket.createdAt);
}

export type { TermVector };
