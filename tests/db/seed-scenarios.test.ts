import { describeEachDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';

/** The seed report's two scenarios, through the services. */
describeEachDatabase('seed scenarios', (ctx) => {
  const customer = discord('carl');

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1', tom: '1', sara: '2', theo: '3' });
  });

  test('scenario 1: open, auto-assign to tier 1, comments, pending, customer reply opens it, resolve', async () => {
    const { tickets, comments, queries } = ctx().helpdesk;
    const ticket = await tickets.open(customer, {
      title: 'Printer on floor 2 is jammed',
      description: 'It shows error E42.',
      type: 'incident',
    });
    expect(ticket.number).toBeGreaterThan(0);
    expect(ticket.status).toBe('open');
    expect(ticket.priority).toBe('P3');
    const assigneeRef = ticket.assigneeId;
    expect(assigneeRef).not.toBeNull();

    const detail = await queries.show(customer, { ticketNumber: ticket.number });
    expect(detail.assignee?.tier).toBe(1);
    const supporter = discord(detail.assignee!.displayName.toLowerCase());

    ctx().clock.advance(60_000);
    const answer = await comments.comment(supporter, {
      ticketNumber: ticket.number,
      body: 'Have you tried opening tray 2?',
    });
    expect(answer.outcome).toBe('staff_reply');
    expect(answer.ticket.firstResponseAt).toEqual(ctx().clock.now());

    await comments.comment(customer, { ticketNumber: ticket.number, body: 'Which one is tray 2?' });
    const pending = await tickets.setPending(supporter, { ticketNumber: ticket.number });
    expect(pending.status).toBe('pending');

    const reply = await comments.comment(customer, {
      ticketNumber: ticket.number,
      body: 'Found it, there was paper stuck.',
    });
    expect(reply.outcome).toBe('answer_pending');
    expect(reply.ticket.status).toBe('open');

    const resolved = await tickets.resolve(supporter, { ticketNumber: ticket.number });
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolution).toBe('resolved_by_staff');

    const history = (await queries.show(supporter, { ticketNumber: ticket.number })).history.map((e) => e.kind);
    expect(history).toEqual([
      'opened',
      'assigned',
      'commented',
      'commented',
      'status_changed',
      'status_changed',
      'commented',
      'status_changed',
    ]);
  });

  test('scenario 2: tier 1 escalates to tier 2, tier 2 to tier 3, which resolves it; history shows every step', async () => {
    const { tickets, queries } = ctx().helpdesk;
    const ticket = await tickets.open(customer, {
      title: 'VPN drops every hour',
      description: 'Since Monday.',
      type: 'incident',
    });
    const first = (await queries.show(customer, { ticketNumber: ticket.number })).assignee!;
    expect(first.tier).toBe(1);

    const atTier2 = await tickets.escalate(discord(first.displayName.toLowerCase()), { ticketNumber: ticket.number });
    expect(atTier2.tier).toBe(2);
    const second = (await queries.show(customer, { ticketNumber: ticket.number })).assignee!;
    expect(second.displayName).toBe('Sara');

    const atTier3 = await tickets.escalate(discord('sara'), { ticketNumber: ticket.number, to: discord('theo') });
    expect(atTier3.tier).toBe(3);
    await expect(tickets.escalate(discord('theo'), { ticketNumber: ticket.number })).rejects.toThrow(
      'already at tier 3',
    );

    await tickets.resolve(discord('theo'), { ticketNumber: ticket.number });
    const { history, assignee } = await queries.show(discord('theo'), { ticketNumber: ticket.number });
    expect(assignee?.displayName).toBe('Theo');
    expect(history.map((e) => [e.kind, e.data.toTier ?? e.data.how ?? e.data.to ?? null])).toEqual([
      ['opened', null],
      ['assigned', 'auto'],
      ['escalated', 2],
      ['assigned', 'escalate'],
      ['escalated', 3],
      ['assigned', 'escalate'],
      ['status_changed', 'resolved'],
    ]);
    const transcript = await queries.transcript(discord('theo'), { ticketNumber: ticket.number, format: 'text' });
    expect(transcript.content).toContain('escalated: tier 1 → tier 2');
    expect(transcript.content).toContain('escalated: tier 2 → tier 3');
  });
});
