import { HOUR, MINUTE } from '../../src/core/clock';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../src/core/errors';
import { createHelpdesk } from '../../src/core/helpdesk';
import { registerSlaMetrics } from '../../src/http/sla-metrics';
import { sweepSlaClocks } from '../../src/jobs/sla-sweep';
import { Registry } from 'prom-client';
import { describeEachDatabase } from '../helpers/database';
import { ADMIN, discord, staffUp } from '../helpers/people';
import { storedState } from '../helpers/snapshot';

describeEachDatabase('priorities, SLA clocks, the sweep and ratings', (ctx) => {
  const carl = discord('carl');
  const tina = discord('tina'); // tier 1
  const sara = discord('sara'); // tier 2

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1', sara: '2', theo: '3' });
  });

  // Requests: alike incidents would make a major incident, which stops their clocks (see major-incidents.test).
  const open = (impact?: 'individual' | 'team' | 'everyone', urgency?: 'can_work' | 'degraded' | 'blocked') =>
    ctx().helpdesk.tickets.open(carl, {
      title: 'VPN access for a contractor',
      description: 'Starts today.',
      type: 'request',
      impact,
      urgency,
    });
  const stored = async (number: number) => (await ctx().helpdesk.queries.show(tina, { ticketNumber: number })).ticket;
  const eventsOf = async (ticketId: number, kind: string) =>
    (await ctx().dataSource.query(
      `SELECT actor_id, data FROM ticket_event WHERE ticket_id = $1 AND kind = $2 ORDER BY id`,
      [ticketId, kind],
    )) as Array<{
      actor_id: number | null;
      data: Record<string, unknown>;
    }>;
  const deliveriesOf = async (ticketId: number, kind: string) =>
    (await ctx().dataSource.query(
      `SELECT destination, payload FROM delivery WHERE ticket_id = $1 AND kind = $2 ORDER BY id`,
      [ticketId, kind],
    )) as Array<{
      destination: string;
      payload: Record<string, unknown>;
    }>;

  test('the priority comes from impact and urgency; a staff override is in the history with who made it', async () => {
    const ticket = await open('everyone', 'blocked');
    expect(ticket.priority).toBe('P1');
    expect(ticket.firstResponseDueAt?.getTime()).toBe(ctx().clock.now().getTime() + HOUR);
    await ctx().helpdesk.tickets.changePriority(tina, { ticketNumber: ticket.number, priority: 'p2' });
    const [override] = await eventsOf(ticket.id, 'priority_changed');
    const tinaId = (await ctx().helpdesk.staff.whoAmI(tina)).id;
    expect(override).toEqual({ actor_id: tinaId, data: { from: 'P1', to: 'P2', override: true } });
    // The due times follow the new priority's targets.
    expect((await stored(ticket.number)).firstResponseDueAt?.getTime()).toBe(ticket.createdAt.getTime() + 4 * HOUR);
  });

  test('a ticket pending twice then reopened leaves the paused time out, to the minute', async () => {
    const { tickets, comments } = ctx().helpdesk;
    const { clock } = ctx();
    const ticket = await open('team', 'degraded'); // P3: resolution 3 days
    clock.advance(30 * MINUTE);
    await comments.comment(tina, { ticketNumber: ticket.number, body: 'Looking at it.' });
    clock.advance(30 * MINUTE);
    await tickets.setPending(tina, { ticketNumber: ticket.number });
    clock.advance(5 * HOUR);
    await comments.comment(carl, { ticketNumber: ticket.number, body: 'Still down.' }); // answers: open again
    clock.advance(45 * MINUTE);
    await tickets.setPending(tina, { ticketNumber: ticket.number });
    clock.advance(26 * HOUR);
    await tickets.resolve(tina, { ticketNumber: ticket.number });
    clock.advance(HOUR);
    await tickets.reopen(carl, { ticketNumber: ticket.number });
    const after = await stored(ticket.number);
    expect(after.slaElapsedSeconds).toBe(105 * 60);
    expect(after.resolutionDueAt?.getTime()).toBe(clock.now().getTime() + (3 * 24 * 60 - 105) * MINUTE);
    expect(after.firstResponseAt).not.toBeNull();
    expect(after.firstResponseDueAt).toBeNull();
  });

  test('the sweep warns the assignee at 80 % once, then marks the breach once and escalates to tier 2', async () => {
    const { clock } = ctx();
    const ticket = await open('everyone', 'blocked'); // P1: first response 1 h
    const sweep = () => sweepSlaClocks(ctx().helpdesk.ctx, clock.now());
    clock.advance(47 * MINUTE);
    await sweep();
    expect(await eventsOf(ticket.id, 'sla_warning')).toHaveLength(0);
    clock.advance(MINUTE);
    await sweep();
    await sweep();
    expect(await eventsOf(ticket.id, 'sla_warning')).toHaveLength(1);
    const [warning] = await eventsOf(ticket.id, 'sla_warning');
    expect(warning.data).toMatchObject({ target: 'first_response' });
    const assigneeId = (await stored(ticket.number)).assigneeId;
    expect(
      (await deliveriesOf(ticket.id, 'person.dm')).filter((d) => String(d.payload.text).startsWith('SLA warning')),
    ).toEqual([expect.objectContaining({ destination: `person:${assigneeId}` })]);

    clock.advance(12 * MINUTE);
    await sweep();
    clock.advance(MINUTE);
    await sweep();
    expect(await eventsOf(ticket.id, 'sla_breached')).toHaveLength(1);
    expect(await eventsOf(ticket.id, 'sla_warning')).toHaveLength(1);
    const after = await stored(ticket.number);
    expect(after).toMatchObject({ tier: 2 });
    expect(after.firstResponseBreachedAt).not.toBeNull();
    expect(after.assigneeId).toBe((await ctx().helpdesk.staff.whoAmI(sara)).id);
    expect(await eventsOf(ticket.id, 'escalated')).toEqual([
      { actor_id: null, data: { fromTier: 1, toTier: 2, reason: 'sla_breach' } },
    ]);
    expect(await deliveriesOf(ticket.id, 'staff.alert')).toHaveLength(1);
  });

  test('three instances sweeping at once warn and breach each ticket once', async () => {
    const { clock, dataSource } = ctx();
    const opened = await Promise.all(Array.from({ length: 6 }, () => open('everyone', 'blocked')));
    const instances = [1, 2, 3].map(() => createHelpdesk({ dataSource, clock, policy: ctx().helpdesk.ctx.policy }));
    const countEvents = async () =>
      Number(
        (
          await dataSource.query(`SELECT count(*) AS n FROM ticket_event WHERE kind IN ('sla_warning', 'sla_breached')`)
        )[0].n,
      );
    const before = await countEvents();
    clock.advance(50 * MINUTE);
    const warned = await Promise.all(instances.map((h) => sweepSlaClocks(h.ctx, clock.now(), { batchSize: 2 })));
    clock.advance(15 * MINUTE);
    const breached = await Promise.all(instances.map((h) => sweepSlaClocks(h.ctx, clock.now(), { batchSize: 2 })));
    // What the three report is what was written: nothing counted twice (other tests' tickets may be swept too).
    expect([...warned, ...breached].reduce((a, b) => a + b, 0)).toBe((await countEvents()) - before);
    for (const ticket of opened) {
      expect(await eventsOf(ticket.id, 'sla_warning')).toHaveLength(1);
      expect(await eventsOf(ticket.id, 'sla_breached')).toHaveLength(1);
      expect(await eventsOf(ticket.id, 'escalated')).toHaveLength(1);
    }
  });

  test('a breach at tier 3 tells the admins, as there is no tier to escalate to', async () => {
    const { clock } = ctx();
    const ticket = await open('everyone', 'blocked');
    await ctx().helpdesk.tickets.escalate(tina, { ticketNumber: ticket.number });
    await ctx().helpdesk.tickets.escalate(sara, { ticketNumber: ticket.number });
    // Someone answered, so only the resolution target (4 h) is left.
    await ctx().helpdesk.comments.comment(discord('theo'), { ticketNumber: ticket.number, body: 'On it.' });
    clock.advance(4 * HOUR + MINUTE);
    await sweepSlaClocks(ctx().helpdesk.ctx, clock.now());
    const [breach] = await eventsOf(ticket.id, 'sla_breached');
    expect(breach.data).toMatchObject({ target: 'resolution', toAdmins: true });
    const adminId = (await ctx().helpdesk.staff.whoAmI(ADMIN)).id;
    const dms = await deliveriesOf(ticket.id, 'person.dm');
    expect(
      dms.filter((d) => d.destination === `person:${adminId}` && String(d.payload.text).startsWith('SLA breached')),
    ).toHaveLength(1);
    expect((await stored(ticket.number)).tier).toBe(3);
  });

  test('a pending ticket is never swept, however long it waits', async () => {
    const { clock } = ctx();
    const ticket = await open('everyone', 'blocked');
    await ctx().helpdesk.tickets.setPending(tina, { ticketNumber: ticket.number });
    clock.advance(10 * HOUR);
    await sweepSlaClocks(ctx().helpdesk.ctx, clock.now());
    expect(await eventsOf(ticket.id, 'sla_warning')).toHaveLength(0);
    expect(await eventsOf(ticket.id, 'sla_breached')).toHaveLength(0);
  });

  describe('ratings', () => {
    test('the customer is asked once per resolution; a rating pressed twice counts once', async () => {
      const ticket = await open();
      await ctx().helpdesk.tickets.resolve(tina, { ticketNumber: ticket.number });
      const asks = (await deliveriesOf(ticket.id, 'ticket.notice')).filter((d) => d.payload.askRating);
      expect(asks).toHaveLength(1);
      await ctx().helpdesk.ratings.rate(carl, { ticketNumber: ticket.number, score: 4 });
      await expect(ctx().helpdesk.ratings.rate(carl, { ticketNumber: ticket.number, score: 5 })).rejects.toThrow(
        'already rated',
      );
      await ctx().helpdesk.ratings.comment(carl, { ticketNumber: ticket.number, comment: 'Quick, thanks' });
      const rows = await ctx().dataSource.query(`SELECT score, comment FROM rating WHERE ticket_id = $1`, [ticket.id]);
      expect(rows).toEqual([{ score: 4, comment: 'Quick, thanks' }]);
      // Staff see it on the card.
      const view = await ctx().helpdesk.deliveries.forTicket(ticket.id);
      expect(view.card.fields).toContainEqual({ name: 'Rating', value: '★★★★☆ (4/5)' });
      // And on the ticket as `/tickets show` reads it, on either platform; reopened, it has none yet.
      expect((await ctx().helpdesk.queries.show(tina, { ticketNumber: ticket.number })).rating).toBe(4);
      await ctx().helpdesk.tickets.reopen(carl, { ticketNumber: ticket.number });
      expect((await ctx().helpdesk.queries.show(tina, { ticketNumber: ticket.number })).rating).toBeNull();
    });

    test('only the customer rates, only a resolved ticket, only 1 to 5; a refusal stores nothing', async () => {
      const ticket = await open();
      const before = await storedState(ctx().dataSource);
      await expect(ctx().helpdesk.ratings.rate(carl, { ticketNumber: ticket.number, score: 5 })).rejects.toBeInstanceOf(
        ConflictError,
      );
      await ctx().helpdesk.tickets.resolve(tina, { ticketNumber: ticket.number });
      const resolved = await storedState(ctx().dataSource);
      await expect(ctx().helpdesk.ratings.rate(tina, { ticketNumber: ticket.number, score: 5 })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(ctx().helpdesk.ratings.rate(carl, { ticketNumber: ticket.number, score: 9 })).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      expect(await storedState(ctx().dataSource)).toEqual(resolved);
      expect(before).not.toEqual(resolved);
    });

    test('a reopened and resolved-again ticket may be rated again', async () => {
      const ticket = await open();
      await ctx().helpdesk.tickets.resolve(tina, { ticketNumber: ticket.number });
      await ctx().helpdesk.ratings.rate(carl, { ticketNumber: ticket.number, score: 2 });
      ctx().clock.advance(MINUTE);
      await ctx().helpdesk.tickets.reopen(carl, { ticketNumber: ticket.number });
      await ctx().helpdesk.tickets.resolve(tina, { ticketNumber: ticket.number });
      await ctx().helpdesk.ratings.rate(carl, { ticketNumber: ticket.number, score: 5 });
      expect(
        await ctx().dataSource.query(`SELECT score FROM rating WHERE ticket_id = $1 ORDER BY id`, [ticket.id]),
      ).toEqual([{ score: 2 }, { score: 5 }]);
    });
  });

  describe('the SLA policy', () => {
    test('admins change targets and hours; the SLA article follows; hand edits of it are refused', async () => {
      const { sla, knowledge } = ctx().helpdesk;
      await expect(sla.setTargets(tina, { priority: 'P1', firstResponse: '30m' })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(sla.setTargets(ADMIN, { priority: 'P1', firstResponse: 'soon' })).rejects.toThrow('not a duration');
      await expect(sla.setTargets(ADMIN, { priority: 'P1', firstResponse: '5h' })).rejects.toThrow(
        'first response cannot be due after',
      );
      const changed = await sla.setTargets(ADMIN, { priority: 'P1', firstResponse: '30m' });
      expect(changed.policy.P1).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 240 });
      await sla.setHours(ADMIN, { hours: 'Mon-Fri 08:00-16:00 Europe/Copenhagen' });
      const [article] = await ctx().dataSource.query(`SELECT id, body, visibility FROM article WHERE special = 'sla'`);
      expect(article.visibility).toBe('public');
      expect(article.body).toContain('P1 critical: first response within 30m, resolved within 4h');
      expect(article.body).toContain('Mon-Fri 08:00-16:00 (Europe/Copenhagen)');
      await expect(knowledge.edit(ADMIN, { id: article.id, body: 'Always within the hour!' })).rejects.toThrow(
        '/helpdesk sla',
      );
      await expect(knowledge.markSpecial(ADMIN, { id: article.id, special: 'sla' })).rejects.toThrow('/helpdesk sla');
      const hits = await knowledge.search(carl, { words: 'service level' });
      expect(hits.map((h) => h.id)).toContain(article.id);
      await sla.setHours(ADMIN, { hours: 'off' });
      await sla.setTargets(ADMIN, { priority: 'P1', firstResponse: '1h' });
      expect((await sla.show(ADMIN)).calendar).toBeNull();
    });
  });

  test('stats: opened, resolved, medians, SLA met and ratings, overall, by priority and by supporter', async () => {
    const { helpdesk, clock } = ctx();
    clock.advance(40 * 24 * HOUR); // a period of its own
    const fast = await open('everyone', 'blocked');
    clock.advance(10 * MINUTE);
    await helpdesk.comments.comment(tina, { ticketNumber: fast.number, body: 'Fixed the VPN.' });
    clock.advance(20 * MINUTE);
    await helpdesk.tickets.resolve(tina, { ticketNumber: fast.number });
    await helpdesk.ratings.rate(carl, { ticketNumber: fast.number, score: 5 });
    const late = await open('everyone', 'blocked');
    clock.advance(5 * HOUR);
    await helpdesk.tickets.resolve(tina, { ticketNumber: late.number });
    await expect(helpdesk.stats.stats(tina, { period: '7d' })).rejects.toBeInstanceOf(ForbiddenError);
    const stats = await helpdesk.stats.stats(ADMIN, { period: '7d' });
    expect(stats.total).toMatchObject({
      opened: 2,
      resolved: 2,
      slaMetPercent: 50,
      averageRating: 5,
      ratings: 1,
      medianFirstResponseMinutes: 10,
    });
    expect(stats.byPriority.map((r) => r.label)).toEqual(['P1']);
    expect(stats.bySupporter[0]).toMatchObject({ resolved: 2 });
    await expect(helpdesk.stats.stats(ADMIN, { period: '1y' })).rejects.toThrow('7d or 30d');
  });

  test('/metrics reads the same SLA figures: breaches by target and first-response quantiles by priority', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    clock.advance(40 * 24 * HOUR); // a 30-day window of its own
    const answered = await open('everyone', 'blocked'); // P1: first response within the hour
    clock.advance(10 * MINUTE);
    await helpdesk.comments.comment(tina, { ticketNumber: answered.number, body: 'Looking at it.' });
    const missed = await open('everyone', 'blocked');
    clock.advance(2 * HOUR);
    await sweepSlaClocks(helpdesk.ctx, clock.now());
    await helpdesk.comments.comment(tina, { ticketNumber: missed.number, body: 'Sorry for the wait.' });
    const registry = new Registry();
    registerSlaMetrics(registry, dataSource, clock);
    const values = async (name: string) =>
      (await registry.getSingleMetric(name)!.get()).values.map((v) => ({ labels: v.labels, value: v.value }));
    expect(await values('helpdesk_sla_breaches')).toEqual([
      { labels: { priority: 'P1', target: 'first_response' }, value: 1 },
      { labels: { priority: 'P1', target: 'resolution' }, value: 0 },
    ]);
    const quantiles = await values('helpdesk_first_response_seconds');
    expect(quantiles.map((q) => q.labels)).toEqual([
      { priority: 'P1', quantile: '0.5' },
      { priority: 'P1', quantile: '0.9' },
    ]);
    const stats = await helpdesk.stats.stats(ADMIN, { period: '30d' });
    // The median both report is of the same two answers (10 minutes and 2 hours).
    expect(quantiles[0].value).toBe(((10 + 120) / 2) * 60);
    expect(stats.byPriority[0].medianFirstResponseMinutes).toBe((10 + 120) / 2);
  });
});
