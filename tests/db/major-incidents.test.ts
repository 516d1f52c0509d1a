import { DAY, HOUR, MINUTE } from '../../src/core/clock';
import { ConflictError, ForbiddenError } from '../../src/core/errors';
import { autoCloseDueTickets } from '../../src/jobs/auto-close';
import { describeEachDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';

describeEachDatabase('major incidents', (ctx) => {
  const tina = discord('tina'); // tier 1
  let nextCustomer = 0;
  const customer = () => discord(`customer${++nextCustomer}`);

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1', sara: '2' });
    // Everyday reports, so the helpdesk has counts of its own of how common words are.
    for (const title of [
      'Printer on floor 3 is out of toner',
      'New mouse please, the old one is broken',
      'Password expired and I cannot log in',
      'Excel crashes when I open a big file',
    ])
      await report(title);
  });
  // Each test its own hours, so the look-alike window never reaches another test's reports, and
  // no proposal left open by another.
  beforeEach(async () => {
    ctx().clock.advance(3 * HOUR);
    await query(`UPDATE ticket SET major_proposal_id = NULL WHERE major_proposal_id IS NOT NULL`);
    await query(`UPDATE major_proposal SET status = 'dismissed' WHERE status = 'open'`);
  });

  async function report(title: string, who = customer(), description = 'It started this morning.') {
    ctx().clock.advance(20_000);
    return ctx().helpdesk.tickets.open(who, {
      title,
      description,
      type: 'incident',
      impact: 'individual',
      urgency: 'degraded',
    });
  }
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    ctx().dataSource.query(sql, params) as Promise<T[]>;
  const ticket = async (id: number) => (await query(`SELECT * FROM ticket WHERE id = $1`, [id]))[0];
  const openProposals = () =>
    query<{ id: number; ticket_ids: number[] }>(
      `SELECT p.id, array(SELECT t.id FROM ticket t WHERE t.major_proposal_id = p.id ORDER BY t.id) AS ticket_ids
       FROM major_proposal p WHERE p.status = 'open' ORDER BY p.id`,
    );
  const proposalAlerts = (proposalId: number) =>
    query(`SELECT id FROM delivery WHERE kind = 'major.proposal' AND destination = $1`, [`proposal:${proposalId}`]);
  const mailOutage = [
    'Outlook cannot connect to the Exchange mail server',
    'Outlook can not connect to Exchange mail server',
    'outlook cannot connect to the exchange mailserver',
    'Outlook says the Exchange server is unavailable',
  ];

  test('reports are counted per distinct customer: one customer alone never proposes; three customers do, and the alert is queued', async () => {
    const carl = customer();
    for (let i = 0; i < 6; i++) await report(mailOutage[0], carl);
    expect(await openProposals()).toHaveLength(0);
    expect(await query(`SELECT id FROM ticket WHERE is_major`)).toHaveLength(0);
    const b = await report(mailOutage[1]);
    expect(await openProposals()).toHaveLength(0);
    const c = await report(mailOutage[2]);
    const [proposal] = await openProposals();
    expect(proposal.ticket_ids).toEqual(expect.arrayContaining([b.id, c.id]));
    expect(await proposalAlerts(proposal.id)).toHaveLength(1);
    const view = await ctx().helpdesk.proposals.forProposal(proposal.id);
    expect(view).toMatchObject({ status: 'open', customers: 3, declareAt: 6 });
  });

  test('a growing proposal redraws its alert; "Not related" takes one report out; staff declare; the old alert is redrawn as declared', async () => {
    const [a, b, c] = [await report(mailOutage[0]), await report(mailOutage[1]), await report(mailOutage[2])];
    const [proposal] = await openProposals();
    expect(proposal.ticket_ids).toEqual([a.id, b.id, c.id]);
    const d = await report(mailOutage[3]);
    expect((await openProposals())[0].ticket_ids).toContain(d.id);
    const drawnBefore = (await proposalAlerts(proposal.id)).length;
    expect(drawnBefore).toBeGreaterThanOrEqual(2);

    await expect(
      ctx().helpdesk.major.notRelated(discord('carl'), { proposalId: proposal.id, ticketNumber: d.number }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await ctx().helpdesk.major.notRelated(tina, { proposalId: proposal.id, ticketNumber: d.number });
    expect((await openProposals())[0].ticket_ids).toEqual([a.id, b.id, c.id]);
    expect(await ticket(d.id)).toMatchObject({ major_proposal_id: null });
    expect((await ticket(d.id)).look_alike_dismissed_at).not.toBeNull();

    const parent = await ctx().helpdesk.major.declare(tina, { proposalId: proposal.id });
    expect(parent).toMatchObject({ isMajor: true, priority: 'P1' });
    for (const child of [a, b, c]) {
      const stored = await ticket(child.id);
      expect(stored).toMatchObject({ major_incident_id: parent.id, major_proposal_id: null });
      expect(stored.sla_running_since).toBeNull();
    }
    expect(await ticket(d.id)).toMatchObject({ major_incident_id: null });
    expect(await ctx().helpdesk.proposals.forProposal(proposal.id)).toMatchObject({
      status: 'declared',
      parentNumber: parent.number,
    });
    expect((await proposalAlerts(proposal.id)).length).toBeGreaterThan(drawnBefore + 1);
    await expect(ctx().helpdesk.major.declare(tina, { proposalId: proposal.id })).rejects.toThrow('already declared');
  });

  test('two outages at once make two proposals, a report is in one at most, and declaring one leaves the other open', async () => {
    const wifi = [
      'Wi-Fi in building B keeps dropping',
      'Wi-Fi in building B drops all the time',
      'Building B Wi-Fi drops again and again',
    ];
    // (Not the mail outage of the tests above: its major incident is still open, and would take these.)
    const sap = [
      'SAP GUI shows error 503 at login',
      'SAP gui error 503 when logging in',
      'Error 503 from SAP GUI at login',
    ];
    const mail: Array<{ id: number }> = [];
    for (const title of sap) mail.push(await report(title));
    const air: Array<{ id: number }> = [];
    for (const title of wifi) air.push(await report(title));
    const open = await openProposals();
    expect(open).toHaveLength(2);
    const all = open.flatMap((p) => p.ticket_ids);
    expect(new Set(all).size).toBe(all.length);
    const mailProposal = open.find((p) => p.ticket_ids.includes(mail[0].id))!;
    const wifiProposal = open.find((p) => p.ticket_ids.includes(air[0].id))!;
    expect(mailProposal.id).not.toBe(wifiProposal.id);
    await ctx().helpdesk.major.declare(tina, { proposalId: mailProposal.id });
    expect((await openProposals()).map((p) => p.id)).toEqual([wifiProposal.id]);
  });

  test('"Dismiss" closes the proposal and its reports never count toward another', async () => {
    const titles = [
      'Teams calls drop after two minutes',
      'Teams call drops after 2 minutes',
      'teams calls keep dropping after two minutes',
    ];
    for (const title of titles) await report(title);
    const [proposal] = await openProposals();
    await ctx().helpdesk.major.dismiss(tina, { proposalId: proposal.id });
    expect(await openProposals()).toHaveLength(0);
    await report('Teams calls drop after two minutes again');
    expect(await openProposals()).toHaveLength(0);
    await expect(ctx().helpdesk.major.dismiss(tina, { proposalId: proposal.id })).rejects.toBeInstanceOf(ConflictError);
  });

  const vpn = (i: number) =>
    [
      'VPN gateway down, cannot reach the intranet',
      'vpn gateway is down - no intranet',
      'Cannot reach intranet, VPN gateway down',
      'VPN gateway down again, intranet unreachable',
      'The VPN gateway seems down, intranet does not load',
      'VPN gateway down since 9, intranet gone',
    ][i];

  async function declaredVpnIncident() {
    const reports = [];
    for (let i = 0; i < 6; i++) reports.push(await report(vpn(i)));
    const [parent] = await query<{ id: number; number: number }>(
      `SELECT id, number FROM ticket WHERE is_major AND status <> 'resolved' ORDER BY id DESC LIMIT 1`,
    );
    return { reports, parent };
  }

  test('six customers declare a major incident by themselves; a look-alike joins it as a whole, a report sharing one word does not', async () => {
    const { reports, parent } = await declaredVpnIncident();
    expect(parent).toBeDefined();
    for (const r of reports) expect((await ticket(r.id)).major_incident_id).toBe(parent.id);
    const late = await report('VPN gateway down - cannot reach intranet');
    expect((await ticket(late.id)).major_incident_id).toBe(parent.id);
    const canteen = await report('Canteen menu on the intranet shows last week');
    expect((await ticket(canteen.id)).major_incident_id).toBeNull();
  });

  test('closing the parent by staff resolves every joined ticket and tells each customer once', async () => {
    const { reports, parent } = await declaredVpnIncident();
    await ctx().helpdesk.tickets.resolve(tina, { ticketNumber: parent.number });
    await expectClosedWith(reports.map((r) => r.id));
  });

  test('closing the parent as its customer resolves every joined ticket and tells each customer once', async () => {
    const { reports, parent } = await declaredVpnIncident();
    // The helpdesk is the parent's customer; given an identity here, it marks the parent solved as a customer would.
    const [helpdesk] = await query<{ id: number }>(`SELECT id FROM person WHERE is_helpdesk`);
    await query(
      `INSERT INTO identity (person_id, platform, platform_user_id) VALUES ($1, 'discord', 'helpdesk-itself')
       ON CONFLICT DO NOTHING`,
      [helpdesk.id],
    );
    await ctx().helpdesk.tickets.markSolved(discord('helpdesk-itself'), { ticketNumber: parent.number });
    await expectClosedWith(reports.map((r) => r.id));
  });

  test('auto-closing a pending parent resolves every joined ticket and tells each customer once', async () => {
    const { reports, parent } = await declaredVpnIncident();
    await ctx().helpdesk.tickets.setPending(tina, { ticketNumber: parent.number });
    ctx().clock.advance(7 * DAY + MINUTE);
    await autoCloseDueTickets(ctx().helpdesk.ctx, ctx().clock.now());
    expect(await ticket(parent.id)).toMatchObject({ status: 'resolved', resolution: 'closed_automatically' });
    await expectClosedWith(reports.map((r) => r.id));
  });

  async function expectClosedWith(ids: number[]) {
    for (const id of ids) {
      expect(await ticket(id)).toMatchObject({ status: 'resolved', resolution: 'closed_with_major_incident' });
      const told = await query(
        `SELECT 1 FROM delivery WHERE ticket_id = $1 AND kind = 'ticket.notice' AND payload->>'text' LIKE '%closed together with a major incident%'`,
        [id],
      );
      expect(told).toHaveLength(1);
    }
  }

  test('look-alikes opened at the same moment never declare two major incidents', async () => {
    const title = 'Wifi in building C drops every few minutes';
    await Promise.all(Array.from({ length: 12 }, () => report(title)));
    const parents = await query(`SELECT id FROM ticket WHERE is_major AND title LIKE '%building C%'`);
    expect(parents.length).toBeLessThanOrEqual(1);
    await report(title);
    expect(await query(`SELECT id FROM ticket WHERE is_major AND title LIKE '%building C%'`)).toHaveLength(1);
  });

  test('a customer reopening a joined ticket leaves the incident; requests are never looked at', async () => {
    const { reports, parent } = await declaredVpnIncident();
    const who = discord(`customer${nextCustomer}`); // the last report's customer
    await ctx().helpdesk.tickets.resolve(tina, { ticketNumber: parent.number });
    ctx().clock.advance(10 * MINUTE);
    await ctx().helpdesk.tickets.reopen(who, { ticketNumber: reports[5].number });
    expect(await ticket(reports[5].id)).toMatchObject({ status: 'open', major_incident_id: null });
    for (let i = 0; i < 4; i++)
      await ctx().helpdesk.tickets.open(customer(), {
        title: 'New laptop for the intern',
        description: 'Please.',
        type: 'request',
      });
    expect(await openProposals()).toHaveLength(0);
  });
});
