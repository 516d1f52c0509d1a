import { escapeHtml } from '../layout';

/**
 * Charts as SVG drawn on the server: a few bars, lines and labels need no library, no script and
 * no style attribute (the dashboard's Content-Security-Policy allows neither). Colour is never the
 * only difference: every series has its own fill pattern and a legend, every bar and point carries
 * its value as visible text where there is room and always as a <title>, and each chart names the
 * table beside it, which holds every number.
 */
export type Pattern = 'solid' | 'hatch' | 'dots';

export interface Series {
  label: string;
  values: number[];
  pattern: Pattern;
}

interface ChartText {
  /** A unique prefix for the chart's element ids (patterns, title). */
  id: string;
  title: string;
  /** Said to screen readers after the title (e.g. where the table with the numbers is). */
  description: string;
  /** A value as people read it (a number in their language, "83 %"). */
  valueText: (value: number) => string;
}

const WIDTH = 720;
const INK = '#1b1b1b';
const GRID = '#b0b0b0';
const FILLS: Record<Pattern, string> = { solid: '#1f4e79', hatch: '#b34700', dots: '#2e6b30' };

/** The top of a value axis: the smallest 1, 2, 2.5 or 5 times a power of ten at or above `max` (1 at least). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const round = (n: number) => Math.round(n * 10) / 10;
const fillOf = (id: string, pattern: Pattern) => (pattern === 'solid' ? FILLS.solid : `url(#${id}-${pattern})`);

function open(text: ChartText, height: number): string {
  const id = escapeHtml(text.id);
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" ` +
    `aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeHtml(text.title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(text.description)}</desc>` +
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#ffffff"/><rect width="2.5" height="6" fill="${FILLS.hatch}"/></pattern>` +
    `<pattern id="${id}-dots" width="5" height="5" patternUnits="userSpaceOnUse">` +
    `<rect width="5" height="5" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="1.6" fill="${FILLS.dots}"/></pattern></defs>`
  );
}

function legend(id: string, series: ReadonlyArray<Pick<Series, 'label' | 'pattern'>>, y: number): string {
  if (series.length < 2) return '';
  let x = 40;
  return series
    .map((s) => {
      const item =
        `<g class="legend"><rect x="${x}" y="${y - 10}" width="14" height="14" fill="${fillOf(id, s.pattern)}" stroke="${INK}"/>` +
        `<text x="${x + 20}" y="${y + 1}" font-size="12" fill="${INK}">${escapeHtml(s.label)}</text></g>`;
      x += 40 + s.label.length * 7;
      return item;
    })
    .join('');
}

/**
 * Columns over a run of categories (the days of a window), one column per series in each. Values
 * are written above the columns while they fit (turned upright when the columns are narrow); the
 * axis names every `labelEvery`th category.
 */
export function columnChart(
  text: ChartText & { categories: string[]; axisLabels: string[]; series: Series[] },
): string {
  const height = 300;
  const [left, right, top, bottom] = [44, WIDTH - 10, 30, height - 50];
  const max = niceMax(Math.max(0, ...text.series.flatMap((s) => s.values)));
  const y = (v: number) => round(bottom - ((bottom - top) * v) / max);
  const slot = (right - left) / Math.max(1, text.categories.length);
  const barWidth = (slot * 0.8) / text.series.length;
  const labelled = text.categories.length <= 31;
  const upright = barWidth < 14;
  const labelEvery = Math.ceil(text.categories.length / 10);
  const parts: string[] = [open(text, height), axis(left, right, top, bottom, max, text.valueText)];
  text.categories.forEach((category, i) => {
    text.series.forEach((s, k) => {
      const value = s.values[i] ?? 0;
      const x = round(left + slot * i + slot * 0.1 + barWidth * k);
      const name = `${category}: ${s.label} ${text.valueText(value)}`;
      parts.push(
        `<rect class="bar" x="${x}" y="${y(value)}" width="${round(barWidth)}" height="${round(bottom - y(value))}" ` +
          `fill="${fillOf(text.id, s.pattern)}" stroke="${INK}" stroke-width="0.5"><title>${escapeHtml(name)}</title></rect>`,
      );
      if (labelled) parts.push(valueLabel(x + barWidth / 2, y(value) - 3, text.valueText(value), upright));
    });
    if (i % labelEvery === 0)
      parts.push(
        `<text x="${round(left + slot * (i + 0.5))}" y="${bottom + 16}" font-size="11" text-anchor="middle" fill="${INK}">` +
          `${escapeHtml(text.axisLabels[i] ?? category)}</text>`,
      );
  });
  parts.push(legend(text.id, text.series, height - 12), '</svg>');
  return parts.join('');
}

/** One value a category as a line through labelled points (the backlog over the days of a window). */
export function lineChart(text: ChartText & { categories: string[]; axisLabels: string[]; values: number[] }): string {
  const height = 260;
  const [left, right, top, bottom] = [44, WIDTH - 10, 30, height - 30];
  const max = niceMax(Math.max(0, ...text.values));
  const step = (right - left) / Math.max(1, text.categories.length);
  const at = (i: number) => ({
    x: round(left + step * (i + 0.5)),
    y: round(bottom - ((bottom - top) * text.values[i]) / max),
  });
  const labelled = text.categories.length <= 31;
  const labelEvery = Math.ceil(text.categories.length / 10);
  const points = text.values.map((_, i) => `${at(i).x},${at(i).y}`).join(' ');
  const parts: string[] = [
    open(text, height),
    axis(left, right, top, bottom, max, text.valueText),
    `<polyline points="${points}" fill="none" stroke="${FILLS.solid}" stroke-width="2"/>`,
  ];
  text.categories.forEach((category, i) => {
    const { x, y } = at(i);
    const value = text.valueText(text.values[i]);
    parts.push(
      `<circle class="point" cx="${x}" cy="${y}" r="3.5" fill="#ffffff" stroke="${FILLS.solid}" stroke-width="2">` +
        `<title>${escapeHtml(`${category}: ${value}`)}</title></circle>`,
    );
    if (labelled) parts.push(valueLabel(x, y - 8, value, false));
    if (i % labelEvery === 0)
      parts.push(
        `<text x="${x}" y="${bottom + 16}" font-size="11" text-anchor="middle" fill="${INK}">${escapeHtml(text.axisLabels[i] ?? category)}</text>`,
      );
  });
  parts.push('</svg>');
  return parts.join('');
}

/**
 * Named rows (priorities, scores, services, supporters), one bar per series in each, the value
 * written at the end of every bar. `max` fixes the scale (100 for shares in per cent).
 */
export function barChart(
  text: ChartText & {
    categories: string[];
    /** A null value (a share of nothing) draws no bar and says `noValueText`. */
    series: Array<Omit<Series, 'values'> & { values: Array<number | null> }>;
    noValueText?: string;
    max?: number;
  },
): string {
  const barHeight = 16;
  const rowHeight = barHeight * text.series.length + 12;
  const legendHeight = text.series.length > 1 ? 30 : 0;
  const height = 10 + rowHeight * Math.max(1, text.categories.length) + legendHeight;
  const [left, right] = [190, WIDTH - 60];
  const max = text.max ?? niceMax(Math.max(0, ...text.series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const x = (v: number) => round(((right - left) * Math.min(v, max)) / max);
  const parts: string[] = [open(text, height)];
  text.categories.forEach((category, i) => {
    const top = 10 + rowHeight * i;
    parts.push(
      `<text x="${left - 8}" y="${top + (rowHeight - 12) / 2 + 4}" font-size="12" text-anchor="end" fill="${INK}">` +
        `${escapeHtml(shorten(category, 26))}</text>`,
    );
    text.series.forEach((s, k) => {
      const given = s.values[i] ?? null;
      const value = given ?? 0;
      const said = given === null ? (text.noValueText ?? '') : text.valueText(given);
      const y = top + barHeight * k;
      const name = text.series.length > 1 ? `${category}, ${s.label}: ${said}` : `${category}: ${said}`;
      parts.push(
        `<rect class="bar" x="${left}" y="${y}" width="${x(value)}" height="${barHeight - 2}" fill="${fillOf(text.id, s.pattern)}" ` +
          `stroke="${INK}" stroke-width="0.5"><title>${escapeHtml(name)}</title></rect>`,
        `<text class="value" x="${left + x(value) + 4}" y="${y + barHeight - 5}" font-size="12" fill="${INK}">${escapeHtml(said)}</text>`,
      );
    });
  });
  parts.push(
    `<line x1="${left}" y1="6" x2="${left}" y2="${height - legendHeight - 2}" stroke="${INK}"/>`,
    legend(text.id, text.series, height - 10),
    '</svg>',
  );
  return parts.join('');
}

function axis(left: number, right: number, top: number, bottom: number, max: number, valueText: (v: number) => string) {
  // Counts have whole ticks only: a scale up to 2 is marked 0, 1, 2, not 0.5 and 1.5.
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => max * f).filter((v) => Number.isInteger(v));
  return ticks
    .map((v) => {
      const y = round(bottom - ((bottom - top) * v) / max);
      return (
        `<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="${v === 0 ? INK : GRID}" stroke-width="${v === 0 ? 1 : 0.5}"/>` +
        `<text x="${left - 6}" y="${y + 4}" font-size="11" text-anchor="end" fill="${INK}">${escapeHtml(valueText(v))}</text>`
      );
    })
    .join('');
}

function valueLabel(x: number, y: number, text: string, upright: boolean): string {
  const at = `x="${round(x)}" y="${round(y)}"`;
  return upright
    ? `<text class="value" ${at} font-size="9" fill="${INK}" transform="rotate(-90 ${round(x)} ${round(y)})" dominant-baseline="middle">${escapeHtml(text)}</text>`
    : `<text class="value" ${at} font-size="11" text-anchor="middle" fill="${INK}">${escapeHtml(text)}</text>`;
}

function shorten(text: string, length: number): string {
  const chars = [...text];
  return chars.length <= length ? text : `${chars.slice(0, length - 1).join('')}…`;
}
