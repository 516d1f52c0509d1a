import type { EntityManager } from 'typeorm';
import { searchTerms } from '../rules/it-words';
import { isLookAlike, sharedShare, type LookAlikeScores, type LookAlikeSettings } from '../rules/similarity';
import type { ServiceContext } from './context';
import { incidentsMetSince, keepIncident, matchesAny, termsFoundOtherwiseIn } from './incidents-met';
import { termMatches } from './term-queries';

/** The incident being opened, as the look-alike search needs it. */
export interface LookAlikeProbe {
  id: number;
  title: string;
  description: string;
  serviceId: number | null;
  createdAt: Date;
}

export interface LookAlikeCandidate extends LookAlikeScores {
  id: number;
  serviceId: number | null;
  createdAt: Date;
}

/**
 * The scores of every incident opened in the window before the probe (the probe itself left out),
 * from one statement (and one more first when the report has terms this process has not met yet,
 * see `termMatches`):
 * - `trigram`: pg_trgm similarity of the titles (a title retyped, typos and all). Titles only: on
 *   whole descriptions similarity() costs some 100 µs an incident, more than the search may take;
 * - `shared`/`terms`: how many of the probe's search terms the incident's stored search vector
 *   matches through the 'english' and 'danish' configurations, so an English and a Danish report
 *   meet on stems, product names, error codes and the synonym list. This count is the full-text
 *   ranking the rule reads; ts_rank, tried beside it, added nothing on the tuning half and cost some 10 µs an
 *   incident. A word that is a stop word in either language is left out (the stored vector keeps
 *   English stop words under 'danish', so "the" would match every English report). Each term is
 *   matched here against the vector's lexemes, fetched once per incident (see incidents-met.ts):
 *   in the statement, a match per term and row was a third of its cost. A term whose query is more
 *   than operands joined by `|` (none of the corpus's) is still matched by the database.
 * - `misspelt`: of the terms the vector did not match, those the incident's text has one typo off
 *   or as a compound's last word (rules/it-words.ts `termsFoundOtherwise`), tested here, in
 *   microseconds, rather than by a SQL function per incident; only for incidents sharing a term as
 *   written, as the rule wants.
 * The window is read through ticket_type_created_idx, so the cost follows the incidents in the
 * window, not the size of the table.
 */
export async function scoreRecentIncidents(
  manager: EntityManager,
  probe: LookAlikeProbe,
  windowMinutes: number,
  /**
   * Score only incidents that could pass the rule: sharing a term, or with titles this alike. An
   * incident with neither never looks alike (the rule needs MAJOR_SHARED_MIN ≥ 1 shared terms
   * otherwise), so it costs no spelling test and is not returned. Tuning leaves it out, to see every score.
   */
  onlyPossible?: { trigramAt: number },
): Promise<LookAlikeCandidate[]> {
  const since = new Date(probe.createdAt.getTime() - windowMinutes * 60_000);
  const terms = searchTerms(probe.title, probe.description);
  const matches = await termMatches(manager, terms);
  const kept = matches.filter((m) => m !== null).length;
  const met = incidentsMetSince(manager, since);
  const values: unknown[] = [probe.title, since, probe.createdAt, probe.id, [...met.keys()]];
  const param = (value: unknown) => `$${values.push(value)}`;
  // The terms the database matches (see above), as a string of 1s and 0s in their order.
  const inDatabase = matches.filter((m) => m !== null && m.operands === null);
  const hits = inDatabase.length > 0 ? `concat(${inDatabase.map((m) => `CASE WHEN t.search @@ ${param(m!.query)}::tsquery THEN '1' ELSE '0' END`).join(', ')})` : `''`;
  // Not `%` for the titles: the window index already narrowed the rows to a few dozen, and the
  // planner's estimate of `%` (matching the probe against the column's statistics) cost some 1 ms
  // of planning per search on PostgreSQL, more than similarity() on every title of the window.
  const rows: Array<{ id: number; service_id: number | null; created_ms: number; title: string | null; description: string | null; lexemes: string[] | null; trigram: number; hits: string }> =
    await manager.query(
      `SELECT t.id, t.service_id, extract(epoch FROM t.created_at) * 1000 AS created_ms,
              CASE WHEN t.id = ANY($5::int[]) THEN NULL ELSE t.title END AS title,
              CASE WHEN t.id = ANY($5::int[]) THEN NULL ELSE t.description END AS description,
              CASE WHEN t.id = ANY($5::int[]) THEN NULL ELSE tsvector_to_array(t.search) END AS lexemes,
              -- pg_trgm folds case itself (as lower() would, in the database's locale).
              similarity(t.title, $1::text) AS trigram,
              ${hits} AS hits
       FROM ticket t
       WHERE t.type = 'incident' AND t.created_at >= $2 AND t.created_at <= $3 AND t.id <> $4`,
      values,
    );
  const candidates: LookAlikeCandidate[] = [];
  for (const r of rows) {
    const incident = met.get(r.id) ?? keepIncident(manager, r.id, Number(r.created_ms), r.title ?? '', r.description ?? '', r.lexemes ?? []);
    let fromDatabase = 0;
    const unmatched = terms.filter((_, i) => {
      const match = matches[i];
      if (match === null) return false;
      return !(match.operands === null ? r.hits[fromDatabase++] === '1' : matchesAny(incident.lexemes, match.operands));
    });
    const shared = kept - unmatched.length;
    const trigram = Number(r.trigram);
    if (onlyPossible && shared === 0 && trigram < onlyPossible.trigramAt) continue;
    candidates.push({
      id: r.id,
      serviceId: r.service_id,
      createdAt: new Date(Number(r.created_ms)),
      trigram,
      shared,
      // Only beside a term matched as written (see isLookAlike), so a report sharing none costs no spelling test.
      misspelt: shared > 0 ? termsFoundOtherwiseIn(incident, unmatched) : 0,
      terms: kept,
      sameService: probe.serviceId !== null && r.service_id === probe.serviceId,
    });
  }
  return candidates;
}

/** The incidents of the window that look like the probe, most alike first, inside the caller's transaction. */
export async function findLookAlikesIn(manager: EntityManager, probe: LookAlikeProbe, settings: LookAlikeSettings): Promise<LookAlikeCandidate[]> {
  const candidates = await scoreRecentIncidents(manager, probe, settings.windowMinutes, { trigramAt: settings.trigramAt });
  return candidates
    .filter((c) => isLookAlike(c, settings))
    .sort((a, b) => sharedShare(b) - sharedShare(a) || b.trigram - a.trigram || a.id - b.id);
}

/**
 * The same outside a transaction: it is one read-only statement, which PostgreSQL already runs on
 * one snapshot, and BEGIN and COMMIT would double its round trips.
 */
export function findLookAlikes(ctx: ServiceContext, probe: LookAlikeProbe, settings: LookAlikeSettings): Promise<LookAlikeCandidate[]> {
  return findLookAlikesIn(ctx.dataSource.manager, probe, settings);
}
