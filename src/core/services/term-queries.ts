import type { EntityManager } from 'typeorm';
import { searchQuery } from '../rules/it-words';

/**
 * Each search term's query in both languages (`to_tsquery('english') || to_tsquery('danish')`, as text),
 * or null for a stop word of either language: the stored search vector keeps English stop words
 * under 'danish', so "the" would match every English report. Stemming a synonym group in two
 * languages was the largest part of a search; a term's query never changes for a database, so it
 * is asked of the database once per process and term (per database: stemmers may differ between
 * PostgreSQL versions), a term not yet known in the same one statement for all of them.
 */
const TERM_QUERIES_KEPT = 20_000;
const termQueriesOf = new WeakMap<object, Map<string, string | null>>();

export async function termQueries(manager: EntityManager, terms: string[]): Promise<Array<string | null>> {
  let known = termQueriesOf.get(manager.connection);
  if (!known) termQueriesOf.set(manager.connection, (known = new Map()));
  const missing = terms.filter((term) => !known.has(term));
  if (missing.length > 0) {
    const rows: Array<{ term: string; query: string | null }> = await manager.query(
      `SELECT term, CASE WHEN strpos(term, '|') > 0 OR (ts_lexize('english_stem'::regdictionary, term) <> '{}' AND ts_lexize('danish_stem'::regdictionary, term) <> '{}')
                         THEN (to_tsquery('english'::regconfig, query) || to_tsquery('danish'::regconfig, query))::text END AS query
       FROM unnest($1::text[], $2::text[]) AS u(term, query)`,
      [missing, missing.map(searchQuery)],
    );
    if (known.size + rows.length > TERM_QUERIES_KEPT) known.clear();
    // An empty query (a word of no letters a stemmer keeps) matches nothing: as a stop word.
    for (const row of rows) known.set(row.term, row.query === '' ? null : row.query);
  }
  return terms.map((term) => known.get(term) ?? null);
}

/** The kept terms' queries OR-ed (a report's "any of these"), or null when none is kept. */
export function anyOf(queries: Array<string | null>): string | null {
  const kept = queries.filter((q): q is string => q !== null);
  return kept.length > 0 ? kept.map((q) => `(${q})`).join(' | ') : null;
}
