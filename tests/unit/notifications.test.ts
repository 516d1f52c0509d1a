import type { Ticket } from '../../src/core/model';
import { planDeliveries, type NotificationContext, type TicketEventFacts } from '../../src/core/rules/notifications';
import { PLAIN_TICKET_EXTRAS } from '../helpers/sla-clock';

const ticket: Ticket = {
  id: 7,
  number: 6,
  title: 'Mail is slow',
  description: 'd',
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
  createdAt: new Date('2026-03-01'),
  pendingSince: null,
  firstResponseAt: null,
  resolvedAt: null,
  lastCustomerReplyAt: null,
  remindersSent: 0,
  ...PLAIN_TICKET_EXTRAS,
};
const context = (
  kind: string,
  data: Record<string, unknown> = {},
  over: Partial<NotificationContext> = {},
): NotificationContext => ({
  ticket,
  // Each case's data is spelt loosely here (some leave out what the rule does not read): the rule's cases see their kind's.
  event: { id: 1, kind, actorId: 2, data } as TicketEventFacts,
  customer: { personId: 3, platforms: ['discord'] },
  assignee: { personId: 2, platforms: ['discord'] },
  admins: [{ personId: 9, platforms: ['slack'] }],
  policy: { reopenDays: 14, autoCloseDays: 7 },
  ...over,
});
const customerTexts = (c: NotificationContext) =>
  planDeliveries(c)
    .filter((d) => d.kind === 'ticket.notice' && d.payload.audience === 'customer')
    .map((d) => String(d.payload.text));

describe('who is told what', () => {
  test('the customer hears their ticket is open, with its number, in the same delivery that makes its place', () => {
    const out = planDeliveries(context('opened'));
    expect(out.map((d) => d.kind)).toEqual(['ticket.created']);
    expect(String(out[0].payload.notice)).toContain('#6');
    expect(customerTexts(context('opened'))).toEqual([]);
  });

  test('the assignee hears of an assignment, unless they took it themselves', () => {
    const byOther = planDeliveries(
      context(
        'assigned',
        { assigneeId: 2, how: 'auto' },
        {
          event: {
            id: 1,
            kind: 'assigned',
            actorId: 3,
            data: { assigneeId: 2, previousAssigneeId: null, how: 'auto' },
          },
        },
      ),
    );
    expect(byOther.filter((d) => d.kind === 'person.dm')).toEqual([
      expect.objectContaining({ destination: 'person:2', platform: 'discord' }),
    ]);
    const claimed = planDeliveries(context('assigned', { assigneeId: 2, how: 'claim' }));
    expect(claimed.filter((d) => d.kind === 'person.dm')).toEqual([]);
  });

  test("the opening's own assignment (or wait) changes no card and adds no member: the opening's delivery is drawn with it", () => {
    const atOpening = planDeliveries(
      context(
        'assigned',
        { assigneeId: 2, how: 'auto' },
        {
          event: {
            id: 1,
            kind: 'assigned',
            actorId: 3,
            data: { assigneeId: 2, previousAssigneeId: null, how: 'auto' },
          },
        },
      ),
    );
    expect(atOpening.map((d) => d.kind)).toEqual(['person.dm']);
    expect(planDeliveries(context('waiting', { tier: 1, how: 'auto' }, { assignee: null })).map((d) => d.kind)).toEqual(
      ['person.dm'],
    );
    const later = planDeliveries(
      context(
        'assigned',
        { assigneeId: 2, how: 'reassign' },
        {
          event: {
            id: 1,
            kind: 'assigned',
            actorId: 5,
            data: { assigneeId: 2, previousAssigneeId: null, how: 'reassign' },
          },
        },
      ),
    );
    expect(later.map((d) => d.kind)).toEqual(['ticket.card', 'ticket.member', 'person.dm']);
    expect(
      planDeliveries(context('waiting', { tier: 1, how: 'staff_removed' }, { assignee: null })).map((d) => d.kind),
    ).toEqual(['ticket.card', 'person.dm']);
  });

  test('an escalation says so to the new assignee', () => {
    const out = planDeliveries({
      ...context('assigned', { assigneeId: 2, how: 'escalate' }),
      event: {
        id: 1,
        kind: 'assigned',
        actorId: 5,
        data: { assigneeId: 2, previousAssigneeId: null, how: 'escalate' },
      },
    });
    expect(String(out.find((d) => d.kind === 'person.dm')?.payload.text)).toContain('escalated');
  });

  test('admins hear of a ticket no one can take, on the platform they are on', () => {
    const out = planDeliveries(context('waiting', { tier: 1 }, { assignee: null }));
    expect(out.filter((d) => d.kind === 'person.dm')).toEqual([
      expect.objectContaining({ destination: 'person:9', platform: 'slack' }),
    ]);
  });

  test('the customer hears of pending, resolution (with how to reopen), reopening and reminders', () => {
    expect(customerTexts(context('status_changed', { from: 'open', to: 'pending' }))[0]).toContain(
      'waiting for your answer',
    );
    const resolved = customerTexts(
      context('status_changed', { from: 'open', to: 'resolved', resolution: 'closed_automatically' }),
    )[0];
    expect(resolved).toContain('closed automatically');
    expect(resolved).toContain('14 days');
    expect(customerTexts(context('status_changed', { from: 'resolved', to: 'open' }))[0]).toContain('open again');
    expect(customerTexts(context('reminded', { day: 2, pendingSince: '2026-03-01T00:00:00.000Z' }))[0]).toContain(
      '2026-03-08',
    );
  });

  test('a customer answer tells the assignee; a staff answer goes to the conversation only', () => {
    const customerReply = planDeliveries({
      ...context('commented', { commentId: 5, byCustomer: true }),
      event: { id: 1, kind: 'commented', actorId: 3, data: { commentId: 5, byCustomer: true } },
    });
    expect(customerReply.map((d) => d.kind)).toEqual(['comment.public', 'person.dm']);
    const staffReply = planDeliveries(context('commented', { commentId: 5, byCustomer: false }));
    expect(staffReply.map((d) => d.kind)).toEqual(['comment.public']);
  });

  test('a comment written in another ticket (the late reply that opened this follow-up) is marked to be posted here', () => {
    const moved = planDeliveries(context('commented', { commentId: 5, byCustomer: true, writtenInTicketId: 4 }));
    expect(moved[0]).toMatchObject({
      kind: 'comment.public',
      destination: 'ticket:7',
      payload: { commentId: 5, writtenInTicketId: 4 },
    });
    expect(planDeliveries(context('commented', { commentId: 5, byCustomer: true }))[0].payload).not.toHaveProperty(
      'writtenInTicketId',
    );
  });

  test('internal notes never reach the customer', () => {
    const out = planDeliveries(context('noted', { commentId: 8 }));
    expect(out).toEqual([expect.objectContaining({ kind: 'comment.internal', destination: 'ticket:7' })]);
    expect(customerTexts(context('noted', { commentId: 8 }))).toEqual([]);
  });

  test('edits and deletes send nothing', () => {
    for (const kind of ['comment_edited', 'comment_deleted']) expect(planDeliveries(context(kind))).toEqual([]);
  });

  test("a redaction takes the text off each platform the comment is on, in the ticket's queue, and says nothing to anyone", () => {
    expect(planDeliveries(context('comment_redacted', { commentId: 12, platforms: ['discord'] }))).toEqual([
      { platform: 'discord', destination: 'ticket:7', kind: 'comment.redacted', payload: { commentId: 12 } },
    ]);
    const both = planDeliveries(
      context('comment_redacted', { commentId: 12, platforms: ['discord', 'slack'], writtenInTicketId: 5 }),
    );
    expect(both.map((d) => [d.platform, d.destination, d.kind])).toEqual([
      ['discord', 'ticket:7', 'comment.redacted'],
      ['slack', 'ticket:7', 'comment.redacted'],
    ]);
    // The original was written in the older ticket's thread (the late reply that opened this follow-up).
    expect(both[0].payload).toEqual({ commentId: 12, writtenInTicketId: 5 });
    // Without platforms named, the ticket's own.
    expect(planDeliveries(context('comment_redacted', { commentId: 12 })).map((d) => d.platform)).toEqual(['discord']);
  });
  test.each([
    ['title', [['discord', 'ticket:7', 'ticket.redacted', { part: 'title' }]]],
    ['description', [['discord', 'ticket:7', 'ticket.redacted', { part: 'description' }]]],
    // A rating's comment was never posted anywhere.
    ['rating', []],
  ])("a ticket's %s redacted: its posts are redrawn, nobody is told", (part, expected) => {
    expect(
      planDeliveries(context('ticket_redacted', { part })).map((d) => [d.platform, d.destination, d.kind, d.payload]),
    ).toEqual(expected);
  });
  test('an erased ticket is taken off its platform; staff hear only of one the erasure resolved, never the customer', () => {
    expect(planDeliveries(context('ticket_erased', { closed: false })).map((d) => [d.destination, d.kind])).toEqual([
      ['ticket:7', 'ticket.erased'],
    ]);
    const closed = planDeliveries(context('ticket_erased', { closed: true }));
    expect(closed.map((d) => [d.destination, d.kind])).toEqual([
      ['ticket:7', 'ticket.erased'],
      ['staff', 'staff.alert'],
    ]);
    expect(closed[1].payload.text).toContain('#6 was resolved because an admin erased');
  });
  test("a staff member's first answer redraws the card, whose SLA line moves on from the first response", () => {
    expect(
      planDeliveries(context('commented', { commentId: 5, byCustomer: false, firstResponse: true })).map((d) => d.kind),
    ).toEqual(['comment.public', 'ticket.card']);
    expect(planDeliveries(context('commented', { commentId: 6, byCustomer: false })).map((d) => d.kind)).toEqual([
      'comment.public',
    ]);
  });
});
