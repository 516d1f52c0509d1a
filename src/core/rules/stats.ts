import { DEFAULT_LANGUAGE, t, type Language } from '../texts';
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

const dash = (value: string | null) => value ?? '–';

/** One line per row, the same on both platforms. */
export function statsLine(row: StatsRow): string {
  return [
    `${row.label}: opened ${row.opened}, resolved ${row.resolved}`,
    `median first response ${dash(row.medianFirstResponseMinutes === null ? null : formatDuration(row.medianFirstResponseMinutes))}`,
    `median resolution ${dash(row.medianResolutionMinutes === null ? null : formatDuration(row.medianResolutionMinutes))}`,
    `SLA met ${dash(row.slaMetPercent === null ? null : `${row.slaMetPercent} %`)}`,
    `rating ${dash(row.averageRating === null ? null : `${row.averageRating}/5 (${row.ratings})`)}`,
  ].join(' · ');
}

export function formatStats(stats: HelpdeskStats, language: Language = DEFAULT_LANGUAGE): string {
  return [
    `Helpdesk figures for the last ${stats.period === '7d' ? '7 days' : '30 days'} (since ${stats.since.toISOString().slice(0, 10)})`,
    statsLine(stats.total),
    '',
    'By priority',
    ...(stats.byPriority.length > 0 ? stats.byPriority.map(statsLine) : ['no tickets']),
    '',
    'By supporter',
    ...(stats.bySupporter.length > 0 ? stats.bySupporter.map(statsLine) : ['no tickets']),
    '',
    'Solved by an article before a ticket (deflected)',
    ...(stats.deflections.length > 0
      ? stats.deflections.map((d) => `${d.service} · ${d.article}: ${d.count}`)
      : ['none']),
    '',
    t(language, 'savedRepliesChat.statsTitle'),
    ...(stats.savedReplies.length > 0
      ? stats.savedReplies.map((r) => t(language, 'savedRepliesChat.statsLine', { name: r.name, count: r.uses }))
      : [t(language, 'savedRepliesChat.statsNone')]),
  ].join('\n');
}
