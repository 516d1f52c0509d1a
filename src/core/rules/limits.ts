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
export function openingRefusal(counts: OpeningCounts, limits: OpeningLimits): string | null {
  if (counts.unresolved >= limits.maxOpenTickets)
    return `You can't open another ticket: you have ${counts.unresolved} unresolved tickets, and ${limits.maxOpenTickets} is the most one person may have. Add to one of them, or wait until one is resolved.`;
  if (counts.openedLastHour >= limits.ticketsPerHour)
    return `You can't open another ticket: you opened ${counts.openedLastHour} in the last hour, and ${limits.ticketsPerHour} an hour is the most. Please try again later.`;
  return null;
}
