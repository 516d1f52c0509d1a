import { InvalidInputError } from '../../src/core/errors';
import {
  addBusinessSeconds,
  businessSecondsBetween,
  describeCalendar,
  parseBusinessHours,
} from '../../src/core/rules/business-hours';

const HOUR = 3600;
const copenhagenOffice = parseBusinessHours('Mon-Fri 08:00-16:00 Europe/Copenhagen');

describe('business hours', () => {
  test('read from "Mon-Fri 08:00-16:00 Europe/Copenhagen" and written back the same way', () => {
    expect(copenhagenOffice.hours).toHaveLength(5);
    expect(describeCalendar(copenhagenOffice)).toBe('Mon-Fri 08:00-16:00 (Europe/Copenhagen)');
    const split = parseBusinessHours('Mon-Thu 08:00-16:00, Fri 08:00-14:00 Europe/Copenhagen', ['2026-12-24']);
    expect(describeCalendar(split)).toBe('Mon-Thu 08:00-16:00, Fri 08:00-14:00 (Europe/Copenhagen); not on 2026-12-24');
    expect(describeCalendar(null)).toContain('24×7');
  });

  test.each([
    ['Mon-Fri 08:00-16:00', 'time zone'],
    ['Mon-Fri 08:00-16:00 Mars/Olympus', 'not a time zone'],
    ['Mon-Fri 16:00-08:00 Europe/Copenhagen', 'not a valid opening time'],
    ['Funday 08:00-16:00 Europe/Copenhagen', 'not like'],
    ['Mon 08:00-12:00, Mon 11:00-16:00 Europe/Copenhagen', 'overlap'],
  ])('"%s" is refused, naming the problem', (text, problem) => {
    expect(() => parseBusinessHours(text)).toThrow(InvalidInputError);
    expect(() => parseBusinessHours(text)).toThrow(problem);
  });

  test('without a calendar, time counts around the clock', () => {
    const start = new Date('2026-03-06T15:00:00Z');
    expect(addBusinessSeconds(start, 4 * HOUR, null).toISOString()).toBe('2026-03-06T19:00:00.000Z');
    expect(businessSecondsBetween(start, new Date('2026-03-07T15:00:00Z'), null)).toBe(24 * HOUR);
  });

  test('four business hours from Friday 15:00 end on Monday 11:00, across the weekend', () => {
    // Winter: Copenhagen is UTC+1. Friday 15:00 local = 14:00Z.
    const fridayAfternoon = new Date('2026-03-06T14:00:00Z');
    expect(addBusinessSeconds(fridayAfternoon, 4 * HOUR, copenhagenOffice).toISOString()).toBe(
      '2026-03-09T10:00:00.000Z',
    );
    expect(businessSecondsBetween(fridayAfternoon, new Date('2026-03-09T10:00:00Z'), copenhagenOffice)).toBe(4 * HOUR);
  });

  test('a start outside the hours waits for the next opening', () => {
    const saturday = new Date('2026-03-07T10:00:00Z');
    expect(addBusinessSeconds(saturday, 30 * 60, copenhagenOffice).toISOString()).toBe('2026-03-09T07:30:00.000Z');
  });

  test('across the weekend the clocks go forward, 08:00 local is still 08:00 local', () => {
    // Friday 27 March 2026 15:00 CET (14:00Z); the clocks go forward on Sunday 29 March;
    // Monday 08:00 CEST is 06:00Z. One hour on Friday, three on Monday: 11:00 CEST = 09:00Z.
    const friday = new Date('2026-03-27T14:00:00Z');
    expect(addBusinessSeconds(friday, 4 * HOUR, copenhagenOffice).toISOString()).toBe('2026-03-30T09:00:00.000Z');
    // A full week of the office: 40 business hours, though the week had 167 real hours.
    const mondayBefore = new Date('2026-03-23T07:00:00Z');
    const mondayAfter = new Date('2026-03-30T06:00:00Z');
    expect(businessSecondsBetween(mondayBefore, mondayAfter, copenhagenOffice)).toBe(40 * HOUR);
    expect((mondayAfter.getTime() - mondayBefore.getTime()) / 1000).toBe(167 * HOUR);
  });

  test('a calendar open all day counts the real hours of a day with a clock change (23, and 25)', () => {
    const always = parseBusinessHours('Mon-Sun 00:00-24:00 Europe/Copenhagen');
    const springSaturdayNoon = new Date('2026-03-28T11:00:00Z');
    expect(addBusinessSeconds(springSaturdayNoon, 24 * HOUR, always).toISOString()).toBe('2026-03-29T11:00:00.000Z');
    const springSunday = [new Date('2026-03-28T23:00:00Z'), new Date('2026-03-29T22:00:00Z')] as const;
    expect(businessSecondsBetween(...springSunday, always)).toBe(23 * HOUR);
    const autumnSunday = [new Date('2026-10-24T22:00:00Z'), new Date('2026-10-25T23:00:00Z')] as const;
    expect(businessSecondsBetween(...autumnSunday, always)).toBe(25 * HOUR);
  });

  test('holidays stop the clock for the whole local day', () => {
    const withChristmas = parseBusinessHours('Mon-Fri 08:00-16:00 Europe/Copenhagen', ['2026-12-24', '2026-12-25']);
    // Wednesday 23 December 15:00 CET; Thursday and Friday are holidays; 2 hours → Monday 09:00 CET.
    expect(addBusinessSeconds(new Date('2026-12-23T14:00:00Z'), 2 * HOUR, withChristmas).toISOString()).toBe(
      '2026-12-28T08:00:00.000Z',
    );
  });
});
