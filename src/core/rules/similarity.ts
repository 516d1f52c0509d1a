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
