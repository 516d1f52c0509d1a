import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DANISH_ENGLISH } from '../rules/danish-english';
import { BACKGROUND_SHARES, UNLISTED_SHARE } from '../rules/helpdesk-language';
import { withoutSignOff, wordsOf } from '../rules/it-words';
import { SERVICE_TERM_PREFIX, serviceTerm, type ReportTerms, type TermStatistics } from '../rules/similarity';

/**
 * The terms look-alike detection compares, and their counts, from the store:
 * - each word of a report is one term: its stem by the store's Snowball stemmers (English and
 *   Danish, the shorter of the two, so "printer" and "printeren" meet), the English word of a
 *   Danish–English dictionary pair when it is one, and nothing when it is a stop word of either
 *   language. Stems never change: each word is asked of the store once per process;
 * - a term's count of recent tickets is kept in `ticket_term`, written as each incident is opened
 *   (`countTerms`); below some 200 tickets the background list says more (rules/similarity.ts).
 */
export interface Language {
  /** The term a word is compared as, '' for a stop word; only words asked for with `learnWords` are known. */
  termOfWord(word: string): string | undefined;
  /** Asks the store for the stems of words not met yet. */
  learnWords(manager: EntityManager, words: Iterable<string>): Promise<void>;
  backgroundShare(term: string): number;
}

/** Tickets of these last days count; months are the unit the counts are kept in. */
const RECENT_DAYS = 90;
/** Words too short to tell anything ("s" of "S-drev", "i"). */
const SHORTEST_WORD = 2;

const languages = new WeakMap<object, Promise<Language>>();

export function languageOf(manager: EntityManager): Promise<Language> {
  let language = languages.get(manager.connection);
  if (!language) {
    language = makeLanguage(manager);
    languages.set(manager.connection, language);
    language.catch(() => languages.delete(manager.connection));
  }
  return language;
}

type Stems = { english: string[] | null; danish: string[] | null };

async function stemsOf(manager: EntityManager, words: string[]): Promise<Map<string, Stems>> {
  if (words.length === 0) return new Map();
  const rows: Array<{ word: string; english: string[] | null; danish: string[] | null }> = await manager.query(
    `SELECT w AS word, ts_lexize('english_stem', w) AS english, ts_lexize('danish_stem', w) AS danish
     FROM unnest($1::text[]) AS w`,
    [words],
  );
  return new Map(rows.map((r) => [r.word, { english: r.english, danish: r.danish }]));
}

/** A word's own term: '' for a stop word of either language, else the shorter stem. */
function stemTerm(word: string, stems: Stems | undefined): string {
  if (word.length < SHORTEST_WORD) return '';
  const english = stems?.english;
  const danish = stems?.danish;
  if ((english && english.length === 0) || (danish && danish.length === 0)) return '';
  const candidates = [english?.[0], danish?.[0]].filter((s): s is string => Boolean(s));
  if (candidates.length === 0) return word;
  return candidates.sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
}

async function makeLanguage(manager: EntityManager): Promise<Language> {
  const listed = [...new Set([...DANISH_ENGLISH.flat(), ...BACKGROUND_SHARES.keys()])];
  const listedStems = await stemsOf(manager, listed);
  // Both words of a pair read as one term, named after the English word; pairs whose stems meet
  // ("printer" in both languages) are one term too.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.has(x) && parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const named = new Map<string, string>();
  for (const [danish, english] of DANISH_ENGLISH) {
    const stems = [english, danish].map((w) => stemTerm(w, listedStems.get(w))).filter(Boolean);
    if (stems.length === 0) continue;
    for (const stem of stems) if (!parent.has(stem)) parent.set(stem, stem);
    const root = find(stems[0]);
    for (const stem of stems.slice(1)) {
      const other = find(stem);
      if (other !== root) parent.set(other, root);
    }
    if (!named.has(root)) named.set(root, `~${english}`);
  }
  const conceptOf = (stem: string) => (parent.has(stem) ? (named.get(find(stem)) ?? stem) : stem);
  const termOfWord = new Map<string, string>();
  const remember = (word: string, stems: Stems | undefined) => {
    const stem = stemTerm(word, stems);
    termOfWord.set(word, stem === '' ? '' : conceptOf(stem));
  };
  for (const [word, stems] of listedStems) remember(word, stems);
  const shares = new Map<string, number>();
  for (const [word, share] of BACKGROUND_SHARES) {
    const term = termOfWord.get(word);
    if (term) shares.set(term, Math.max(share, shares.get(term) ?? 0));
  }
  return {
    termOfWord: (word) => termOfWord.get(word),
    async learnWords(manager, words) {
      const unknown = [...new Set(words)].filter((w) => !termOfWord.has(w));
      for (const [word, stems] of await stemsOf(manager, unknown)) remember(word, stems);
    },
    backgroundShare: (term) =>
      term.startsWith(SERVICE_TERM_PREFIX) ? UNLISTED_SHARE : (shares.get(term) ?? UNLISTED_SHARE),
  };
}

/** The words of a report's title and description (its sign-off left out), to be learnt and read. */
export function reportWords(title: string, description: string): { title: string[]; all: string[] } {
  const titleWords = wordsOf(title);
  return { title: titleWords, all: [...titleWords, ...wordsOf(withoutSignOff(description))] };
}

/** A report's terms, once its words are learnt: each word's term, and its catalog service. */
export function termsOfReport(
  language: Language,
  words: { title: string[]; all: string[] },
  serviceId: number | null,
): ReportTerms {
  const read = (list: string[]) => list.map((w) => language.termOfWord(w) ?? w).filter(Boolean);
  const terms = new Set(read(words.all));
  if (serviceId !== null) terms.add(serviceTerm(serviceId));
  return { terms: [...terms], titleTerms: new Set(read(words.title)) };
}

/**
 * A term as `ticket_term` keeps it: a digest, so the counts never hold what anyone wrote (a pasted
 * password, a name), and an admin's redaction or a person's erasure leaves no word of theirs there.
 */
const digestOf = (term: string) =>
  term === '' ? '' : createHash('sha256').update(term).digest('base64url').slice(0, 16);

const monthOf = (at: Date) => `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-01`;

/** Counts a newly opened report's terms (and the report itself, as the term ''), in its transaction. */
export async function countTerms(manager: EntityManager, terms: ReportTerms, at: Date): Promise<void> {
  await manager.query(
    `INSERT INTO ticket_term (month, term, tickets)
     SELECT $1::date, term, 1 FROM unnest($2::text[]) AS term
     ON CONFLICT (month, term) DO UPDATE SET tickets = ticket_term.tickets + 1`,
    [monthOf(at), ['', ...new Set(terms.terms)].map(digestOf)],
  );
  const kept = countsByDatabase.get(manager.connection);
  if (!kept) return;
  kept.ticketsNow++;
  for (const term of new Set(terms.terms)) if (kept.counts.has(term)) kept.counts.set(term, kept.counts.get(term)! + 1);
}

/**
 * Counts already read, per database: a term's count changes slowly, so it is read once and kept
 * (counting the reports this process opens) until the number of recent tickets has moved by a
 * twentieth (reports other instances opened): then every count is read afresh as it is next needed.
 */
interface CountsKept {
  tickets: number;
  counts: Map<string, number>;
  /** The number of recent tickets as last read, plus those this process counted since, and when it was read. */
  ticketsNow: number;
  readAt: number;
}
/** How long the number of recent tickets is trusted without asking (other instances open tickets too). */
const TICKETS_TRUSTED_MS = 10_000;
const countsByDatabase = new WeakMap<object, CountsKept>();
const COUNTS_KEPT = 50_000;

/** The statistics for these terms: one statement (two when the counts kept went stale). */
export async function termStatistics(
  manager: EntityManager,
  language: Language,
  terms: ReadonlySet<string>,
  now: Date,
): Promise<TermStatistics> {
  const since = monthOf(new Date(now.getTime() - RECENT_DAYS * 86_400_000));
  const read = async (wanted: string[]): Promise<Map<string, number>> => {
    const termOf = new Map<string, string>(['', ...wanted].map((term) => [digestOf(term), term]));
    const rows: Array<{ term: string; tickets: number }> = await manager.query(
      `SELECT term, sum(tickets)::int AS tickets FROM ticket_term
       WHERE month >= $1::date AND term = ANY($2::text[]) GROUP BY term`,
      [since, [...termOf.keys()]],
    );
    return new Map(rows.map((r) => [termOf.get(r.term)!, r.tickets]));
  };
  let kept = countsByDatabase.get(manager.connection);
  const missing = [...terms].filter((term) => !kept?.counts.has(term));
  // Every count this search needs is kept and fresh: no statement at all.
  if (kept && missing.length === 0 && Date.now() - kept.readAt < TICKETS_TRUSTED_MS)
    return statisticsOf(kept, language);
  let counted = await read(missing);
  const tickets = counted.get('') ?? 0;
  if (!kept || Math.abs(tickets - kept.tickets) > Math.max(5, kept.tickets / 20) || kept.counts.size > COUNTS_KEPT) {
    kept = { tickets, counts: new Map(), ticketsNow: tickets, readAt: Date.now() };
    countsByDatabase.set(manager.connection, kept);
    counted = await read([...terms]);
  }
  kept.ticketsNow = tickets;
  kept.readAt = Date.now();
  for (const term of terms) if (!kept.counts.has(term)) kept.counts.set(term, counted.get(term) ?? 0);
  return statisticsOf(kept, language);
}

function statisticsOf(kept: CountsKept, language: Language): TermStatistics {
  const { counts, ticketsNow: tickets } = kept;
  return {
    tickets,
    ticketsWith: (term) => Math.min(tickets, counts.get(term) ?? 0),
    backgroundShare: (term) => language.backgroundShare(term),
  };
}
