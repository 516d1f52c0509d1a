import { FIGURE_WINDOWS } from '../../core/rules/figures';
import type { Figures, SlaOutcome } from '../../core/services/figures';
import { textsFor, type Language, type TextKey, type TextParams } from '../../core/texts';
import { escapeHtml, trusted, type SafeHtml } from '../layout';
import { barChart, columnChart, lineChart } from './svg';

/** Where the page's own links go; the router may mount them elsewhere. */
export interface FiguresLinks {
  figures: string;
  exportCsv: string;
}
export const FIGURES_LINKS: FiguresLinks = { figures: '/figures', exportCsv: '/export/tickets.csv' };

/** The figures page's title, for the page shell's <h1> and <title>. */
export function figuresTitle(language: Language): string {
  return textsFor(language)('figures.title');
}

/**
 * The admins' figures page body (the shell adds the heading, `figuresTitle`): the window's links
 * and the export, a summary, then each figure as a chart with a table of every number it draws.
 * Every text comes from the catalog's `figures` section in the reader's language; every name and
 * title people wrote is escaped. Built as a string by the chart code, hence `trusted` at the end.
 */
export function renderFigures(figures: Figures, language: Language, links: FiguresLinks = FIGURES_LINKS): SafeHtml {
  const say = textsFor(language);
  const w = figures.window;
  const f = new Format(language, say, w.timeZone);
  const body = [
    `<div class="figures">`,
    `<nav class="figures-window" aria-label="${f.text('figures.windowNav')}"><ul>`,
    ...FIGURE_WINDOWS.map(
      (days) =>
        `<li><a href="${escapeHtml(`${links.figures}?days=${days}`)}"${days === w.days ? ' aria-current="page"' : ''}>` +
        `${f.text('figures.window', { days })}</a></li>`,
    ),
    `</ul></nav>`,
    `<p>${f.text('figures.period', { from: f.day(w.firstDay), to: f.day(w.lastDay), timeZone: w.timeZone })}</p>`,
    `<p><a class="export" href="${escapeHtml(links.exportCsv)}" download>${f.text('figures.export')}</a></p>`,
    summary(figures, f),
    daily(figures, f),
    sla(figures, f),
    ratings(figures, f),
    deflections(figures, f),
    load(figures, f),
    majorIncidents(figures, f),
    `</div>`,
  ].join('\n');
  return trusted(body);
}

/** Numbers, days and durations in the reader's language; catalog texts escaped for HTML. */
class Format {
  private readonly numbers: Intl.NumberFormat;
  private readonly days: Intl.DateTimeFormat;
  private readonly shortDays: Intl.DateTimeFormat;
  private readonly instants: Intl.DateTimeFormat;
  constructor(
    readonly language: Language,
    private readonly say: (key: TextKey, params?: TextParams) => string,
    timeZone: string,
  ) {
    this.instants = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    this.numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    this.days = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    this.shortDays = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  }
  /** A catalog text, escaped. */
  text(key: TextKey, params?: TextParams): string {
    return escapeHtml(this.say(key, params));
  }
  /** A catalog text, unescaped (for the chart code, which escapes what it draws). */
  plain(key: TextKey, params?: TextParams): string {
    return this.say(key, params);
  }
  number = (value: number): string => this.numbers.format(value);
  percent = (value: number | null): string =>
    value === null ? this.say('figures.noValue') : this.say('figures.percent', { value: this.number(value) });
  /** `YYYY-MM-DD` (a day of the window's zone) as a date people read. */
  day(day: string, short = false): string {
    return (short ? this.shortDays : this.days).format(new Date(`${day}T00:00:00Z`));
  }
  /** An instant as people read it, in the window's zone. */
  instant(at: Date): string {
    return this.instants.format(at);
  }
  duration(minutes: number | null): string {
    if (minutes === null) return this.say('figures.noValue');
    if (minutes < 60) return this.say('figures.durationMinutes', { minutes });
    const [days, hours] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60)];
    if (days === 0)
      return minutes % 60 === 0
        ? this.say('figures.durationWholeHours', { hours })
        : this.say('figures.durationHours', { hours, minutes: minutes % 60 });
    return hours === 0
      ? this.say('figures.durationWholeDays', { days })
      : this.say('figures.durationDays', { days, hours });
  }
}

/** A table with a caption: header cells, then rows of cells (the first of each a row header). Cells are HTML already. */
function table(caption: string, head: string[], rows: string[][]): string {
  return [
    `<table><caption>${caption}</caption>`,
    `<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>`,
    ...rows.map(
      ([first, ...rest]) => `<tr><th scope="row">${first}</th>${rest.map((c) => `<td>${c}</td>`).join('')}</tr>`,
    ),
    `</tbody></table>`,
  ].join('');
}

function section(id: string, title: string, ...body: string[]): string {
  return `<section class="figure" aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${body.join('')}</section>`;
}

function summary(figures: Figures, f: Format): string {
  const item = (label: string, value: string) => `<div><dt>${label}</dt><dd>${escapeHtml(value)}</dd></div>`;
  const r = figures.ratings;
  return section(
    'figures-summary',
    f.text('figures.summary'),
    `<dl class="figures-summary">`,
    item(f.text('figures.opened'), f.number(figures.opened)),
    item(f.text('figures.resolved'), f.number(figures.resolved)),
    item(f.text('figures.medianFirstResponse'), f.duration(figures.medianFirstResponseMinutes)),
    item(f.text('figures.medianResolution'), f.duration(figures.medianResolutionMinutes)),
    item(
      f.text('figures.ratingsTitle'),
      r.count === 0
        ? f.plain('figures.noRatings')
        : f.plain('figures.ratingsSummary', { count: r.count, average: f.number(r.average ?? 0) }),
    ),
    item(
      f.text('figures.majorTitle'),
      f.plain('figures.majorSummary', {
        declared: figures.majorIncidents.declared,
        joined: figures.majorIncidents.joined,
      }),
    ),
    `</dl>`,
  );
}

function daily(figures: Figures, f: Format): string {
  const days = figures.days.map((d) => f.day(d.day));
  const axisLabels = figures.days.map((d) => f.day(d.day, true));
  const description = f.plain('figures.chartDescription');
  return (
    section(
      'figures-opened-resolved',
      f.text('figures.openedResolvedTitle'),
      columnChart({
        id: 'chart-opened-resolved',
        title: f.plain('figures.openedResolvedTitle'),
        description,
        valueText: f.number,
        categories: days,
        axisLabels,
        series: [
          { label: f.plain('figures.opened'), values: figures.days.map((d) => d.opened), pattern: 'solid' },
          { label: f.plain('figures.resolved'), values: figures.days.map((d) => d.resolved), pattern: 'hatch' },
        ],
      }),
    ) +
    section(
      'figures-backlog',
      f.text('figures.backlogTitle'),
      lineChart({
        id: 'chart-backlog',
        title: f.plain('figures.backlogTitle'),
        description,
        valueText: f.number,
        categories: days,
        axisLabels,
        values: figures.days.map((d) => d.backlog),
      }),
      table(
        f.text('figures.dailyTable'),
        [f.text('figures.day'), f.text('figures.opened'), f.text('figures.resolved'), f.text('figures.backlog')],
        figures.days.map((d, i) => [
          escapeHtml(days[i]),
          f.number(d.opened),
          f.number(d.resolved),
          f.number(d.backlog),
        ]),
      ),
    )
  );
}

function sla(figures: Figures, f: Format): string {
  const outcome = (o: SlaOutcome) => [f.number(o.met), f.number(o.missed), escapeHtml(f.percent(o.percentMet))];
  return section(
    'figures-sla',
    f.text('figures.slaTitle'),
    `<p>${f.text('figures.slaExplained')}</p>`,
    barChart({
      id: 'chart-sla',
      title: f.plain('figures.slaTitle'),
      description: f.plain('figures.chartDescription'),
      valueText: (v) => f.percent(v),
      noValueText: f.plain('figures.noValue'),
      max: 100,
      categories: figures.sla.map((s) => s.priority),
      series: [
        {
          label: f.plain('figures.firstResponseMet'),
          values: figures.sla.map((s) => s.firstResponse.percentMet),
          pattern: 'solid',
        },
        {
          label: f.plain('figures.resolutionMet'),
          values: figures.sla.map((s) => s.resolution.percentMet),
          pattern: 'hatch',
        },
      ],
    }),
    table(
      f.text('figures.slaTitle'),
      [
        f.text('figures.priority'),
        f.text('figures.targets'),
        ...(['firstResponse', 'resolution'] as const).flatMap((target) =>
          (['met', 'missed', 'share'] as const).map((measure) =>
            f.text('figures.slaColumn', {
              target: f.plain(`figures.${target}`),
              measure: f.plain(`figures.${measure}`),
            }),
          ),
        ),
      ],
      figures.sla.map((s) => [
        s.priority,
        f.text('figures.targetsValue', {
          firstResponse: f.duration(s.targets.firstResponseMinutes),
          resolution: f.duration(s.targets.resolutionMinutes),
        }),
        ...outcome(s.firstResponse),
        ...outcome(s.resolution),
      ]),
    ),
  );
}

function ratings(figures: Figures, f: Format): string {
  const r = figures.ratings;
  if (r.count === 0)
    return section('figures-ratings', f.text('figures.ratingsTitle'), `<p>${f.text('figures.noRatings')}</p>`);
  const scores = r.distribution.map((_, i) => f.plain('figures.stars', { count: i + 1 }));
  return section(
    'figures-ratings',
    f.text('figures.ratingsTitle'),
    `<p>${f.text('figures.ratingsSummary', { count: r.count, average: f.number(r.average ?? 0) })}</p>`,
    barChart({
      id: 'chart-ratings',
      title: f.plain('figures.ratingsTitle'),
      description: f.plain('figures.chartDescription'),
      valueText: f.number,
      categories: scores,
      series: [{ label: f.plain('figures.ratingCount'), values: r.distribution, pattern: 'solid' }],
    }),
    table(
      f.text('figures.ratingsTitle'),
      [f.text('figures.score'), f.text('figures.ratingCount')],
      r.distribution.map((n, i) => [escapeHtml(scores[i]), f.number(n)]),
    ),
  );
}

function deflections(figures: Figures, f: Format): string {
  const rows = figures.deflections;
  if (rows.length === 0)
    return section(
      'figures-deflections',
      f.text('figures.deflectionsTitle'),
      `<p>${f.text('figures.noDeflections')}</p>`,
    );
  const names = rows.map((d) => d.service ?? f.plain('figures.otherService'));
  return section(
    'figures-deflections',
    f.text('figures.deflectionsTitle'),
    `<p>${f.text('figures.deflectionsExplained')}</p>`,
    barChart({
      id: 'chart-deflections',
      title: f.plain('figures.deflectionsTitle'),
      description: f.plain('figures.chartDescription'),
      valueText: f.number,
      categories: names,
      series: [
        { label: f.plain('figures.deflected'), values: rows.map((d) => d.deflected), pattern: 'solid' },
        { label: f.plain('figures.guidedTickets'), values: rows.map((d) => d.opened), pattern: 'hatch' },
      ],
    }),
    table(
      f.text('figures.deflectionsTitle'),
      [
        f.text('figures.service'),
        f.text('figures.deflected'),
        f.text('figures.guidedTickets'),
        f.text('figures.shareDeflected'),
      ],
      rows.map((d, i) => [
        escapeHtml(names[i]),
        f.number(d.deflected),
        f.number(d.opened),
        escapeHtml(f.percent(d.percentDeflected)),
      ]),
    ),
  );
}

function load(figures: Figures, f: Format): string {
  const rows = figures.load;
  if (rows.length === 0)
    return section('figures-load', f.text('figures.loadTitle'), `<p>${f.text('figures.noSupporters')}</p>`);
  return section(
    'figures-load',
    f.text('figures.loadTitle'),
    barChart({
      id: 'chart-load',
      title: f.plain('figures.loadTitle'),
      description: f.plain('figures.chartDescription'),
      valueText: f.number,
      categories: rows.map((s) => s.name),
      series: [
        { label: f.plain('figures.openAssigned'), values: rows.map((s) => s.open), pattern: 'solid' },
        { label: f.plain('figures.resolvedInWindow'), values: rows.map((s) => s.resolved), pattern: 'hatch' },
      ],
    }),
    table(
      f.text('figures.loadTitle'),
      [f.text('figures.supporter'), f.text('figures.openAssigned'), f.text('figures.resolvedInWindow')],
      rows.map((s) => [escapeHtml(s.name), f.number(s.open), f.number(s.resolved)]),
    ),
  );
}

function majorIncidents(figures: Figures, f: Format): string {
  const major = figures.majorIncidents;
  const said = `<p>${f.text('figures.majorSummary', { declared: major.declared, joined: major.joined })}</p>`;
  if (major.incidents.length === 0)
    return section('figures-major', f.text('figures.majorTitle'), said, `<p>${f.text('figures.noMajor')}</p>`);
  return section(
    'figures-major',
    f.text('figures.majorTitle'),
    said,
    table(
      f.text('figures.majorTitle'),
      [
        f.text('figures.ticket'),
        f.text('figures.ticketTitle'),
        f.text('figures.status'),
        f.text('figures.declaredAt'),
        f.text('figures.joined'),
      ],
      major.incidents.map((m) => [
        f.text('common.ticketNumber', { number: m.number }),
        escapeHtml(m.title),
        f.text(`figures.statuses.${m.status}`),
        escapeHtml(f.instant(m.createdAt)),
        f.number(m.joined),
      ]),
    ),
  );
}
