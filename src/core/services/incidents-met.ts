import type { EntityManager } from 'typeorm';
import { spellingsOf, termsFoundOtherwise, type TextSpellings } from '../rules/it-words';
import type { Operand } from './term-queries';

/**
 * What the look-alike search keeps of an incident it has met. Each incident of the window is
 * scored again by every incident opened after it for half an hour, and a report's title,
 * description and search vector never change once it is opened (but for an admin's redaction of
 * the late reply a follow-up was opened with, which forgets it here: `forgetIncident`); so the
 * search fetches them once, and tests a report's terms here against what is kept instead of in the
 * database's statement.
 */
export interface IncidentMet {
  createdAt: number;
  /** Its title's trigrams, as pg_trgm's show_trgm() gives them (see rules/similarity.ts `trigramSimilarity`). */
  trigrams: readonly string[];
  /** The lexemes of its stored search vector, in JavaScript's order, to find a prefix's by halving. */
  lexemes: readonly string[];
  /** Its text, until its spellings are first needed. */
  text: { title: string; description: string } | null;
  /** Its words' spelling keys (rules/it-words.ts `spellingsOf`), some 50 µs a report: worked out when first needed. */
  spellings: TextSpellings | null;
  /**
   * The terms already tested for a misspelling against it: reports of one outage bring the same
   * terms, synonym groups above all, whose test (some hundred spelling keys each) was most of a
   * search's own work.
   */
  foundOtherwise: Map<string, boolean>;
  /** The terms already matched against its lexemes, for the same reason. */
  matched: Map<string, boolean>;
}

/** Kept for the most recent incidents met, per database (ids are the database's). */
const INCIDENTS_KEPT = 2_000;
// At most this many terms per incident (a few reports' worth): at most 400,000 answers kept, when 2,000 incidents are.
const TERMS_TESTED_KEPT = 200;
const incidentsByDatabase = new WeakMap<object, Map<number, IncidentMet>>();

function incidentsMet(manager: EntityManager): Map<number, IncidentMet> {
  let met = incidentsByDatabase.get(manager.connection);
  if (!met) incidentsByDatabase.set(manager.connection, (met = new Map()));
  return met;
}

/** The incidents kept that were opened since `since` (those a search can meet). */
export function incidentsMetSince(manager: EntityManager, since: Date): Map<number, IncidentMet> {
  const found = new Map<number, IncidentMet>();
  for (const [id, incident] of incidentsMet(manager))
    if (incident.createdAt >= since.getTime()) found.set(id, incident);
  return found;
}

export function keepIncident(
  manager: EntityManager,
  id: number,
  fetched: { createdAt: number; title: string; description: string; lexemes: string[]; trigrams: string[] },
): IncidentMet {
  const { createdAt, title, description, lexemes, trigrams } = fetched;
  const met = incidentsMet(manager);
  const incident: IncidentMet = {
    createdAt,
    trigrams,
    lexemes: lexemes.sort(),
    text: { title, description },
    spellings: null,
    foundOtherwise: new Map(),
    matched: new Map(),
  };
  met.set(id, incident);
  // A Map keeps insertion order: the first key is the one stored longest ago.
  if (met.size > INCIDENTS_KEPT) met.delete(met.keys().next().value!);
  return incident;
}

/** An incident whose text was changed (a redaction): met again, it is fetched anew. */
export function forgetIncident(manager: EntityManager, id: number): void {
  incidentsMet(manager).delete(id);
}

/**
 * Whether a search vector's lexemes (sorted as `keepIncident` sorts them) match a query of operands
 * joined by `|`, as `@@` would: a lexeme equal to an operand, or starting with a prefix operand.
 * Sorted, the lexemes starting with a prefix come first among those not below it; both sides are
 * the database's own strings.
 */
export function matchesAny(lexemes: readonly string[], operands: readonly Operand[]): boolean {
  return operands.some(({ lexeme, prefix }) => {
    let low = 0;
    let high = lexemes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (lexemes[middle] < lexeme) low = middle + 1;
      else high = middle;
    }
    return low < lexemes.length && (prefix ? lexemes[low].startsWith(lexeme) : lexemes[low] === lexeme);
  });
}

/** Whether the incident's search vector matches the term (its operands, see `matchesAny`), each term matched once. */
export function matchesTerm(incident: IncidentMet, term: string, operands: readonly Operand[]): boolean {
  return remembered(incident.matched, term, () => matchesAny(incident.lexemes, operands));
}

/** `termsFoundOtherwise` against the incident, each term tested once (terms are counted one by one). */
export function termsFoundOtherwiseIn(incident: IncidentMet, terms: readonly string[]): number {
  return terms.filter((term) =>
    remembered(incident.foundOtherwise, term, () => termsFoundOtherwise([term], spellingsOfIncident(incident)) === 1),
  ).length;
}

/** A term's answer for one incident, worked out once; each incident keeps at most TERMS_TESTED_KEPT. */
function remembered(answers: Map<string, boolean>, term: string, work: () => boolean): boolean {
  let answer = answers.get(term);
  if (answer === undefined) {
    answer = work();
    if (answers.size >= TERMS_TESTED_KEPT) answers.clear();
    answers.set(term, answer);
  }
  return answer;
}

function spellingsOfIncident(incident: IncidentMet): TextSpellings {
  if (!incident.spellings) {
    incident.spellings = spellingsOf(incident.text?.title ?? '', incident.text?.description ?? '');
    incident.text = null;
  }
  return incident.spellings;
}
