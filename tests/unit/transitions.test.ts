import { DAY, MINUTE } from '../../src/core/clock';
import { ConflictError } from '../../src/core/errors';
import type { Ticket } from '../../src/core/model';
import * as t from '../../src/core/rules/transitions';
import { PLAIN_TICKET_EXTRAS } from '../helpers/sla-clock';

const now = new Date('2026-03-10T12:00:00Z');
const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 1,
  number: 6,
  title: 'x',
  description: 'y',
  type: 'incident',
  status: 'open',
  resolution: null,
  priority: 'P3',
  impact: null,
  urgency: null,
  serviceId: null,
  tier: 1,
  assigneeId: 2,
  customerId: 3,
  openedById: 3,
  platform: 'discord',
  followUpOfId: null,
  createdAt: now,
  pendingSince: null,
  firstResponseAt: null,
  resolvedAt: null,
  lastCustomerReplyAt: null,
  remindersSent: 0,
  ...PLAIN_TICKET_EXTRAS,
  ...over,
});

describe('status transitions', () => {
  test('open → pending starts a pending period with a fresh reminder series', () => {
    expect(t.setPending(ticket({ remindersSent: 2 }), now)).toEqual({
      status: 'pending',
      pendingSince: now,
      remindersSent: 0,
    });
  });
  test.each([
    ['setting a pending ticket pending', () => t.setPending(ticket({ status: 'pending' }), now), 'already pending'],
    [
      'setting a resolved ticket pending',
      () => t.setPending(ticket({ status: 'resolved', resolution: 'resolved_by_staff' }), now),
      'reopen it first',
    ],
    [
      'resolving a resolved ticket',
      () => t.resolve(ticket({ status: 'resolved', resolution: 'resolved_by_staff' }), 'resolved_by_staff', now),
      'already resolved',
    ],
    ['reopening an open ticket', () => t.reopen(ticket()), 'not resolved'],
    ['escalating past tier 3', () => t.nextTier(ticket({ tier: 3 })), 'already at tier 3'],
    [
      'escalating a resolved ticket',
      () => t.nextTier(ticket({ status: 'resolved', resolution: 'solved_by_customer' })),
      'reopen it',
    ],
  ])('%s is a clear conflict', (_name, act, message) => {
    expect(act).toThrow(ConflictError);
    expect(act).toThrow(message);
  });
  test('resolve records how it ended and when, and stops the pending clock', () => {
    expect(t.resolve(ticket({ status: 'pending', pendingSince: now }), 'closed_automatically', now)).toEqual({
      status: 'resolved',
      resolution: 'closed_automatically',
      resolvedAt: now,
      pendingSince: null,
    });
  });
  test('escalation goes one tier up', () => {
    expect(t.nextTier(ticket({ tier: 1 }))).toBe(2);
    expect(t.nextTier(ticket({ tier: 2 }))).toBe(3);
  });
  test('only the top tier has no tier above it', () => {
    expect([1, 2, 3].map((tier) => t.hasTierAbove({ tier: tier as 1 | 2 | 3 }))).toEqual([true, true, false]);
  });
});

describe("a customer's reply", () => {
  const resolvedAgo = (ms: number, resolution: Ticket['resolution'] = 'resolved_by_staff') =>
    ticket({ status: 'resolved', resolution, resolvedAt: new Date(now.getTime() - ms) });

  test.each([
    ['to an open ticket is just a comment', ticket(), 'comment'],
    ['to a pending ticket opens it again', ticket({ status: 'pending', pendingSince: now }), 'answer_pending'],
    ['a day after resolution reopens it', resolvedAgo(DAY), 'reopen'],
    ['exactly 14 days after resolution still reopens it', resolvedAgo(14 * DAY), 'reopen'],
    [
      'to an automatically closed ticket within 14 days reopens it',
      resolvedAgo(3 * DAY, 'closed_automatically'),
      'reopen',
    ],
    ['to a ticket the customer marked solved reopens it', resolvedAgo(DAY, 'solved_by_customer'), 'reopen'],
    ['a minute past 14 days opens a follow-up ticket', resolvedAgo(14 * DAY + MINUTE), 'follow_up'],
  ])('%s', (_name, subject, outcome) => {
    expect(t.customerReplyOutcome(subject, now, 14)).toBe(outcome);
  });

  test('REOPEN_DAYS is a setting', () => {
    expect(t.customerReplyOutcome(resolvedAgo(3 * DAY), now, 2)).toBe('follow_up');
  });

  test('the patch for each outcome', () => {
    expect(t.customerReplyPatch(ticket({ status: 'pending', pendingSince: now }), 'answer_pending', now)).toEqual({
      status: 'open',
      pendingSince: null,
      lastCustomerReplyAt: now,
    });
    expect(t.customerReplyPatch(resolvedAgo(DAY), 'reopen', now)).toMatchObject({
      status: 'open',
      resolution: null,
      resolvedAt: null,
    });
    expect(t.customerReplyPatch(ticket(), 'comment', now)).toEqual({ lastCustomerReplyAt: now });
  });
});
