import type { EntityManager } from 'typeorm';
import { searchTerms, spellingsOf, termsFoundOtherwise, type TextSpellings } from '../rules/it-words';
import { isLookAlike, sharedShare, type LookAlikeScores, type LookAlikeSettings } from '../rules/similarity';
import type { ServiceContext } from './context';
import { anyOf, termQueries } from './term-queries';

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
 * in one statement (and one more first when the report has terms this process has not met yet,
 * see `termQueries`):
 * - `trigram`: pg_trgm similarity of the titles (a title retyped, typos and all). Titles only: on
 *   whole descriptions similarity() costs some 100 µs an incident, more than the search may take;
 * - `shared`/`terms`: how many of the probe's search terms the incident's stored search vector
 *   matches through the 'english' and 'danish' configurations, so an English and a Danish report
 *   meet on stems, product names, error codes and the synonym list. This count is the full-text
 *   ranking the rule reads; ts_rank, tried beside it, added nothing on the tuning half and cost some 10 µs an
 *   incident. A word that is a stop word in either language is left out (the stored vector keeps
 *   English stop words under 'danish', so "the" would match every English report).
 * - `misspelt`: of the terms the vector did not match, those the incident's text has one typo off
 *   or as a compound's last word (rules/it-words.ts `termsFoundOtherwise`), tested here on the
 *   title and description the row already brings, in microseconds, rather than by a SQL function
 *   per incident; only for incidents sharing a term as written, as the rule wants.
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
   * otherwise), and the one cheap test per incident keeps a crowded window (a burst of reports)
   * from costing a full scoring of each. Tuning leaves it out, to see every score.
   */
  onlyPossible?: { trigramAt: number },
): Promise<LookAlikeCandidate[]> {
  const since = new Date(probe.createdAt.getTime() - windowMinutes * 60_000);
  // Not `%` for the titles: the window index already narrowed the rows to a few dozen, and the
  // planner's estimate of `%` (matching the probe against the column's statistics) cost some 1 ms
  // of planning per search on PostgreSQL, more than similarity() on every title of the window.
  const terms = searchTerms(probe.title, probe.description);
  const queries = await termQueries(manager, terms);
  const kept = queries.filter((q): q is string => q !== null);
  // The incidents sharing no term are not scored (see onlyPossible).
  const any = anyOf(queries);
  const possible = onlyPossible ? `AND (t.search @@ $6::tsquery OR similarity(t.title, $1::text) >= $7)` : '';
  // One match per term, written out (`t.search @@ $2[1]`, …): evaluated on each row as plain
  // expressions, where a subquery over the terms cost a function scan per row.
  const hits = terms.length > 0 ? `ARRAY[${terms.map((_, i) => `t.search @@ ($2::tsquery[])[${i + 1}]`).join(', ')}]` : `'{}'::boolean[]`;
  const rows: Array<{ id: number; service_id: number | null; created_at: Date; title: string; description: string; trigram: number; hits: Array<boolean | null> }> = await manager.query(
    `SELECT t.id, t.service_id, t.created_at, t.title, t.description,
            -- pg_trgm folds case itself (as lower() would, in the database's locale).
            similarity(t.title, $1::text) AS trigram,
            ${hits} AS hits
     FROM ticket t
     WHERE t.type = 'incident' AND t.created_at >= $3 AND t.created_at <= $4 AND t.id <> $5 ${possible}`,
    [probe.title, queries, since, probe.createdAt, probe.id, ...(onlyPossible ? [any, onlyPossible.trigramAt] : [])],
  );
  return rows.map((r) => {
    const unmatched = terms.filter((_, i) => r.hits[i] === false);
    const shared = kept.length - unmatched.length;
    return {
      id: r.id,
      serviceId: r.service_id,
      createdAt: new Date(r.created_at),
      trigram: Number(r.trigram),
      shared,
      // Only beside a term matched as written (see isLookAlike), so a report sharing none costs no spelling test.
      misspelt: shared > 0 ? termsFoundOtherwise(unmatched, spellingsOfIncident(r)) : 0,
      terms: kept.length,
      sameService: probe.serviceId !== null && r.service_id === probe.serviceId,
    };
  });
}

/**
 * Each incident of the window is scored again by every incident opened after it for half an hour,
 * and working out its words' spellings is the costly part (some 50 µs a report, against a few µs
 * to look its terms up); so they are kept per incident, for the most recent ones. A report's
 * title and description never change once it is opened; the text is compared all the same, so a
 * reused id (a fresh database in tests) is never served another report's spellings.
 */
const SPELLINGS_KEPT = 2_000;
const spellingsKept = new Map<number, { text: string; spellings: TextSpellings }>();

function spellingsOfIncident(row: { id: number; title: string; description: string }): TextSpellings {
  const text = `${row.title}\n${row.description}`;
  const kept = spellingsKept.get(row.id);
  if (kept?.text === text) return kept.spellings;
  const spellings = spellingsOf(row.title, row.description);
  spellingsKept.delete(row.id);
  spellingsKept.set(row.id, { text, spellings });
  // A Map keeps insertion order: the first key is the one stored longest ago.
  if (spellingsKept.size > SPELLINGS_KEPT) spellingsKept.delete(spellingsKept.keys().next().value!);
  return spellings;
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
