/**
 * How alike incident reports are: one score per pair (or per report and group), one threshold.
 *
 * A report is the set of its terms (the stems its stored search vector holds, Danish words read as
 * English ones, its catalog service as a term of its own), each weighed by what it tells: how
 * rare it is among the helpdesk's recent tickets. "not working", "error", "virker ikke" are in
 * many tickets and weigh little; a product, a place, an error code are in few and weigh much.
 * The score is the cosine of the two weighted sets; a group's is the cosine with the mean of
 * its members (its centroid), so a report joins a group when it looks like the group as a whole.
 * Plain data in and out: services/look-alike.ts fetches the terms and their counts.
 */

/** A report's terms, and those of its title (which say what it is about more than the rest). */
export interface ReportTerms {
  terms: readonly string[];
  titleTerms: ReadonlySet<string>;
}

/** How many recent tickets there are and hold a term, and how common it is in helpdesk language at large. */
export interface TermStatistics {
  tickets: number;
  ticketsWith(term: string): number;
  backgroundShare(term: string): number;
}

export interface LookAlikeSettings {
  /** Only incidents opened this many minutes apart are compared. */
  windowMinutes: number;
  /** The score (0–1) at which a report looks like another report, or like a group. */
  alikeAt: number;
}

/**
 * The background list counts as this many tickets beside the helpdesk's own: below 200 tickets
 * of its own it says more than they do, and it fades as they grow (at 2,000, a tenth).
 */
export const OWN_TICKETS_TRUSTED = 200;
/** A term in this share of tickets or more tells nothing of what a report is about ("error", "virker", "morning"). */
export const TELLS_NOTHING_AT = 0.25;
/** The weight of a term found in about one ticket in 20: what a report needs at least to look like anything. */
export const LEAST_EVIDENCE = 2;
export const UNSHARED_FACTOR = 0.5;
/** A title's terms count this much more than the description's. */
export const TITLE_FACTOR = 1.5;
/** The service picked in a creation guide: a strong sign, worth this many times a term as rare. */
export const SERVICE_FACTOR = 2;
export const SERVICE_TERM_PREFIX = 'service:';
export const serviceTerm = (serviceId: number) => `${SERVICE_TERM_PREFIX}${serviceId}`;

/**
 * The share of tickets holding a term, from the helpdesk's own counts (smoothed, so a term met
 * once is not "certain") blended below `OWN_TICKETS_TRUSTED` tickets with the background share.
 */
export function termShare(term: string, stats: TermStatistics): number {
  const share =
    (stats.ticketsWith(term) + OWN_TICKETS_TRUSTED * stats.backgroundShare(term)) /
    (stats.tickets + OWN_TICKETS_TRUSTED);
  return Math.min(1, Math.max(share, 1e-4));
}

/**
 * What a term tells: the information in finding it, -ln(share), less that of a term in a quarter
 * of all tickets, which tells nothing. A term no other recent ticket holds weighs half: it
 * cannot be shared yet, and a chatty report is mostly such words; but it still says the report is
 * about something else than the one word it shares.
 */
export function termWeight(term: string, stats: TermStatistics): number {
  const unshared = stats.ticketsWith(term) <= 1 ? UNSHARED_FACTOR : 1;
  const weight = unshared * Math.max(0, Math.log(TELLS_NOTHING_AT / termShare(term, stats)));
  return term.startsWith(SERVICE_TERM_PREFIX) ? weight * SERVICE_FACTOR : weight;
}

/** A weighted set of terms, scaled to length 1. */
export type TermVector = ReadonlyMap<string, number>;

/**
 * A report's vector, scaled to length 1, or less when its terms weigh little in all: its length
 * counts `LEAST_EVIDENCE` more, so two reports that share only words that tell little ("it
 * started this morning") never look alike, however few other words they have.
 */
export function vectorOf(report: ReportTerms, weightOf: (term: string) => number): TermVector {
  const vector = new Map<string, number>();
  for (const term of new Set(report.terms)) {
    const weight = weightOf(term) * (report.titleTerms.has(term) ? TITLE_FACTOR : 1);
    if (weight > 0) vector.set(term, weight);
  }
  return normalised(vector, LEAST_EVIDENCE);
}

function normalised(vector: Map<string, number>, floor = 0): TermVector {
  let length = floor * floor;
  for (const value of vector.values()) length += value * value;
  length = Math.sqrt(length);
  if (length > 0) for (const [term, value] of vector) vector.set(term, value / length);
  return vector;
}

/** The cosine of two vectors of length 1 (or 0): 1 for the same words, 0 for none shared. */
export function alikeness(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, value] of small) {
    const other = large.get(term);
    if (other !== undefined) sum += value * other;
  }
  return sum;
}

/** A group's centroid: the mean of its members, scaled to length 1. */
export function centroidOf(members: readonly TermVector[]): TermVector {
  const sum = new Map<string, number>();
  for (const member of members) for (const [term, value] of member) sum.set(term, (sum.get(term) ?? 0) + value);
  return normalised(sum);
}

/** A report looks like a group when it looks like the group's centroid; never through one member. */
export function looksLikeGroup(report: TermVector, members: readonly TermVector[], alikeAt: number): boolean {
  return members.length > 0 && alikeness(report, centroidOf(members)) >= alikeAt;
}
