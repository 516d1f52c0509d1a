import { DAY, MINUTE } from '../../src/core/clock';
import type { Ticket } from '../../src/core/model';
import { dueForClosing, reminderDue, reminderOwed } from '../../src/core/rules/auto-close';

const NOW = new Date('2026-03-10T09:30:00.000Z');
const pendingFor = (ms: number, remindersSent = 0): Pick<Ticket, 'status' | 'pendingSince' | 'remindersSent'> => ({
  status: 'pending',
  pendingSince: new Date(NOW.getTime() - ms),
  remindersSent,
});
const policy = { autoCloseDays: 7, reminderDays: [2, 5] };

describe('a ticket waiting on its customer', () => {
  test.each([
    ['pending 7 days to the millisecond', pendingFor(7 * DAY), true],
    ['pending a millisecond less', pendingFor(7 * DAY - 1), false],
    ['pending 20 days', pendingFor(20 * DAY), true],
    ['open, however old its pending_since', { ...pendingFor(20 * DAY), status: 'open' as const }, false],
    ['resolved', { ...pendingFor(20 * DAY), status: 'resolved' as const }, false],
    ['pending with no start', { status: 'pending' as const, pendingSince: null, remindersSent: 0 }, false],
  ])('%s: due for closing is %s', (_name, ticket, due) => {
    expect(dueForClosing(ticket, NOW, 7)).toBe(due);
  });

  test.each([
    ['a day pending: nothing yet', pendingFor(DAY), null],
    ['2 days: the first', pendingFor(2 * DAY), { reached: 1, day: 2 }],
    ['3 days, the first sent: nothing', pendingFor(3 * DAY, 1), null],
    ['6 days, none sent (the job was down): one, for day 5', pendingFor(6 * DAY), { reached: 2, day: 5 }],
    ['6 days, both sent: nothing', pendingFor(6 * DAY, 2), null],
    ['7 days: closing, so no reminder', pendingFor(7 * DAY), null],
    ['a minute before closing, one sent: the second', pendingFor(7 * DAY - MINUTE, 1), { reached: 2, day: 5 }],
  ])('%s', (_name, ticket, owed) => {
    expect(reminderDue(ticket, NOW, policy)).toEqual(owed);
  });

  test('reminderOwed alone counts the days passed; reminderDue leaves out a ticket due for closing', () => {
    expect(reminderOwed(pendingFor(8 * DAY), NOW, [2, 5])).toEqual({ reached: 2, day: 5 });
  });
});
