/**
 * The words of an incident report as full-text search terms, with a Danish↔English list of
 * helpdesk words (rules/it-vocabulary.ts), so a Danish and an English report of one problem share
 * terms even where the two languages' words differ ("adgangskode" and "password"). Product names
 * and error codes need no help: they are the same in both languages.
 */

import { FILLER_WORDS, SYNONYM_GROUPS } from './it-vocabulary';

export { FILLER_WORDS, SYNONYM_GROUPS };

const GROUP_OF = new Map<string, number>();
SYNONYM_GROUPS.forEach((group, index) => group.forEach((word) => GROUP_OF.set(word, index)));

/**
 * Endings of Danish and English inflections (the definite "-en", "-et", "-ne", "-erne", the plural
 * "-er", "-s", the past "-ed", "-et"), longest first: a form of a group's word the list does not
 * spell out ("kalenderne", "printers", "ordered") is read as the word it is a form of.
 */
const INFLECTIONS = ['erne', 'ene', 'ing', 'en', 'et', 'ne', 'er', 'es', 'ed', 'e', 's'];
/** What is left of a word once its ending is taken off must be this long, so short words stay whole. */
const INFLECTED_STEM = 4;

/** The synonym group of a word, or of the word it is an inflected form of. */
function groupOf(word: string): number | undefined {
  const group = GROUP_OF.get(word);
  if (group !== undefined) return group;
  for (const ending of INFLECTIONS) {
    if (word.length - ending.length < INFLECTED_STEM || !word.endsWith(ending)) continue;
    const stem = GROUP_OF.get(word.slice(0, -ending.length));
    if (stem !== undefined) return stem;
  }
  return undefined;
}

/** At most this many terms per report: a long description adds little but cost. */
export const MAX_TERMS = 48;

/**
 * A sign-off at the end of a report ("Best regards, Anna", "Mvh Jens", "/Ole", "Thanks"): its
 * words, a name above all, say nothing about the problem, yet each would count as a term.
 */
const SIGN_OFF_WORDS = [
  'best regards',
  'kind regards',
  'warm regards',
  'regards',
  'cheers',
  'thanks',
  'thank you',
  'med venlig hilsen',
  'venlig hilsen',
  'hilsen',
  'mvh',
  'tak',
];
/** Either case for the words (a report may be all lower case), a capital for the name that follows. */
const anyCase = (words: string) => words.replace(/\p{L}/gu, (c) => `[${c}${c.toUpperCase()}]`).replace(/ /g, '\\s+');
/**
 * A sign-off is short, so it is looked for only in this many characters before the end: a long
 * text costs no more than a short one (an unanchored pattern over 40k characters backtracked for
 * seconds).
 */
const SIGN_OFF_WINDOW = 200;
/** The sign-off itself, at the end of the window; what separates it from the text is walked back over after. */
const SIGN_OFF = new RegExp(
  `(?:(?<=[\\s,.!])(?:${SIGN_OFF_WORDS.map(anyCase).join('|')})[,.!]*(?:\\s+\\p{Lu}[\\p{L}-]{0,40}){0,2}|(?<=\\s)\\/\\s*\\p{L}[\\p{L}-]{0,40})$`,
  'u',
);

/** A report's text with its sign-off left out (one, at the very end). */
export function withoutSignOff(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1] === '!')) end--;
  const from = Math.max(0, end - SIGN_OFF_WINDOW);
  // One character more on the left, for the lookbehind; a match may not start there.
  const lead = from > 0 ? 1 : 0;
  const match = SIGN_OFF.exec(text.slice(from - lead, end));
  if (!match || match.index < lead) return text;
  let cut = from - lead + match.index;
  const separator = match[0].startsWith('/') ? /\s/ : /[\s,.!]/;
  while (cut > 0 && separator.test(text[cut - 1])) cut--;
  return text.slice(0, cut);
}

/** Lower-case words of letters and digits (so error codes like 0x8004de40 and 502 stay whole). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words this long may be a typo of another: shorter ones are too often another word ("card", "cart"). */
export const TYPO_FROM = 5;

/**
 * A word and each of its spellings one letter shorter ("temas": temas, emas, tmas, …). Two words
 * one typo apart (a letter doubled, dropped, changed, or two swapped: "teams"/"temas",
 * "outlook"/"oulook") share a key, so a set lookup finds them without comparing every pair.
 * Words with digits have none: an error code one digit off is another error. A word of four
 * letters is its own only key, so it meets the longer words it is one letter short of ("eail").
 */
export function spellingKeys(word: string): string[] {
  if (word.length < TYPO_FROM - 1 || /\p{N}/u.test(word)) return [];
  if (word.length < TYPO_FROM) return [word];
  const keys = [word];
  for (let i = 0; i < word.length; i++) if (word[i] !== word[i - 1]) keys.push(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

/** Whether two words are one typo apart (or the same): the test `spellingKeys` makes cheap. */
export function nearSpelling(a: string, b: string): boolean {
  const keys = new Set(spellingKeys(a));
  return spellingKeys(b).some((key) => keys.has(key));
}

/**
 * The known words (synonym groups and fillers) by their spelling keys, so a misspelt known word
 * is read as the word ("virkre" a filler, "prrompts" the notification group). Keys that two
 * entries share are left out: a spelling near two known words is neither.
 */
const FILLER = -1;
const KNOWN_BY_KEY = (() => {
  const byKey = new Map<string, number | null>();
  const add = (word: string, entry: number) => {
    if (word.length < TYPO_FROM) return;
    for (const key of spellingKeys(word)) byKey.set(key, byKey.has(key) && byKey.get(key) !== entry ? null : entry);
  };
  SYNONYM_GROUPS.forEach((group, index) => group.forEach((word) => add(word, index)));
  FILLER_WORDS.forEach((word) => add(word, FILLER));
  return byKey;
})();

/** The group (or `FILLER`) a word of a report is, read as itself or as a typo of a known word. */
function knownAs(word: string): number | undefined {
  if (FILLER_WORDS.has(word)) return FILLER;
  const group = groupOf(word);
  if (group !== undefined || word.length <= TYPO_FROM) return group;
  const entries = new Set(
    spellingKeys(word)
      .map((key) => KNOWN_BY_KEY.get(key))
      .filter((e) => e !== undefined),
  );
  return entries.size === 1 ? ([...entries][0] ?? undefined) : undefined;
}

/** A compound's head is this long at least, and what comes before it too ("kort|læseren"). */
const COMPOUND_PART = 4;

/**
 * The group of a Danish compound's last word ("kortlæseren": a reader, "hoveddøren": a door),
 * which says what the compound is; the search already finds a compound by its first word, as a
 * prefix. The longest known ending wins.
 */
export function compoundHead(word: string): number | undefined {
  for (let at = COMPOUND_PART - 1; at <= word.length - COMPOUND_PART; at++) {
    const group = groupOf(word.slice(at));
    if (group !== undefined) return group;
  }
  return undefined;
}

/**
 * The distinct search terms of a report, each in to_tsquery syntax: a lone word, or a synonym
 * group as alternatives (`password | adgangskode | kodeord`). Words are letters and digits only,
 * so a term can never carry tsquery operators of its own. A known word misspelt (one typo, six
 * letters or more) counts as the word.
 */
export function searchTerms(title: string, description: string): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const word of wordsOf(`${title} ${withoutSignOff(description)}`)) {
    if (word.length < 2) continue;
    const group = knownAs(word) ?? compoundHead(word);
    if (group === FILLER) continue;
    const term = group === undefined ? word : SYNONYM_GROUPS[group].join(' | ');
    if (seen.has(term)) continue;
    seen.add(term);
    terms.push(term);
    if (terms.length >= MAX_TERMS) break;
  }
  return terms;
}

/** Words this long are searched as prefixes of their stems (see `searchQuery`). */
const PREFIX_FROM = 4;

/**
 * A search term as a tsquery source: each word of four letters or more as a prefix (`word:*`,
 * applied to its stem), so the two languages' stems of one word meet ("registration" 'registr'
 * and "registreret" 'registrer'), as do a word and its compounds and inflections ("nav" does not,
 * being short; "navision" finds "navisionklienten").
 */
export function searchQuery(term: string): string {
  return term
    .split(' | ')
    .map((word) => (word.length >= PREFIX_FROM ? `${word}:*` : word))
    .join(' | ');
}

/** What `termsFoundOtherwise` needs of the other report's text, worked out once per report (see `spellingsOf`). */
export interface TextSpellings {
  /** The spelling keys of every word of the text. */
  any: ReadonlySet<string>;
  /** Those of the words that are no known word (no synonym, no filler). */
  unknown: ReadonlySet<string>;
  /** The synonym groups (as search terms) that its compounds end in. */
  heads: ReadonlySet<string>;
}

/** The spelling keys and compound heads of a report's text: the costly half of `termsFoundOtherwise`, kept per report by the search. */
export function spellingsOf(title: string, description: string): TextSpellings {
  const any = new Set<string>();
  const unknown = new Set<string>();
  const heads = new Set<string>();
  for (const word of wordsOf(`${title} ${description}`)) {
    const known = groupOf(word) !== undefined || FILLER_WORDS.has(word);
    const head = known ? undefined : compoundHead(word);
    if (head !== undefined) heads.add(SYNONYM_GROUPS[head].join(' | '));
    for (const key of spellingKeys(word)) {
      any.add(key);
      if (!known) unknown.add(key);
    }
  }
  return { any, unknown, heads };
}

/**
 * How many of the given search terms (those the other report's search vector did not match) the
 * other report still has, misspelt on either side: a word of the term one typo from a word of the
 * other's text ("GlobalProtect" and "GlobalProtcet"), or a synonym group the other names as the
 * last word of a compound (`compoundHead`). Two known words are never typos of each other
 * ("fails" and "mails"): a synonym group's words meet the other's unknown words only.
 */
export function termsFoundOtherwise(terms: readonly string[], other: TextSpellings): number {
  if (terms.length === 0) return 0;
  return terms.filter((term) => {
    if (other.heads.has(term)) return true;
    const { keys, known } = keysOfTerm(term);
    const theirs = known ? other.unknown : other.any;
    return keys.some((key) => theirs.has(key));
  }).length;
}

/**
 * A term's spelling keys (all its words'), and whether it is known words (a synonym group). One
 * search tests the same terms against every incident of the window, so they are worked out once;
 * the table is emptied now and then, as terms are as many as the words reports use.
 */
const TERM_KEYS_KEPT = 10_000;
const termKeys = new Map<string, { keys: string[]; known: boolean }>();
function keysOfTerm(term: string): { keys: string[]; known: boolean } {
  let found = termKeys.get(term);
  if (!found) {
    const words = term.split(' | ');
    found = { keys: words.flatMap(spellingKeys), known: words.length > 1 || GROUP_OF.has(term) };
    if (termKeys.size >= TERM_KEYS_KEPT) termKeys.clear();
    termKeys.set(term, found);
  }
  return found;
}
