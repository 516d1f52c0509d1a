import { t, type Language } from '../texts';

/**
 * How many tickets one customer may open (PRODUCT.md "Limits"): at most `maxOpenTickets`
 * unresolved at once, and `ticketsPerHour` opened by themselves in an hour. Staff opening on
 * someone's behalf are not limited (the caller does not ask).
 */
export interface OpeningLimits {
  maxOpenTickets: number;
  ticketsPerHour: number;
}

export interface OpeningCounts {
  /** The customer's tickets not yet resolved. */
  unresolved: number;
  /** Tickets the customer opened themselves in the last hour. */
  openedLastHour: number;
}

/** Null when one more ticket may be opened; else the reason, said privately to the person. */
export function openingRefusal(counts: OpeningCounts, limits: OpeningLimits, language: Language): string | null {
  if (counts.unresolved >= limits.maxOpenTickets)
    return t(language, 'limits.tooManyOpen', { count: counts.unresolved, max: limits.maxOpenTickets });
  if (counts.openedLastHour >= limits.ticketsPerHour)
    return t(language, 'limits.tooManyThisHour', { count: counts.openedLastHour, max: limits.ticketsPerHour });
  return null;
}
