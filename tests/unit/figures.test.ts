import { backlogSeries, figureWindow, percent, summarizeRatings, toMinutes } from '../../src/core/rules/figures';
import { csvCell, csvLine } from '../../src/web/figures/csv';
import { niceMax } from '../../src/web/figures/svg';

describe('the window of days', () => {
  test.each([
    // now, days, zone → first day, last day, start instant
    ['2026-02-08T20:00:00Z', 7, 'UTC', '2026-02-02', '2026-02-08', '2026-02-02T00:00:00.000Z'],
    ['2026-02-08T00:00:00Z', 30, 'UTC', '2026-01-10', '2026-02-08', '2026-01-10T00:00:00.000Z'],
    ['2026-02-08T20:00:00Z', 90, 'UTC', '2025-11-11', '2026-02-08', '2025-11-11T00:00:00.000Z'],
    // 23:30 UTC is already the next day in Copenhagen (UTC+1 in winter).
    ['2026-02-08T23:30:00Z', 7, 'Europe/Copenhagen', '2026-02-03', '2026-02-09', '2026-02-02T23:00:00.000Z'],
    // Across the spring change of clocks (29 March): the first midnight is still UTC+1.
    ['2026-04-02T12:00:00Z', 7, 'Europe/Copenhagen', '2026-03-27', '2026-04-02', '2026-03-26T23:00:00.000Z'],
  ] as const)('%s, %i days in %s: %s to %s', (now, days, zone, first, last, start) => {
    const w = figureWindow(new Date(now), days, zone);
    expect([w.firstDay, w.lastDay, w.start.toISOString(), w.end.toISOString()]).toEqual([
      first,
      last,
      start,
      new Date(now).toISOString(),
    ]);
  });
});

describe('the backlog a day', () => {
  test('starts from what was unresolved and adds each day’s opened less its resolved', () => {
    expect(
      backlogSeries(2, [
        { opened: 2, resolved: 1 },
        { opened: 0, resolved: 1 },
        { opened: 3, resolved: 0 },
        { opened: 0, resolved: 4 },
      ]),
    ).toEqual([3, 2, 5, 1]);
  });
  test('no days, no series; quiet days keep the level', () => {
    expect(backlogSeries(7, [])).toEqual([]);
    expect(
      backlogSeries(7, [
        { opened: 0, resolved: 0 },
        { opened: 0, resolved: 0 },
      ]),
    ).toEqual([7, 7]);
  });
});

describe('shares and averages', () => {
  test.each([
    [3, 4, 75],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 5, 0],
    [5, 5, 100],
    [0, 0, null],
  ])('%i of %i is %p %', (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });

  test('ratings: count, average to two decimals and the distribution from counts by score', () => {
    expect(
      summarizeRatings([
        { score: 5, count: 2 },
        { score: 4, count: 1 },
      ]),
    ).toEqual({
      count: 3,
      average: 4.67,
      distribution: [0, 0, 0, 1, 2],
    });
    expect(summarizeRatings([])).toEqual({ count: 0, average: null, distribution: [0, 0, 0, 0, 0] });
    // A score outside 1–5 cannot be stored; were one read, it would not bend the average.
    expect(
      summarizeRatings([
        { score: 1, count: 1 },
        { score: 9, count: 4 },
      ]).average,
    ).toBe(1);
  });

  test('seconds become whole minutes; no median stays none', () => {
    expect(toMinutes(5400)).toBe(90);
    expect(toMinutes('89.6')).toBe(1);
    expect(toMinutes(null)).toBeNull();
  });
});

describe('CSV cells', () => {
  test.each([
    ['plain', 'plain'],
    ['', ''],
    ['with, comma', '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    // Formula starts are made text; a quote inside still doubles.
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+45 1234', "'+45 1234"],
    ['-1', "'-1"],
    ['@import', "'@import"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=b', 'a=b'],
    ['æøå', 'æøå'],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test('numbers as they are, none as an empty field; a record ends with CRLF', () => {
    expect(csvLine([42, null, 'P1', 'a,b'])).toBe('42,,P1,"a,b"\r\n');
  });
});

describe('the value axis', () => {
  test.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [11, 20],
    [24, 25],
    [26, 50],
    [100, 100],
    [101, 200],
    [1234, 2000],
  ])('values up to %i are drawn on a scale to %i', (max, top) => {
    expect(niceMax(max)).toBe(top);
  });
});
