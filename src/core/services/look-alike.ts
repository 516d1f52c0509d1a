import type { EntityManager } from 'typeorm';
import { searchTerms } from '../rules/it-words';
import {
  isLookAlike,
  sharedShare,
  trigramSimilarity,
  type LookAlikeScores,
  type LookAlikeSettings,
} from '../rules/similarity';
import type { ServiceContext } from './context';
import { incidentsMetSince, keepIncident, matchesTerm, termsFoundOtherwiseIn } from './incidents-met';
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
 * - `trigram`: pg_trgm similarity of the titles (a title retyped, typos and all), from their
 *   trigrams as the store makes them, each incident's fetched once (see below). Titles only: on
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
  const hits =
    inDatabase.length > 0
      ? `concat(${inDatabase.map((m) => `CASE WHEN t.search @@ ${param(m!.query)}::tsquery THEN '1' ELSE '0' END`).join(', ')})`
      : `''`;
  // The titles' trigrams (pg_trgm's, see rules/similarity.ts `trigramSimilarity`) fetched once per
  // incident, and the probe's in a row of its own (id 0, which no ticket has): similarity() on
  // every title of the window was a fifth of the search. Not `%` either: the planner's estimate of
  // it (the probe against the column's statistics) cost some 1 ms of planning per search.
  type Row = {
    id: number;
    service_id: number | null;
    created_ms: number;
    title: string | null;
    description: string | null;
    lexemes: string[] | null;
    trigrams: string[] | null;
    hits: string;
  };
  const rows: Row[] = await manager.query(
    `SELECT 0 AS id, NULL::int AS service_id, 0 AS created_ms, NULL AS title, NULL AS description, NULL::text[] AS lexemes,
            show_trgm($1::text) AS trigrams, '' AS hits
     UNION ALL
     SELECT t.id, t.service_id, extract(epoch FROM t.created_at) * 1000,
            CASE WHEN t.id = ANY($5::int[]) THEN NULL ELSE t.title END,
            CASE WHEN t.id = ANY($5::int[]) THEN NULL ELSE t.description END,
            CASE WHEN t.id = ANY($5::int[]) THEN NULL ELSE tsvector_to_array(t.search) END,
            CASE WHEN t.id = ANY($5::int[]) THEN NULL ELSE show_trgm(t.title) END,
            ${hits}
     FROM ticket t
     WHERE t.type = 'incident' AND t.created_at >= $2 AND t.created_at <= $3 AND t.id <> $4`,
    values,
  );
  const probeTrigrams = new Set(rows.find((r) => r.id === 0)?.trigrams ?? []);
  const candidates: LookAlikeCandidate[] = [];
  for (const r of rows) {
    if (r.id === 0) continue;
    const incident =
      met.get(r.id) ??
      keepIncident(manager, r.id, {
        createdAt: Number(r.created_ms),
        title: r.title ?? '',
        description: r.description ?? '',
        lexemes: r.lexemes ?? [],
        trigrams: r.trigrams ?? [],
      });
    let fromDatabase = 0;
    const unmatched = terms.filter((_, i) => {
      const match = matches[i];
      if (match === null) return false;
      return !(match.operands === null
        ? r.hits[fromDatabase++] === '1'
        : matchesTerm(incident, terms[i], match.operands));
    });
    const shared = kept - unmatched.length;
    const trigram = trigramSimilarity(probeTrigrams, incident.trigrams);
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
export async function findLookAlikesIn(
  manager: EntityManager,
  probe: LookAlikeProbe,
  settings: LookAlikeSettings,
): Promise<LookAlikeCandidate[]> {
  const candidates = await scoreRecentIncidents(manager, probe, settings.windowMinutes, {
    trigramAt: settings.trigramAt,
  });
  return candidates
    .filter((c) => isLookAlike(c, settings))
    .sort((a, b) => sharedShare(b) - sharedShare(a) || b.trigram - a.trigram || a.id - b.id);
}

/**
 * The same outside a transaction: it is one read-only statement, which PostgreSQL already runs on
 * one snapshot, and BEGIN and COMMIT would double its round trips.
 */
export function findLookAlikes(
  ctx: ServiceContext,
  probe: LookAlikeProbe,
  settings: LookAlikeSettings,
): Promise<LookAlikeCandidate[]> {
  return findLookAlikesIn(ctx.dataSource.manager, probe, settings);
}
