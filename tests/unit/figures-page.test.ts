import { figureWindow } from '../../src/core/rules/figures';
import type { Figures } from '../../src/core/services/figures';
import { figuresTitle, renderFigures } from '../../src/web/figures/page';

const week: Figures = {
  window: figureWindow(new Date('2026-02-08T20:00:00Z'), 7, 'UTC'),
  days: [
    { day: '2026-02-02', opened: 2, resolved: 1, backlog: 3 },
    { day: '2026-02-03', opened: 0, resolved: 1, backlog: 2 },
    { day: '2026-02-04', opened: 12, resolved: 2, backlog: 12 },
    { day: '2026-02-05', opened: 1, resolved: 1, backlog: 12 },
    { day: '2026-02-06', opened: 1, resolved: 0, backlog: 13 },
    { day: '2026-02-07', opened: 0, resolved: 0, backlog: 13 },
    { day: '2026-02-08', opened: 0, resolved: 0, backlog: 13 },
  ],
  opened: 16,
  resolved: 5,
  medianFirstResponseMinutes: 90,
  medianResolutionMinutes: 3000,
  sla: [
    {
      priority: 'P1',
      targets: { firstResponseMinutes: 60, resolutionMinutes: 240 },
      firstResponse: { met: 0, missed: 1, percentMet: 0 },
      resolution: { met: 0, missed: 1, percentMet: 0 },
    },
    {
      priority: 'P2',
      targets: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
      firstResponse: { met: 0, missed: 0, percentMet: null },
      resolution: { met: 0, missed: 0, percentMet: null },
    },
    {
      priority: 'P3',
      targets: { firstResponseMinutes: 1440, resolutionMinutes: 4320 },
      firstResponse: { met: 3, missed: 1, percentMet: 75 },
      resolution: { met: 2, missed: 1, percentMet: 66.7 },
    },
  ],
  ratings: { count: 3, average: 3, distribution: [1, 0, 1, 0, 1] },
  deflections: [
    { service: 'Printing', deflected: 4, opened: 1, percentDeflected: 80 },
    { service: null, deflected: 1, opened: 3, percentDeflected: 25 },
  ],
  load: [
    { personId: 1, name: '<script>alert("x")</script>', open: 7, resolved: 3 },
    { personId: 2, name: 'Sara & Co', open: 1, resolved: 9 },
  ],
  majorIncidents: {
    declared: 1,
    joined: 6,
    incidents: [
      { number: 41, title: 'VPN <down>', status: 'open', createdAt: new Date('2026-02-05T10:00:00Z'), joined: 6 },
    ],
  },
};

/** The <svg> of one chart, by its id prefix. */
function chart(page: string, id: string): string {
  const match = page.match(new RegExp(`<svg[^>]*aria-labelledby="${id}-title[\\s\\S]*?</svg>`));
  if (!match) throw new Error(`no chart ${id}`);
  return match[0];
}
const titles = (svg: string) => [...svg.matchAll(/<(?:rect|circle)[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]);
const labels = (svg: string) => [...svg.matchAll(/<text class="value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the figures page', () => {
  const page = renderFigures(week, 'en').value;

  test('opened and resolved: a column a day for each, named and labelled with its value', () => {
    const svg = chart(page, 'chart-opened-resolved');
    expect(titles(svg)).toEqual([
      'Feb 2, 2026: Opened 2',
      'Feb 2, 2026: Resolved 1',
      'Feb 3, 2026: Opened 0',
      'Feb 3, 2026: Resolved 1',
      'Feb 4, 2026: Opened 12',
      'Feb 4, 2026: Resolved 2',
      'Feb 5, 2026: Opened 1',
      'Feb 5, 2026: Resolved 1',
      'Feb 6, 2026: Opened 1',
      'Feb 6, 2026: Resolved 0',
      'Feb 7, 2026: Opened 0',
      'Feb 7, 2026: Resolved 0',
      'Feb 8, 2026: Opened 0',
      'Feb 8, 2026: Resolved 0',
    ]);
    expect(labels(svg)).toEqual(['2', '1', '0', '1', '12', '2', '1', '1', '1', '0', '0', '0', '0', '0']);
    // The two series differ by pattern, not colour alone, and the legend names them.
    expect(svg).toContain('url(#chart-opened-resolved-hatch)');
    expect(svg).toContain('>Opened</text>');
    expect(svg).toContain('>Resolved</text>');
  });

  test('a column is as tall as its value on the scale (12 on a scale to 20 is 60 % of the plot)', () => {
    const svg = chart(page, 'chart-opened-resolved');
    const heights = [...svg.matchAll(/<rect class="bar"[^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    // The plot is 220 high (30 to 250): 12 of 20 is 132, 2 is 22.
    expect(heights.slice(0, 6)).toEqual([22, 11, 0, 11, 132, 22]);
  });

  test('the backlog: a point a day labelled with its value', () => {
    const svg = chart(page, 'chart-backlog');
    expect(titles(svg)).toEqual([
      'Feb 2, 2026: 3',
      'Feb 3, 2026: 2',
      'Feb 4, 2026: 12',
      'Feb 5, 2026: 12',
      'Feb 6, 2026: 13',
      'Feb 7, 2026: 13',
      'Feb 8, 2026: 13',
    ]);
    expect(labels(svg)).toEqual(['3', '2', '12', '12', '13', '13', '13']);
  });

  test('SLA met by priority, ratings, deflections and load: a bar each, labelled', () => {
    // P2 decided nothing: no bar, and said so rather than drawn as 0 %.
    expect(labels(chart(page, 'chart-sla'))).toEqual(['0 %', '0 %', 'none', 'none', '75 %', '66.7 %']);
    expect(titles(chart(page, 'chart-sla'))).toContain('P3, Resolution met: 66.7 %');
    expect(labels(chart(page, 'chart-ratings'))).toEqual(['1', '0', '1', '0', '1']);
    expect(titles(chart(page, 'chart-ratings'))).toEqual([
      '1 star: 1',
      '2 stars: 0',
      '3 stars: 1',
      '4 stars: 0',
      '5 stars: 1',
    ]);
    expect(titles(chart(page, 'chart-deflections'))).toEqual([
      'Printing, Answered by an article: 4',
      'Printing, Went on to a ticket: 1',
      'Something else, Answered by an article: 1',
      'Something else, Went on to a ticket: 3',
    ]);
    expect(labels(chart(page, 'chart-load'))).toEqual(['7', '3', '1', '9']);
  });

  test('every number is also in a table: the days, SLA shares, medians, major incidents', () => {
    expect(page).toContain('<tr><th scope="row">Feb 4, 2026</th><td>12</td><td>2</td><td>12</td></tr>');
    expect(page).toContain(
      '<tr><th scope="row">P3</th><td>first response 1 d, resolution 3 d</td>' +
        '<td>3</td><td>1</td><td>75 %</td><td>2</td><td>1</td><td>66.7 %</td></tr>',
    );
    expect(page).toContain('<th scope="col">First response: share met</th>');
    expect(page).toContain('<td>first response 4 h, resolution 1 d</td><td>0</td><td>0</td><td>none</td>');
    expect(page).toContain('<dd>1 h 30 min</dd>');
    expect(page).toContain('<dd>2 d 2 h</dd>');
    expect(page).toContain('<dd>3 ratings, average 3 of 5</dd>');
    expect(page).toContain('<tr><th scope="row">#41</th><td>VPN &lt;down&gt;</td><td>Open</td>');
  });

  test("people's names and titles are escaped everywhere, in charts and tables", () => {
    expect(page).not.toContain('<script');
    expect(page).not.toContain('VPN <down>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('Sara &amp; Co');
  });

  test('nothing the Content-Security-Policy refuses: no style attribute, no script, no event handler', () => {
    expect(page).not.toMatch(/\sstyle=/);
    expect(page).not.toMatch(/<script|<style|\son\w+=/i);
  });

  test('the window links mark the current one; the export is linked', () => {
    expect(page).toContain('<a href="/figures?days=7" aria-current="page">Last 7 days</a>');
    expect(page).toContain('<a href="/figures?days=90">Last 90 days</a>');
    expect(page).toContain('href="/export/tickets.csv"');
  });

  test('in Danish, every text is Danish and numbers are written the Danish way', () => {
    const danish = renderFigures(week, 'da').value;
    expect(figuresTitle('da')).toBe('Nøgletal');
    expect(danish).toContain('Oprettet og løst pr. dag');
    expect(labels(chart(danish, 'chart-sla'))).toEqual(['0 %', '0 %', 'ingen', 'ingen', '75 %', '66,7 %']);
    expect(danish).toContain('<dd>1 t 30 min</dd>');
    expect(danish).toContain('Noget andet');
  });

  test('ninety days: no labels crowding the columns, but each still names its value', () => {
    const days = Array.from({ length: 90 }, (_, i) => ({
      day: new Date(Date.UTC(2025, 10, 11 + i)).toISOString().slice(0, 10),
      opened: i,
      resolved: 0,
      backlog: i,
    }));
    const long = renderFigures(
      { ...week, window: figureWindow(new Date('2026-02-08T20:00:00Z'), 90, 'UTC'), days },
      'en',
    ).value;
    const svg = chart(long, 'chart-opened-resolved');
    expect(labels(svg)).toEqual([]);
    expect(titles(svg)).toHaveLength(180);
    expect(titles(svg)[2 * 89]).toBe('Feb 8, 2026: Opened 89');
  });
});
