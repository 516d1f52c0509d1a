import { DEFAULT_LANGUAGE, textsFor, type TextKey } from '../texts';
import { formatDuration } from './sla';

export interface StatsRow {
  label: string;
  opened: number;
  resolved: number;
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
  /** Of the tickets resolved in the period, the share that met both targets. */
  slaMetPercent: number | null;
  averageRating: number | null;
  ratings: number;
}

export interface HelpdeskStats {
  period: '7d' | '30d';
  since: Date;
  total: StatsRow;
  byPriority: StatsRow[];
  bySupporter: StatsRow[];
  /** Problems a guide's article solved before a ticket was opened, by service and article. */
  deflections: Array<{ service: string; article: string; count: number }>;
  /** How often each saved reply in use was sent, ever, most used first. */
  savedReplies: Array<{ name: string; uses: number }>;
}

/** A translator in the reader's language (`textsFor(language)`, an adapter's `tr`). */
type Translate = (key: TextKey, params?: Record<string, string | number>) => string;

/** One line per row, the same on both platforms, in the reader's language. */
export function statsLine(row: StatsRow, tr: Translate = textsFor(DEFAULT_LANGUAGE)): string {
  const none = tr('stats.none');
  return tr('stats.line', {
    label: row.label,
    opened: row.opened,
    resolved: row.resolved,
    firstResponse: row.medianFirstResponseMinutes === null ? none : formatDuration(row.medianFirstResponseMinutes),
    resolution: row.medianResolutionMinutes === null ? none : formatDuration(row.medianResolutionMinutes),
    slaMet: row.slaMetPercent === null ? none : `${row.slaMetPercent} %`,
    rating: row.averageRating === null ? none : `${row.averageRating}/5 (${row.ratings})`,
  });
}

/** The `/helpdesk stats` answer, in the reader's language. */
export function formatStats(stats: HelpdeskStats, tr: Translate = textsFor(DEFAULT_LANGUAGE)): string {
  const line = (row: StatsRow) => statsLine(row, tr);
  return [
    tr('stats.heading', { count: stats.period === '7d' ? 7 : 30, since: stats.since.toISOString().slice(0, 10) }),
    line(stats.total),
    '',
    tr('stats.byPriority'),
    ...(stats.byPriority.length > 0 ? stats.byPriority.map(line) : [tr('stats.noTickets')]),
    '',
    tr('stats.bySupporter'),
    ...(stats.bySupporter.length > 0 ? stats.bySupporter.map(line) : [tr('stats.noTickets')]),
    '',
    tr('stats.deflected'),
    ...(stats.deflections.length > 0
      ? stats.deflections.map((d) => `${d.service} · ${d.article}: ${d.count}`)
      : [tr('stats.noneDeflected')]),
    '',
    tr('savedRepliesChat.statsTitle'),
    ...(stats.savedReplies.length > 0
      ? stats.savedReplies.map((r) => tr('savedRepliesChat.statsLine', { name: r.name, count: r.uses }))
      : [tr('savedRepliesChat.statsNone')]),
  ].join('\n');
}
