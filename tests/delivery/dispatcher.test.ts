import { Registry } from 'prom-client';
import { defaultPolicy } from '../../src/config';
import { createHelpdesk } from '../../src/core/helpdesk';
import { Dispatcher, type DispatcherOptions } from '../../src/delivery/dispatcher';
import { createLogger } from '../../src/log';
import { dmsClosed, MemorySender, rateLimited, serverError } from '../fakes/memory-sender';
import { describeEachDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';
import { deliveryRows, drain, eventually, idsByDestination, queueDeliveries } from './support';

describeEachDatabase('delivery dispatcher', (ctx) => {
  const quiet = createLogger('silent');
  const dispatcher = (sender: MemorySender, extra: Partial<DispatcherOptions> = {}) =>
    new Dispatcher({
      dataSource: ctx().dataSource,
      clock: ctx().clock,
      senders: [sender],
      instanceId: 'test',
      batchSize: 4,
      concurrency: 2,
      random: () => 0.5,
      logger: quiet,
      ...extra,
    });

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1' });
  });
  beforeEach(async () => {
    await ctx().dataSource.query(`DELETE FROM delivery`);
  });

  test('deliveries written by opening tickets arrive once each, in event order per destination', async () => {
    const { tickets, comments } = ctx().helpdesk;
    const first = await tickets.open(discord('carl'), {
      title: 'Printer jammed',
      description: 'E42 on floor 2',
      type: 'incident',
    });
    await tickets.open(discord('dora'), { title: 'VPN drops', description: 'Every hour', type: 'incident' });
    await comments.comment(discord('tina'), { ticketNumber: first.number, body: 'Which tray?' });
    await tickets.setPending(discord('tina'), { ticketNumber: first.number });
    await tickets.open(discord('ed'), { title: 'New laptop', description: 'For the new hire', type: 'request' });

    const sender = new MemorySender('discord');
    const result = await drain([dispatcher(sender)], ctx().dataSource, ctx().clock);

    const rows = await deliveryRows(ctx().dataSource);
    // Three openings (ticket.created, Tina's DM each), the comment (a first response: with a card redraw), and pending (card, notice).
    expect(rows.length).toBe(3 * 2 + 2 + 2);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.sent_at !== null)).toBe(true);
    expect(result).toMatchObject({ sent: rows.length, failed: 0, retried: 0, resent: 0 });
    expect([...sender.sentIds()].sort((a, b) => a - b)).toEqual(rows.map((r) => r.id));
    // Each destination heard its deliveries in the order they were written, and their events' order.
    const eventOf = new Map(rows.map((r) => [r.id, r.event_id!]));
    for (const [destination, ids] of idsByDestination(sender.sent)) {
      expect(ids).toEqual(rows.filter((r) => r.destination === destination).map((r) => r.id));
      const events = ids.map((id) => eventOf.get(id)!);
      expect(events).toEqual([...events].sort((a, b) => a - b));
    }
    expect(idsByDestination(sender.sent).get(`person:${first.assigneeId}`)?.length).toBe(3);
    expect(sender.overlaps).toEqual([]);
  });

  test("a destination's head blocks it while it waits to be retried; other destinations go on", async () => {
    await queueDeliveries(ctx().dataSource, {
      destinations: 2,
      perDestination: 3,
      now: ctx().clock.now(),
      prefix: 'dest:',
    });
    const sender = new MemorySender('discord').failNext(1, serverError, 'dest:0');
    const d = dispatcher(sender);

    // A run claims again as its sends settle: dest:1 goes through while dest:0's first delivery waits
    // out its backoff (0.75 s with this jitter), its next ones behind it.
    expect(await d.runOnce()).toMatchObject({ claimed: 4, sent: 3, retried: 1 });
    expect(await d.runOnce()).toMatchObject({ claimed: 0 });
    ctx().clock.advance(749);
    expect(await d.runOnce()).toMatchObject({ claimed: 0 });
    ctx().clock.advance(1);
    await drain([d], ctx().dataSource, ctx().clock);
    const rows = await deliveryRows(ctx().dataSource);
    expect(idsByDestination(sender.sent).get('dest:0')).toEqual(
      rows.filter((r) => r.destination === 'dest:0').map((r) => r.id),
    );
    expect(sender.sent.map((s) => s.destination)).toEqual(['dest:1', 'dest:1', 'dest:1', 'dest:0', 'dest:0', 'dest:0']);
  });

  test('a 429 waits its Retry-After and is not counted as a failed attempt', async () => {
    await queueDeliveries(ctx().dataSource, {
      destinations: 1,
      perDestination: 2,
      now: ctx().clock.now(),
      prefix: 'limited:',
    });
    const sender = new MemorySender('discord').failNext(5, rateLimited(2000));
    const registry = new Registry();
    const d = dispatcher(sender, { maxAttempts: 2, metrics: registry });
    expect(await d.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    const [head] = await deliveryRows(ctx().dataSource);
    expect(head).toMatchObject({
      status: 'pending',
      attempts: 0,
      lease_until: null,
      last_error: 'rate_limited: retry after 2000 ms',
    });
    expect(head.not_before.getTime()).toBe(ctx().clock.now().getTime() + 2000);
    ctx().clock.advance(1999);
    expect(await d.runOnce()).toMatchObject({ claimed: 0 });
    const waiting = await registry.metrics();
    expect(waiting).toMatch(/^helpdesk_delivery_queue_depth 2$/m);
    expect(waiting).toMatch(/^helpdesk_delivery_oldest_unsent_age_seconds 1\.999$/m);
    expect(waiting).toMatch(/^helpdesk_deliveries_retried_total\{cause="rate_limited"\} 1$/m);

    const result = await drain([d], ctx().dataSource, ctx().clock);
    expect(result).toMatchObject({ sent: 2, failed: 0, retried: 4 });
    expect((await deliveryRows(ctx().dataSource)).map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  test('5xx backs off exponentially with jitter, gives up after maxAttempts, and the destination goes on', async () => {
    await queueDeliveries(ctx().dataSource, {
      destinations: 1,
      perDestination: 2,
      now: ctx().clock.now(),
      prefix: 'flaky:',
    });
    const sender = new MemorySender('discord').failNext(3, serverError);
    const d = dispatcher(sender, { maxAttempts: 3, backoff: { baseMs: 1000, maxMs: 1500 } });
    const waits: number[] = [];
    for (let i = 0; i < 2; i++) {
      const before = ctx().clock.now().getTime();
      expect(await d.runOnce()).toMatchObject({ retried: 1 });
      const [head] = await deliveryRows(ctx().dataSource);
      waits.push(head.not_before.getTime() - before);
      ctx().clock.set(head.not_before);
    }
    // Half the step plus half of it times the jitter (0.5 here): 1000 → 750; 2000, capped at 1500 → 1125.
    expect(waits).toEqual([750, 1125]);
    expect(await d.runOnce()).toMatchObject({ failed: 1 });
    await drain([d], ctx().dataSource, ctx().clock);
    const rows = await deliveryRows(ctx().dataSource);
    expect(rows.map((r) => r.status)).toEqual(['failed', 'sent']);
    expect(rows[0].last_error).toBe('gave_up: after 3 attempts: 503 Service Unavailable');
  });

  test('a customer whose DMs are closed (and a supporter too): those deliveries fail with the reason, the rest go on', async () => {
    const { tickets } = ctx().helpdesk;
    const registry = new Registry();
    const opened = [];
    for (const customer of ['fay', 'gus', 'hal']) {
      opened.push(
        await tickets.open(discord(customer), {
          title: `Help for ${customer}`,
          description: 'Please',
          type: 'incident',
        }),
      );
    }
    await tickets.setPending(discord('tina'), { ticketNumber: opened[1].number });
    // Gus takes no direct messages: what the helpdesk tells him (his notices) bounces; the thread's other traffic does not.
    const gusThread = `ticket:${opened[1].id}`;
    const toGus = (d: { destination: string; kind: string }) =>
      d.destination === gusThread && d.kind === 'ticket.notice';
    const tina = `person:${opened[0].assigneeId}`;
    expect(opened.every((t) => `person:${t.assigneeId}` === tina)).toBe(true);
    const sender = new MemorySender('discord')
      .failAlways(dmsClosed, toGus)
      .failAlways({ kind: 'permanent', reason: 'dms_closed' }, tina);

    const result = await drain([dispatcher(sender, { metrics: registry })], ctx().dataSource, ctx().clock);

    const rows = await deliveryRows(ctx().dataSource);
    const bounced = rows.filter((r) => toGus(r) || r.destination === tina);
    expect(bounced).toHaveLength(1 + 3);
    for (const row of bounced) expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(rows.filter(toGus).map((r) => r.last_error)).toEqual(['dms_closed: Cannot send messages to this user']);
    expect(rows.filter((r) => r.destination === tina).map((r) => r.last_error)).toEqual([
      'dms_closed',
      'dms_closed',
      'dms_closed',
    ]);
    // Gus's thread went on past the bounced notice, in order.
    const thread = rows.filter((r) => r.destination === gusThread);
    expect(thread.map((r) => [r.kind, r.status])).toEqual([
      ['ticket.created', 'sent'],
      ['ticket.card', 'sent'],
      ['ticket.notice', 'failed'],
    ]);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(rows.length - 4);
    expect(result).toMatchObject({ failed: 4, retried: 0 });

    const text = await registry.metrics();
    expect(text).toMatch(/^helpdesk_deliveries_failed_total\{reason="dms_closed"\} 4$/m);
    expect(text).toMatch(/^helpdesk_deliveries_failed\{reason="dms_closed"\} 4$/m);
    expect(text).toMatch(new RegExp(`^helpdesk_deliveries_sent_total ${rows.length - 4}$`, 'm'));
    expect(text).toMatch(/^helpdesk_delivery_queue_depth 0$/m);
  });

  test('only platforms it has a sender for are claimed; a person on two platforms has two queues', async () => {
    const now = ctx().clock.now();
    await queueDeliveries(ctx().dataSource, {
      destinations: 1,
      perDestination: 1,
      now,
      platform: 'slack',
      prefix: 'person:',
    });
    await queueDeliveries(ctx().dataSource, {
      destinations: 1,
      perDestination: 1,
      now,
      platform: 'discord',
      prefix: 'person:',
    });
    const sender = new MemorySender('discord');
    expect(await dispatcher(sender).runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect((await deliveryRows(ctx().dataSource)).map((r) => [r.platform, r.status])).toEqual([
      ['slack', 'pending'],
      ['discord', 'sent'],
    ]);
  });

  test('an expired lease is claimed again and counted as a resend; the stale claim cannot settle it', async () => {
    await queueDeliveries(ctx().dataSource, {
      destinations: 1,
      perDestination: 1,
      now: ctx().clock.now(),
      prefix: 'hang:',
    });
    const registry = new Registry();
    const stuck = new MemorySender('discord');
    const release = stuck.hold();
    const first = dispatcher(stuck, { leaseMs: 30_000, metrics: registry, instanceId: 'first' });
    const firstRun = first.runOnce();
    await stuck.sendsStarted(1);

    const other = new MemorySender('discord');
    const second = dispatcher(other, { leaseMs: 30_000, metrics: registry, instanceId: 'second' });
    expect(await second.runOnce()).toMatchObject({ claimed: 0 });
    ctx().clock.advance(30_000);
    expect(await second.runOnce()).toMatchObject({ claimed: 1, sent: 1, resent: 1 });
    expect(other.sent[0].resend).toBe(true);

    release();
    expect(await firstRun).toMatchObject({ claimed: 1, sent: 0 });
    const [row] = await deliveryRows(ctx().dataSource);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await registry.metrics()).toMatch(/^helpdesk_deliveries_resent_total 1$/m);
  });

  test('start() sends at once when woken by a commit that wrote deliveries; stop() waits for sends in flight', async () => {
    const sender = new MemorySender('discord');
    const d = dispatcher(sender, { concurrency: 1, batchSize: 10 });
    const helpdesk = createHelpdesk({
      dataSource: ctx().dataSource,
      clock: ctx().clock,
      policy: defaultPolicy,
      onDeliveriesWritten: () => d.wake(),
    });
    d.start(60_000);
    try {
      await helpdesk.tickets.open(discord('ivy'), {
        title: 'Mouse broken',
        description: 'Left button',
        type: 'incident',
      });
      await eventually(() => sender.sent.length > 0, 5000);
    } finally {
      await d.stop();
    }

    await ctx().dataSource.query(`DELETE FROM delivery`);
    await queueDeliveries(ctx().dataSource, {
      destinations: 3,
      perDestination: 1,
      now: ctx().clock.now(),
      prefix: 'stop:',
    });
    const slow = new MemorySender('discord');
    const release = slow.hold();
    const s = dispatcher(slow, { concurrency: 1, batchSize: 3 });
    s.start(60_000);
    await slow.sendsStarted(1);
    const stopped = s.stop();
    release();
    await stopped;
    const rows = await deliveryRows(ctx().dataSource);
    expect(rows.map((r) => [r.status, r.attempts, r.lease_until])).toEqual([
      ['sent', 1, null],
      ['pending', 0, null],
      ['pending', 0, null],
    ]);
  });
});
