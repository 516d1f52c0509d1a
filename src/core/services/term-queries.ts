import type { EntityManager } from 'typeorm';
import { searchQuery } from '../rules/it-words';

/** One operand of a query joined by `|` alone: a lexeme, matched whole or as a prefix (`:*`). */
export interface Operand {
  lexeme: string;
  prefix: boolean;
}

/**
 * A term's query for a search that only asks whether a text matches: in as few operands as match
 * the same texts, and those operands when the query is nothing but operands joined by `|`
 * (null otherwise: phrases, `&`, weights), so a text's lexemes can be matched without the database.
 */
export interface TermMatch {
  query: string;
  operands: Operand[] | null;
}

interface TermQuery {
  query: string;
  match: TermMatch;
}

/**
 * Each search term's query in both languages (`to_tsquery('english') || to_tsquery('danish')`, as text),
 * or null for a stop word of either language: the stored search vector keeps English stop words
 * under 'danish', so "the" would match every English report. Stemming a synonym group in two
 * languages was the largest part of a search; a term's query never changes for a database, so it
 * is asked of the database once per process and term (per database: stemmers may differ between
 * PostgreSQL versions), a term not yet known in the same one statement for all of them.
 */
const TERM_QUERIES_KEPT = 20_000;
const termQueriesOf = new WeakMap<object, Map<string, TermQuery | null>>();

async function termQueriesKnown(manager: EntityManager, terms: string[]): Promise<Array<TermQuery | null>> {
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
    for (const row of rows)
      known.set(
        row.term,
        row.query === null || row.query === '' ? null : { query: row.query, match: fewestOperands(row.query) },
      );
  }
  return terms.map((term) => known.get(term) ?? null);
}

export async function termQueries(manager: EntityManager, terms: string[]): Promise<Array<string | null>> {
  return (await termQueriesKnown(manager, terms)).map((known) => known?.query ?? null);
}

/**
 * The same queries as `TermMatch`es, for a search that only asks whether a text matches (not for
 * ranking: ts_rank_cd may weigh repeated operands). A synonym group stemmed in two languages
 * repeats most stems ('mail':* nine times, 'connect':* beside 'connection':*), and every operand
 * costs each row a lookup and the planner a pass over the column's statistics.
 */
export async function termMatches(manager: EntityManager, terms: string[]): Promise<Array<TermMatch | null>> {
  return (await termQueriesKnown(manager, terms)).map((known) => known?.match ?? null);
}

/** One operand of a query's text: a quoted lexeme (a quote or a backslash in it doubled), a prefix when `:*` follows. */
const OPERAND = /^'((?:[^']|'')*)'(:\*)?$/;

/**
 * A query of operands joined by `|` alone, without the operands another one already matches: a
 * repeat, or a prefix's longer lexemes ('connect':* covers 'connection':* and 'connect'), which
 * matches exactly the texts the query matched. Any other query (phrases, `&`, weights) is kept as
 * it is.
 */
export function fewestOperands(query: string): TermMatch {
  const operands: Array<Operand & { text: string }> = [];
  for (const text of query.split(' | ')) {
    const parsed = OPERAND.exec(text);
    if (!parsed) return { query, operands: null };
    operands.push({
      text,
      lexeme: parsed[1].replace(/''|\\\\/g, (escaped) => escaped[0]),
      prefix: parsed[2] !== undefined,
    });
  }
  const covers = (a: Operand, b: Operand) =>
    a.prefix ? b.lexeme.startsWith(a.lexeme) : !b.prefix && a.lexeme === b.lexeme;
  // Of operands matching the same (identical ones), the first stays.
  const needed = operands.filter(
    (b, i) => !operands.some((a, j) => j !== i && covers(a, b) && (j < i || !covers(b, a))),
  );
  return {
    query: needed.map((o) => o.text).join(' | '),
    operands: needed.map(({ lexeme, prefix }) => ({ lexeme, prefix })),
  };
}

/** The kept terms' queries OR-ed (a report's "any of these"), or null when none is kept. */
export function anyOf(queries: Array<string | null>): string | null {
  const kept = queries.filter((q): q is string => q !== null);
  return kept.length > 0 ? kept.map((q) => `(${q})`).join(' | ') : null;
}
