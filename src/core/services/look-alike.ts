import type { EntityManager } from 'typeorm';
import { searchTerms, spellingsOf, termsFoundOtherwise, type TextSpellings } from '../rules/it-words';
import { isLookAlike, sharedShare, type LookAlikeScores, type LookAlikeSettings } from '../rules/similarity';
import type { ServiceContext } from './context';
import { termMatchQueries } from './term-queries';

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
 * see `termMatchQueries`):
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
  const queries = await termMatchQueries(manager, terms);
  const kept = queries.filter((q): q is string => q !== null);
  // The texts only of incidents whose spellings are not kept yet.
  const spellings = spellingsKeptFor(manager, since);
  const values: unknown[] = [probe.title, since, probe.createdAt, probe.id, [...spellings.keys()]];
  const param = (value: unknown) => `$${values.push(value)}`;
  // One match per term, written out (`t.search @@ $6`, …) as a string of 1s and 0s: plain
  // expressions per row, where a subquery over the terms cost a function scan per row, and a
  // short text where a boolean array cost more to write out and read back than to compute.
  const hits = terms.length > 0 ? `concat(${queries.map((q) => (q === null ? `'0'` : `CASE WHEN t.search @@ ${param(q)}::tsquery THEN '1' ELSE '0' END`)).join(', ')})` : `''`;
  // Each row's matches and trigram are worked out once (OFFSET 0 keeps the planner from merging
  // the subquery into the filter, which would compute them twice), and the incidents sharing no
  // term are left out by them: the terms' queries OR-ed in the WHERE clause also cost the planner
  // a pass over the search column's statistics for each of their operands.
  const possible = onlyPossible ? `WHERE s.hits LIKE '%1%' OR s.trigram >= ${param(onlyPossible.trigramAt)}` : '';
  const rows: Array<{ id: number; service_id: number | null; created_ms: number; title: string | null; description: string | null; trigram: number; hits: string }> = await manager.query(
    `SELECT * FROM (
       SELECT t.id, t.service_id, extract(epoch FROM t.created_at) * 1000 AS created_ms,
              CASE WHEN t.id = ANY($5::int[]) THEN NULL ELSE t.title END AS title,
              CASE WHEN t.id = ANY($5::int[]) THEN NULL ELSE t.description END AS description,
              -- pg_trgm folds case itself (as lower() would, in the database's locale).
              similarity(t.title, $1::text) AS trigram,
              ${hits} AS hits
       FROM ticket t
       WHERE t.type = 'incident' AND t.created_at >= $2 AND t.created_at <= $3 AND t.id <> $4
       OFFSET 0) s
     ${possible}`,
    values,
  );
  return rows.map((r) => {
    const unmatched = terms.filter((_, i) => r.hits[i] === '0' && queries[i] !== null);
    const shared = kept.length - unmatched.length;
    return {
      id: r.id,
      serviceId: r.service_id,
      createdAt: new Date(Number(r.created_ms)),
      trigram: Number(r.trigram),
      shared,
      // Only beside a term matched as written (see isLookAlike), so a report sharing none costs no spelling test.
      misspelt: shared > 0 ? termsFoundOtherwiseIn(spellings.get(r.id) ?? keepSpellings(manager, r.id, Number(r.created_ms), r.title ?? '', r.description ?? ''), unmatched) : 0,
      terms: kept.length,
      sameService: probe.serviceId !== null && r.service_id === probe.serviceId,
    };
  });
}

/**
 * Each incident of the window is scored again by every incident opened after it for half an hour,
 * and working out its words' spellings is the costly part (some 50 µs a report, against a few µs
 * to look its terms up); so they are kept per incident, for the most recent ones, per database
 * (ids are the database's), and the search does not fetch the texts of incidents kept. A
 * report's title and description never change once it is opened.
 */
const SPELLINGS_KEPT = 2_000;

/**
 * An incident's spellings, and the terms already tested against them: the same incident is met by
 * each report of the next half hour, and reports of one outage bring the same terms, synonym
 * groups above all, whose test (some hundred spelling keys each) was most of a search's own work.
 */
interface KeptSpellings {
  createdAt: number;
  spellings: TextSpellings;
  foundOtherwise: Map<string, boolean>;
}
const TERMS_TESTED_KEPT = 500;
const spellingsByDatabase = new WeakMap<object, Map<number, KeptSpellings>>();

function keptSpellings(manager: EntityManager): Map<number, KeptSpellings> {
  let kept = spellingsByDatabase.get(manager.connection);
  if (!kept) spellingsByDatabase.set(manager.connection, (kept = new Map()));
  return kept;
}

/** The spellings kept of the incidents opened since `since` (those a search can meet). */
function spellingsKeptFor(manager: EntityManager, since: Date): Map<number, KeptSpellings> {
  const found = new Map<number, KeptSpellings>();
  for (const [id, entry] of keptSpellings(manager)) if (entry.createdAt >= since.getTime()) found.set(id, entry);
  return found;
}

function keepSpellings(manager: EntityManager, id: number, createdAt: number, title: string, description: string): KeptSpellings {
  const kept = keptSpellings(manager);
  const entry = { createdAt, spellings: spellingsOf(title, description), foundOtherwise: new Map<string, boolean>() };
  kept.set(id, entry);
  // A Map keeps insertion order: the first key is the one stored longest ago.
  if (kept.size > SPELLINGS_KEPT) kept.delete(kept.keys().next().value!);
  return entry;
}

/** `termsFoundOtherwise` for one incident, each term tested once (terms are counted one by one). */
function termsFoundOtherwiseIn(kept: KeptSpellings, terms: readonly string[]): number {
  let found = 0;
  for (const term of terms) {
    let has = kept.foundOtherwise.get(term);
    if (has === undefined) {
      has = termsFoundOtherwise([term], kept.spellings) === 1;
      if (kept.foundOtherwise.size >= TERMS_TESTED_KEPT) kept.foundOtherwise.clear();
      kept.foundOtherwise.set(term, has);
    }
    if (has) found++;
  }
  return found;
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
