import type { Ticket } from '../../src/core/model';
import { parseBusinessHours } from '../../src/core/rules/business-hours';
import {
  checkClock,
  clockAfterChange,
  DEFAULT_SLA_POLICY,
  elapsedSeconds,
  formatDuration,
  parseDuration,
  startClock,
  type SlaSetup,
} from '../../src/core/rules/sla';

type Clocked = Pick<Ticket, 'status' | 'priority' | 'firstResponseAt'> & ReturnType<typeof startClock>;

const around = (iso: string) => new Date(iso);
const minutes = (n: number) => n * 60;
const TWENTY_FOUR_SEVEN: SlaSetup = { policy: DEFAULT_SLA_POLICY, calendar: null };

/** A ticket's life as the services drive it: each change goes through clockAfterChange. */
class TicketLife {
  ticket: Clocked;
  constructor(
    readonly setup: SlaSetup,
    at: Date,
    priority: Ticket['priority'] = 'P3',
  ) {
    const fields = { status: 'open' as const, priority, firstResponseAt: null };
    this.ticket = { ...fields, ...startClock(fields, setup, at) };
  }

  change(patch: Partial<Clocked>, at: Date): this {
    const after = { ...this.ticket, ...patch };
    this.ticket = { ...after, ...clockAfterChange(this.ticket, after, this.setup, at) };
    return this;
  }
}

describe('the SLA clock', () => {
  test('24×7: due times are the targets after opening', () => {
    const life = new TicketLife(TWENTY_FOUR_SEVEN, around('2026-03-02T09:00:00Z'), 'P1');
    expect(life.ticket.firstResponseDueAt?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(life.ticket.resolutionDueAt?.toISOString()).toBe('2026-03-02T13:00:00.000Z');
    // The sweep's first look is the warning at 80 % of the first response: 48 minutes.
    expect(life.ticket.slaNextCheckAt?.toISOString()).toBe('2026-03-02T09:48:00.000Z');
  });

  test('with business hours, a ticket opened Friday afternoon is due Monday', () => {
    const setup: SlaSetup = {
      policy: DEFAULT_SLA_POLICY,
      calendar: parseBusinessHours('Mon-Fri 08:00-16:00 Europe/Copenhagen'),
    };
    const life = new TicketLife(setup, around('2026-03-06T14:00:00Z'), 'P1'); // Fri 15:00 CET
    expect(life.ticket.firstResponseDueAt?.toISOString()).toBe('2026-03-06T15:00:00.000Z'); // Fri 16:00 CET, at closing
    expect(life.ticket.resolutionDueAt?.toISOString()).toBe('2026-03-09T10:00:00.000Z'); // Mon 11:00 CET
  });

  test('pending twice, then reopened: the paused time is left out, to the minute', () => {
    const life = new TicketLife(TWENTY_FOUR_SEVEN, around('2026-03-02T09:00:00Z'), 'P2'); // resolution 1 day
    life.change({ firstResponseAt: around('2026-03-02T09:30:00Z') }, around('2026-03-02T09:30:00Z'));
    life.change({ status: 'pending' }, around('2026-03-02T10:00:00Z')); // ran 60 min
    expect(life.ticket.resolutionDueAt).toBeNull();
    expect(life.ticket.slaNextCheckAt).toBeNull();
    life.change({ status: 'open' }, around('2026-03-02T15:00:00Z')); // paused 5 h
    life.change({ status: 'pending' }, around('2026-03-02T15:45:00Z')); // ran 45 min more
    life.change({ status: 'resolved' }, around('2026-03-04T08:00:00Z')); // closed while pending
    life.change({ status: 'open' }, around('2026-03-04T09:00:00Z')); // reopened
    expect(life.ticket.slaElapsedSeconds).toBe(minutes(105));
    // 1 day minus 105 minutes from the reopening.
    expect(life.ticket.resolutionDueAt?.toISOString()).toBe('2026-03-05T07:15:00.000Z');
    expect(elapsedSeconds(life.ticket, around('2026-03-04T10:00:00Z'), null)).toBe(minutes(165));
  });

  test('a priority change moves the due times to the new targets, keeping the time already counted', () => {
    const life = new TicketLife(TWENTY_FOUR_SEVEN, around('2026-03-02T09:00:00Z'), 'P3');
    life.change({ priority: 'P1' }, around('2026-03-02T09:20:00Z'));
    expect(life.ticket.firstResponseDueAt?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(life.ticket.resolutionDueAt?.toISOString()).toBe('2026-03-02T13:00:00.000Z');
  });

  test('a first response after its due time is marked breached then; one in time is not', () => {
    const late = new TicketLife(TWENTY_FOUR_SEVEN, around('2026-03-02T09:00:00Z'), 'P1');
    late.change({ firstResponseAt: around('2026-03-02T10:30:00Z') }, around('2026-03-02T10:30:00Z'));
    expect(late.ticket.firstResponseBreachedAt?.toISOString()).toBe('2026-03-02T10:30:00.000Z');
    expect(late.ticket.firstResponseDueAt).toBeNull();
    const inTime = new TicketLife(TWENTY_FOUR_SEVEN, around('2026-03-02T09:00:00Z'), 'P1');
    inTime.change({ firstResponseAt: around('2026-03-02T09:10:00Z') }, around('2026-03-02T09:10:00Z'));
    expect(inTime.ticket.firstResponseBreachedAt).toBeNull();
    // After the first response the next look is the resolution warning: 80 % of 4 h = 3 h 12 min.
    expect(inTime.ticket.slaNextCheckAt?.toISOString()).toBe('2026-03-02T12:12:00.000Z');
  });

  test('a resolution after its due time is marked breached when resolved', () => {
    const life = new TicketLife(TWENTY_FOUR_SEVEN, around('2026-03-02T09:00:00Z'), 'P1');
    life.change({ status: 'resolved' }, around('2026-03-02T14:00:00Z'));
    expect(life.ticket.resolutionBreachedAt?.toISOString()).toBe('2026-03-02T14:00:00.000Z');
  });
});

describe('the sweep rule', () => {
  const opened = around('2026-03-02T09:00:00Z');
  const p1 = () => new TicketLife(TWENTY_FOUR_SEVEN, opened, 'P1').ticket;

  test('nothing before 80 %', () => {
    const check = checkClock(p1(), TWENTY_FOUR_SEVEN, around('2026-03-02T09:40:00Z'));
    expect(check).toMatchObject({ warn: [], breach: [] });
  });

  test('a warning at 80 %, once; then the breach at 100 %, once', () => {
    let ticket = p1();
    const at48 = around('2026-03-02T09:48:00Z');
    const first = checkClock(ticket, TWENTY_FOUR_SEVEN, at48);
    expect(first).toMatchObject({ warn: ['first_response'], breach: [] });
    ticket = { ...ticket, ...first.patch };
    expect(ticket.slaNextCheckAt?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(checkClock(ticket, TWENTY_FOUR_SEVEN, around('2026-03-02T09:50:00Z'))).toMatchObject({
      warn: [],
      breach: [],
    });
    const breach = checkClock(ticket, TWENTY_FOUR_SEVEN, around('2026-03-02T10:00:00Z'));
    expect(breach).toMatchObject({ warn: [], breach: ['first_response'] });
    ticket = { ...ticket, ...breach.patch };
    expect(checkClock(ticket, TWENTY_FOUR_SEVEN, around('2026-03-02T10:05:00Z'))).toMatchObject({
      warn: [],
      breach: [],
    });
  });

  test('a sweep that comes after the due time reports the breach, not a warning of the past', () => {
    const check = checkClock(p1(), TWENTY_FOUR_SEVEN, around('2026-03-02T10:30:00Z'));
    expect(check).toMatchObject({ warn: [], breach: ['first_response'] });
    expect(check.patch.firstResponseWarnedAt).toBeDefined();
  });

  test('a paused clock is never due', () => {
    const life = new TicketLife(TWENTY_FOUR_SEVEN, opened, 'P1').change(
      { status: 'pending' },
      around('2026-03-02T09:30:00Z'),
    );
    expect(checkClock(life.ticket, TWENTY_FOUR_SEVEN, around('2026-03-03T09:00:00Z'))).toMatchObject({
      warn: [],
      breach: [],
    });
  });

  test('the next look is always later than now', () => {
    const check = checkClock(p1(), TWENTY_FOUR_SEVEN, around('2026-03-02T09:48:00Z'));
    expect(check.patch.slaNextCheckAt!.getTime()).toBeGreaterThan(around('2026-03-02T09:48:00Z').getTime());
  });
});

describe('durations as admins write them', () => {
  test.each([
    ['90m', 90],
    ['4h', 240],
    ['1d', 1440],
    ['1d 4h', 1680],
    ['2h30m', 150],
  ])('%s is %i minutes', (text, value) => {
    expect(parseDuration(text)).toBe(value);
  });
  test.each(['', 'soon', '0h', '-1h', '4 hours'])('"%s" is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
  test('written back', () => {
    expect(formatDuration(1680)).toBe('1d 4h');
    expect(formatDuration(60)).toBe('1h');
  });
});
