/**
 * How alike two incidents are, from the scores the database measured for them
 * (services/look-alike.ts): the rule is here, as plain data in and a yes or no out, so it can be
 * read and tested without a database and its thresholds are settings.
 */
export interface LookAlikeScores {
  /** pg_trgm similarity of the two titles, 0–1: catches one title retyped, typos and all. */
  trigram: number;
  /** Search terms of the new report (a synonym group counts once) that the other one matches. */
  shared: number;
  /** More of the new report's terms that the other one has misspelt (or that the new one misspelt). */
  misspelt: number;
  /** Search terms of the new report in all, stop and filler words left out. */
  terms: number;
  /** Both name the same catalog service. */
  sameService: boolean;
}

export interface LookAlikeSettings {
  /** Only incidents opened this many minutes before the new one are compared. */
  windowMinutes: number;
  /** Trigram similarity at which two texts look alike on their own. */
  trigramAt: number;
  /** Terms two reports must share at least: one shared word is a product name more often than a problem. */
  sharedMin: number;
  /** Share of the new report's terms that must be shared. */
  sharedAt: number;
  /** Taken off `sharedAt` when both name the same catalog service. */
  serviceBonus: number;
}

/**
 * pg_trgm's `similarity()` of two titles from their trigrams as the store's `show_trgm()` gives
 * them (distinct, so the store's own case folding, locale and multibyte handling stay its own):
 * the trigrams shared over those of either, worked out in float4 as pg_trgm does and read back as
 * the shortest decimal that is that float4, as the store would print it. The search keeps each
 * incident's trigrams, where similarity() made them anew for every title of the window, every search.
 */
export function trigramSimilarity(probe: ReadonlySet<string>, other: readonly string[]): number {
  if (probe.size === 0 || other.length === 0) return 0;
  let shared = 0;
  for (const trigram of other) if (probe.has(trigram)) shared++;
  return asFloat4(shared / (probe.size + other.length - shared));
}

/** The value PostgreSQL sends for a float4: the shortest decimal that rounds to the same float4. */
function asFloat4(value: number): number {
  const single = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const shortest = Number(single.toPrecision(digits));
    if (Math.fround(shortest) === single) return shortest;
  }
  return single; // not reached: nine digits tell any two float4s apart
}

/**
 * Share of the new report's terms that the other one matches. Only the new report's side is
 * counted: the other's length would cost a to_tsvector per incident in the window, and measured on
 * the corpus it made no report more alike (see tests/db/look-alike.test.ts).
 */
export function sharedShare(s: Pick<LookAlikeScores, 'shared' | 'misspelt' | 'terms'>): number {
  return s.terms <= 0 ? 0 : Math.min(1, (s.shared + s.misspelt) / s.terms);
}

/**
 * Misspelt terms count as shared, but only beside one the search matched as written: a near
 * spelling alone is too weak a sign (and the search skips reports sharing nothing as written).
 */
export function isLookAlike(s: LookAlikeScores, settings: Omit<LookAlikeSettings, 'windowMinutes'>): boolean {
  if (s.trigram >= settings.trigramAt) return true;
  if (s.shared < 1 || s.shared + s.misspelt < settings.sharedMin) return false;
  return sharedShare(s) >= settings.sharedAt - (s.sameService ? settings.serviceBonus : 0);
}
