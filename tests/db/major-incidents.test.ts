import { HOUR, MINUTE } from '../../src/core/clock';
import { ConflictError, ForbiddenError } from '../../src/core/errors';
import { describeEachDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';

describeEachDatabase('major incidents', (ctx) => {
  const tina = discord('tina'); // tier 1
  let nextCustomer = 0;
  const customer = () => discord(`customer${++nextCustomer}`);

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1', sara: '2' });
  });
  // Each test its own hour, so the look-alike window never reaches another test's reports.
  beforeEach(() => ctx().clock.advance(2 * HOUR));

  const report = (title: string, who = customer(), type: 'incident' | 'request' = 'incident') =>
    ctx().helpdesk.tickets.open(who, {
      title,
      description: 'Since this morning.',
      type,
      impact: 'individual',
      urgency: 'degraded',
    });
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    ctx().dataSource.query(sql, params) as Promise<T[]>;
  const ticket = async (id: number) => (await query(`SELECT * FROM ticket WHERE id = $1`, [id]))[0];
  const proposals = () =>
    query<{ id: number; status: string; ticket_ids: number[] }>(
      `SELECT id, status, ticket_ids FROM major_proposal ORDER BY id`,
    );
  const alerts = (ticketId: number) =>
    query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM delivery WHERE kind = 'staff.alert' AND ticket_id = $1`,
      [ticketId],
    );
  const mailOutage = [
    'Outlook cannot connect to the mail server',
    'Outlook can not connect to mail server',
    'outlook cannot connect to the mailserver',
  ];

  test('three look-alike incidents are proposed to staff once; declaring joins them to a P1 parent and tells each customer', async () => {
    const [a, b] = [await report(mailOutage[0]), await report(mailOutage[1])];
    expect(await proposals()).toHaveLength(0);
    await report('Printer on floor 3 is out of toner'); // unrelated
    const c = await report(mailOutage[2]);
    const [proposal] = (await proposals()).filter((p) => p.status === 'open');
    expect([...proposal.ticket_ids].sort()).toEqual([a.id, b.id, c.id].sort());
    const [alert] = await alerts(c.id);
    expect(alert.payload).toMatchObject({ proposalId: proposal.id, actions: ['declare_major', 'not_related'] });

    await expect(ctx().helpdesk.major.declare(discord('carl'), { proposalId: proposal.id })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const parent = await ctx().helpdesk.major.declare(tina, { proposalId: proposal.id });
    expect(parent).toMatchObject({ isMajor: true, priority: 'P1' });
    for (const child of [a, b, c]) {
      const stored = await ticket(child.id);
      expect(stored.major_incident_id).toBe(parent.id);
      // Its own clock stops while joined.
      expect(stored.sla_running_since).toBeNull();
      const told = await query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM delivery WHERE ticket_id = $1 AND kind = 'ticket.notice'`,
        [child.id],
      );
      expect(told.filter((d) => String(d.payload.text).includes('known problem'))).toHaveLength(1);
    }
    await expect(ctx().helpdesk.major.declare(tina, { proposalId: proposal.id })).rejects.toThrow('already declared');
  });

  test('a new look-alike joins the open major incident; resolving the parent closes every child and tells each customer once', async () => {
    const reports = [];
    for (let i = 0; i < 6; i++)
      reports.push(await report(`VPN gateway down, cannot reach intranet ${i % 2 ? '' : '!'}`.trim()));
    // The sixth declared it automatically.
    const [parentRow] = await query<{ id: number; number: number }>(
      `SELECT id, number FROM ticket WHERE is_major AND title LIKE '%VPN gateway%'`,
    );
    expect(parentRow).toBeDefined();
    const late = await report('VPN gateway down - cannot reach intranet');
    expect((await ticket(late.id)).major_incident_id).toBe(parentRow.id);

    const someone = reports[2];
    await ctx().helpdesk.major.unlink(tina, { ticketNumber: someone.number });
    expect((await ticket(someone.id)).sla_running_since).not.toBeNull();
    await ctx().helpdesk.major.link(tina, { ticketNumber: someone.number, parentNumber: parentRow.number });

    await ctx().helpdesk.tickets.resolve(tina, { ticketNumber: parentRow.number });
    for (const child of [...reports, late]) {
      const stored = await ticket(child.id);
      expect(stored).toMatchObject({ status: 'resolved', resolution: 'closed_with_major_incident' });
      const resolvedNotices = await query(
        `SELECT 1 FROM delivery WHERE ticket_id = $1 AND kind = 'ticket.notice' AND payload->>'text' LIKE '%major incident%'`,
        [child.id],
      );
      expect(resolvedNotices).toHaveLength(1);
    }
  });

  test('look-alikes opened at the same moment never declare two major incidents', async () => {
    const title = 'Wifi in building B drops every few minutes';
    await Promise.all(Array.from({ length: 12 }, () => report(title)));
    const parents = await query(`SELECT id FROM ticket WHERE is_major AND title LIKE '%building B%'`);
    expect(parents.length).toBeLessThanOrEqual(1);
    // Whatever raced, the next report finds what the others left: one incident to join, or enough to declare one.
    await report(title);
    expect(await query(`SELECT id FROM ticket WHERE is_major AND title LIKE '%building B%'`)).toHaveLength(1);
  });

  test('"Not related" is remembered: those reports never count toward a proposal again', async () => {
    const titles = [
      'Teams calls drop after two minutes',
      'Teams call drops after 2 minutes',
      'teams calls keep dropping after two minutes',
    ];
    for (const title of titles) await report(title);
    const open = (await proposals()).filter((p) => p.status === 'open');
    expect(open).toHaveLength(1);
    await ctx().helpdesk.major.dismiss(tina, { proposalId: open[0].id });
    await report('Teams calls drop after two minutes again');
    expect((await proposals()).filter((p) => p.status === 'open')).toHaveLength(0);
    await expect(ctx().helpdesk.major.dismiss(tina, { proposalId: open[0].id })).rejects.toBeInstanceOf(ConflictError);
  });

  test('a customer reopening a joined ticket leaves the incident; requests are never looked at', async () => {
    const titles = [
      'Shared drive S: is not reachable from the office',
      'Shared drive S: is not reachable from the office!',
      'shared drive S: is not reachable from the office today',
    ];
    const reports = [];
    for (const title of titles) reports.push(await report(title));
    const [proposal] = (await proposals()).filter((p) => p.status === 'open');
    const parent = await ctx().helpdesk.major.declare(tina, { proposalId: proposal.id });
    const who = discord(`customer${nextCustomer}`); // the last report's customer
    await ctx().helpdesk.tickets.resolve(tina, { ticketNumber: parent.number });
    ctx().clock.advance(10 * MINUTE);
    await ctx().helpdesk.tickets.reopen(who, { ticketNumber: reports[2].number });
    const reopened = await ticket(reports[2].id);
    expect(reopened).toMatchObject({ status: 'open', major_incident_id: null });
    expect(
      await query(`SELECT data FROM ticket_event WHERE ticket_id = $1 AND kind = 'unlinked'`, [reports[2].id]),
    ).toEqual([{ data: { parentId: parent.id, reason: 'reopened' } }]);

    for (let i = 0; i < 4; i++) await report('New laptop for the intern', customer(), 'request');
    expect((await proposals()).filter((p) => p.status === 'open')).toHaveLength(0);
  });
});
