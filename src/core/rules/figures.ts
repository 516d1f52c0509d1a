import { DateTime } from 'luxon';

/**
 * The arithmetic of the dashboard's figures, over plain data: which days a window covers in the
 * helpdesk's time zone, the backlog a day from what was opened and resolved, shares as percentages
 * and a rating average from its distribution. The counting itself is SQL (services/figures.ts).
 */
export const FIGURE_WINDOWS = [7, 30, 90] as const;
export type FigureWindowDays = (typeof FIGURE_WINDOWS)[number];

export interface FigureWindow {
  days: FigureWindowDays;
  /** The zone whose midnights divide the days (the business hours' zone, else UTC). */
  timeZone: string;
  /** The first and last day, `YYYY-MM-DD` in that zone; the last is today. */
  firstDay: string;
  lastDay: string;
  /** The instants the window covers: the first day's midnight up to now. */
  start: Date;
  end: Date;
}

/** The last `days` days up to `now`, today included, divided at midnight in `timeZone`. */
export function figureWindow(now: Date, days: FigureWindowDays, timeZone: string): FigureWindow {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const first = today.minus({ days: days - 1 });
  return {
    days,
    timeZone,
    firstDay: first.toISODate()!,
    lastDay: today.toISODate()!,
    start: first.toJSDate(),
    end: now,
  };
}

/**
 * Tickets unresolved at the end of each day: those unresolved when the window began, plus every
 * day's opened, less every day's resolved, so far. A reopened ticket counts as unresolved from its
 * creation (its earlier resolution is no longer on the ticket), as it does in the queue.
 */
export function backlogSeries(unresolvedAtStart: number, days: ReadonlyArray<{ opened: number; resolved: number }>) {
  let backlog = unresolvedAtStart;
  return days.map((day) => (backlog += day.opened - day.resolved));
}

/** `part` of `whole` in per cent to one decimal; null when there is nothing to take a share of. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

export interface RatingSummary {
  count: number;
  /** To two decimals; null without ratings. */
  average: number | null;
  /** How many ratings gave 1, 2, 3, 4 and 5 stars (index 0 is one star). */
  distribution: [number, number, number, number, number];
}

/** Count and average of ratings from how many gave each score. */
export function summarizeRatings(byScore: ReadonlyArray<{ score: number; count: number }>): RatingSummary {
  const distribution: RatingSummary['distribution'] = [0, 0, 0, 0, 0];
  for (const { score, count } of byScore) {
    if (Number.isInteger(score) && score >= 1 && score <= 5) distribution[score - 1] += count;
  }
  const count = distribution.reduce((sum, n) => sum + n, 0);
  const total = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return { count, average: count > 0 ? Math.round((total / count) * 100) / 100 : null, distribution };
}

/** Seconds to whole minutes, null kept (a median over no tickets). */
export function toMinutes(seconds: number | string | null | undefined): number | null {
  return seconds === null || seconds === undefined ? null : Math.round(Number(seconds) / 60);
}
