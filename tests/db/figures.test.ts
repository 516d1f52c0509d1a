import { ForbiddenError, InvalidInputError } from '../../src/core/errors';
import type { TicketExportRow } from '../../src/core/services/figures';
import { ticketsCsv } from '../../src/web/figures/csv';
import { describeEachDatabase } from '../helpers/database';
import { ADMIN, discord, staffUp } from '../helpers/people';

/**
 * Tickets over the days of a week with outcomes known in advance (who answered when, what was
 * resolved, rated, breached, deflected), and each figure checked against them.
 */
describeEachDatabase('the dashboard figures and the ticket export', (ctx) => {
  const carl = discord('carl');
  const tina = discord('tina'); // tier 1: gets every tier-1 ticket
  const sara = discord('sara'); // tier 2: gets the printing service's tickets
  let printing: number;

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1', sara: '2' });
    const { catalog, knowledge } = ctx().helpdesk;
    printing = (await catalog.add(ADMIN, { name: 'Printing', owningTier: 2 })).id;
    await knowledge.create(tina, {
      title: 'Clearing a paper jam',
      body: 'Open the front door of the printer, pull the jammed paper out slowly.',
      visibility: 'public',
    });
  });

  const at = (instant: string) => ctx().clock.set(instant);
  // Requests: alike incidents would be proposed as a major incident (the last test makes one on purpose).
  const open = async (when: string, title: string, impact?: 'everyone', urgency?: 'blocked') => {
    at(when);
    return (
      await ctx().helpdesk.tickets.open(carl, { title, description: 'Please help.', type: 'request', impact, urgency })
    ).number;
  };
  const answer = async (when: string, who: typeof tina, ticketNumber: number) => {
    at(when);
    await ctx().helpdesk.comments.comment(who, { ticketNumber, body: 'On it.' });
  };
  const resolve = async (when: string, who: typeof tina, ticketNumber: number) => {
    at(when);
    await ctx().helpdesk.tickets.resolve(who, { ticketNumber });
  };
  const rate = async (ticketNumber: number, score: number) =>
    ctx().helpdesk.ratings.rate(carl, { ticketNumber, score });
  const numbers: Record<string, number> = {};

  test('a week of tickets: opened, resolved and backlog a day, medians, SLA by priority, ratings, deflections, load', async () => {
    const { helpdesk } = ctx();
    // Before the window (it starts 2026-02-02 00:00 UTC): A never answered, B answered and resolved in it.
    numbers.A = await open('2026-01-20T10:00:00Z', 'A: a new laptop');
    numbers.B = await open('2026-01-25T10:00:00Z', 'B: access to the finance share');
    await answer('2026-01-25T11:00:00Z', tina, numbers.B);
    // Day 1: C answered in 30 min and resolved after 2 h; D answered two days late by sara.
    numbers.C = await open('2026-02-02T09:00:00Z', 'C: a second monitor');
    await answer('2026-02-02T09:30:00Z', tina, numbers.C);
    await resolve('2026-02-02T11:00:00Z', tina, numbers.C);
    await rate(numbers.C, 5);
    numbers.D = await open('2026-02-02T10:00:00Z', 'D: a shared mailbox');
    await helpdesk.tickets.claim(sara, { ticketNumber: numbers.D });
    // Day 2: B resolved nine days after it was opened (its 3-day target missed).
    await resolve('2026-02-03T12:00:00Z', tina, numbers.B);
    // Day 3: D answered after 48 h (its 24 h target missed) and resolved after 50 h (within 72 h).
    await answer('2026-02-04T10:00:00Z', sara, numbers.D);
    await resolve('2026-02-04T12:00:00Z', sara, numbers.D);
    numbers.E = await open('2026-02-04T08:00:00Z', 'E: a licence for the design tool');
    await helpdesk.tickets.claim(sara, { ticketNumber: numbers.E });
    await answer('2026-02-04T09:30:00Z', sara, numbers.E);
    await resolve('2026-02-04T14:00:00Z', sara, numbers.E);
    await rate(numbers.E, 3);
    numbers.F = await open('2026-02-04T09:00:00Z', 'F: a phone for the new hire');
    await answer('2026-02-04T09:10:00Z', tina, numbers.F);
    at('2026-02-04T09:20:00Z');
    await helpdesk.tickets.setPending(tina, { ticketNumber: numbers.F });
    // Day 4: G is P1 (1 h / 4 h): answered after 2 h and resolved after 5 h, both targets missed.
    numbers.G = await open('2026-02-05T10:00:00Z', 'G: the whole floor lost its printers', 'everyone', 'blocked');
    await answer('2026-02-05T12:00:00Z', tina, numbers.G);
    await resolve('2026-02-05T15:00:00Z', tina, numbers.G);
    await rate(numbers.G, 1);
    // Day 5: one printing guide answered by an article, one gone on to a ticket (H, tier 2: sara's).
    at('2026-02-06T09:00:00Z');
    const guide = (title: string) =>
      helpdesk.guides.submit(carl, {
        serviceId: printing,
        title,
        description: 'The printer says paper jam in tray 2.',
        type: 'request',
      });
    const solved = await guide('Paper jam');
    if (solved.outcome !== 'suggest') throw new Error('expected suggestions');
    await helpdesk.guides.deflect(carl, { draftId: solved.draft.id, articleId: solved.draft.suggested[0].id });
    const notSolved = await guide('Paper jam again');
    if (notSolved.outcome !== 'suggest') throw new Error('expected suggestions');
    numbers.H = (await helpdesk.guides.open(carl, { draftId: notSolved.draft.id, location: {} })).number;

    at('2026-02-08T20:00:00Z');
    await expect(helpdesk.figures.figures(tina, { days: 7 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(helpdesk.figures.figures(ADMIN, { days: 14 })).rejects.toBeInstanceOf(InvalidInputError);
    const figures = await helpdesk.figures.figures(ADMIN, { days: '7' });

    expect(figures.window).toMatchObject({
      days: 7,
      timeZone: 'UTC',
      firstDay: '2026-02-02',
      lastDay: '2026-02-08',
      start: new Date('2026-02-02T00:00:00Z'),
    });
    // Unresolved when the window began: A and B.
    expect(figures.days).toEqual([
      { day: '2026-02-02', opened: 2, resolved: 1, backlog: 3 },
      { day: '2026-02-03', opened: 0, resolved: 1, backlog: 2 },
      { day: '2026-02-04', opened: 2, resolved: 2, backlog: 2 },
      { day: '2026-02-05', opened: 1, resolved: 1, backlog: 2 },
      { day: '2026-02-06', opened: 1, resolved: 0, backlog: 3 },
      { day: '2026-02-07', opened: 0, resolved: 0, backlog: 3 },
      { day: '2026-02-08', opened: 0, resolved: 0, backlog: 3 },
    ]);
    expect([figures.opened, figures.resolved]).toEqual([6, 5]);
    // First responses in the window: 10 (F), 30 (C), 90 (E), 120 (G), 2880 (D) minutes.
    expect(figures.medianFirstResponseMinutes).toBe(90);
    // Resolutions: 120 (C), 300 (G), 360 (E), 3000 (D), 13080 (B) minutes.
    expect(figures.medianResolutionMinutes).toBe(360);
    expect(figures.sla).toEqual([
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
        // Met: C, E, F; missed: D. Resolution met: C, D, E; missed: B.
        firstResponse: { met: 3, missed: 1, percentMet: 75 },
        resolution: { met: 3, missed: 1, percentMet: 75 },
      },
      {
        priority: 'P4',
        targets: { firstResponseMinutes: 4320, resolutionMinutes: 10080 },
        firstResponse: { met: 0, missed: 0, percentMet: null },
        resolution: { met: 0, missed: 0, percentMet: null },
      },
    ]);
    expect(figures.ratings).toEqual({ count: 3, average: 3, distribution: [1, 0, 1, 0, 1] });
    expect(figures.deflections).toEqual([{ service: 'Printing', deflected: 1, opened: 1, percentDeflected: 50 }]);
    // Tina holds A and F and resolved B, C, G; Sara holds H and resolved D and E.
    expect(figures.load.map(({ name, open, resolved }) => ({ name, open, resolved }))).toEqual([
      { name: 'Tina', open: 2, resolved: 3 },
      { name: 'Sara', open: 1, resolved: 2 },
    ]);
    expect(figures.majorIncidents).toEqual({ declared: 0, joined: 0, incidents: [] });

    // A shorter window leaves out what came before it: on the 30-day one, B's and A's opening count.
    const month = await helpdesk.figures.figures(ADMIN, { days: 30 });
    expect(month.days).toHaveLength(30);
    expect(month.days.at(-1)).toEqual({ day: '2026-02-08', opened: 0, resolved: 0, backlog: 3 });
    expect(month.opened).toBe(8);
  });

  test('the export: every ticket once, in order, a page at a time, with its breaches and rating; admins only', async () => {
    const { helpdesk } = ctx();
    await expect(helpdesk.figures.exportTickets(tina)).rejects.toBeInstanceOf(ForbiddenError);
    const rows: TicketExportRow[] = [];
    for await (const row of await helpdesk.figures.exportTickets(ADMIN, 3)) rows.push(row);
    expect(rows.map((r) => r.number)).toEqual(Object.values(numbers).sort((a, b) => a - b));
    const g = rows.find((r) => r.number === numbers.G)!;
    expect(g).toEqual({
      number: numbers.G,
      type: 'request',
      status: 'resolved',
      priority: 'P1',
      tier: 1,
      title: 'G: the whole floor lost its printers',
      customer: 'Carl',
      assignee: 'Tina',
      platform: 'discord',
      createdAt: new Date('2026-02-05T10:00:00Z'),
      firstResponseAt: new Date('2026-02-05T12:00:00Z'),
      resolvedAt: new Date('2026-02-05T15:00:00Z'),
      slaBreaches: ['first_response', 'resolution'],
      rating: 1,
    });
    expect(rows.find((r) => r.number === numbers.A)).toMatchObject({
      status: 'open',
      firstResponseAt: null,
      resolvedAt: null,
      slaBreaches: [],
      rating: null,
    });

    let csv = '';
    for await (const chunk of ticketsCsv(await helpdesk.figures.exportTickets(ADMIN, 3), 'en')) csv += chunk;
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Number,Type,Status,Priority,Tier,Title,Customer,Assignee,Platform,Created,First response,Resolved,SLA breaches,Rating',
    );
    expect(lines).toHaveLength(rows.length + 2); // the header, a line a ticket, and the last line's end
    expect(lines).toContain(
      `${numbers.G},request,resolved,P1,1,G: the whole floor lost its printers,Carl,Tina,discord,` +
        `2026-02-05T10:00:00.000Z,2026-02-05T12:00:00.000Z,2026-02-05T15:00:00.000Z,first_response resolution,1`,
    );
  });

  test('major incidents declared in the window, with the tickets that joined them', async () => {
    const { helpdesk } = ctx();
    at('2026-03-02T08:00:00Z');
    // Everyday reports first, so the look-alike rule has word counts of its own to compare with.
    const report = async (title: string, who: string) => {
      ctx().clock.advance(20_000);
      await helpdesk.tickets.open(discord(who), {
        title,
        description: 'It started this morning.',
        type: 'incident',
        impact: 'individual',
        urgency: 'degraded',
      });
    };
    for (const [i, title] of [
      'Printer on floor 3 is out of toner',
      'New mouse please, the old one is broken',
      'Password expired and I cannot log in',
      'Excel crashes when I open a big file',
    ].entries())
      await report(title, `everyday${i}`);
    for (const [i, title] of [
      'VPN gateway down, cannot reach the intranet',
      'vpn gateway is down - no intranet',
      'Cannot reach intranet, VPN gateway down',
      'VPN gateway down again, intranet unreachable',
      'The VPN gateway seems down, intranet does not load',
      'VPN gateway down since 9, intranet gone',
    ].entries())
      await report(title, `vpn${i}`);
    at('2026-03-03T12:00:00Z');
    const figures = await helpdesk.figures.figures(ADMIN, { days: 7 });
    expect(figures.majorIncidents.declared).toBe(1);
    expect(figures.majorIncidents.joined).toBe(6);
    expect(figures.majorIncidents.incidents).toEqual([
      expect.objectContaining({ status: 'open', joined: 6, createdAt: expect.any(Date) }),
    ]);
    // Ten reports and the incident's own ticket, all on 2 March.
    expect(figures.days.find((d) => d.day === '2026-03-02')?.opened).toBe(11);
  });

  test("with business hours in a time zone, the days are that zone's: a ticket at 00:30 there counts on its day", async () => {
    const { helpdesk } = ctx();
    at('2026-03-20T10:00:00Z');
    await helpdesk.sla.setHours(ADMIN, { hours: 'Mon-Fri 08:00-16:00 Europe/Copenhagen' });
    await open('2026-03-20T23:30:00Z', 'Late-night request'); // 00:30 on the 21st in Copenhagen
    at('2026-03-21T12:00:00Z');
    const figures = await helpdesk.figures.figures(ADMIN, { days: 7 });
    expect(figures.window).toMatchObject({
      timeZone: 'Europe/Copenhagen',
      firstDay: '2026-03-15',
      lastDay: '2026-03-21',
      start: new Date('2026-03-14T23:00:00Z'),
    });
    expect(figures.days.slice(-2).map((d) => [d.day, d.opened])).toEqual([
      ['2026-03-20', 0],
      ['2026-03-21', 1],
    ]);
  });
});
