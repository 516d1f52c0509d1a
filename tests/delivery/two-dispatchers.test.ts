import type { DataSource } from 'typeorm';
import { Dispatcher } from '../../src/delivery/dispatcher';
import { createLogger } from '../../src/log';
import { MemorySender, rateLimited, serverError } from '../fakes/memory-sender';
import { describeEachDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';
import { deliveryRows, drain, idsByDestination, queueDeliveries, secondDataSource } from './support';

/**
 * Two instances, each with its own connection pool, on one database: what matters is that they
 * never send one delivery twice nor two deliveries of one destination out of order, while the
 * platform answers 429 and then 5xx for a while. On PostgreSQL their claims truly race.
 */
describeEachDatabase('two dispatchers on one database', (ctx) => {
  let otherPool: DataSource;

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1', tom: '1' });
    otherPool = await secondDataSource(ctx().dataSource);
  });
  afterAll(async () => {
    await otherPool?.destroy();
  });

  test('a platform answering 429, then 5xx for a while: every delivery arrives once, in order per destination', async () => {
    const { tickets, comments } = ctx().helpdesk;
    for (const name of ['ann', 'bob', 'cid', 'dee', 'eve']) {
      const ticket = await tickets.open(discord(name), {
        title: `Trouble for ${name}`,
        description: 'It broke',
        type: 'incident',
      });
      await comments.comment(discord(name), { ticketNumber: ticket.number, body: 'Any news?' });
    }
    await queueDeliveries(ctx().dataSource, {
      destinations: 40,
      perDestination: 8,
      now: ctx().clock.now(),
      prefix: 'bulk:',
    });

    // One platform behind both instances: the first 60 sends are rate limited, the next 60 fail with 503.
    const platform = new MemorySender('discord').failNext(60, rateLimited(2000)).failNext(60, serverError);
    let jitter = 0;
    const instance = (name: string, dataSource: DataSource) =>
      new Dispatcher({
        dataSource,
        clock: ctx().clock,
        senders: [platform],
        instanceId: name,
        batchSize: 16,
        concurrency: 4,
        random: () => (jitter = (jitter + 0.37) % 1),
        logger: createLogger('silent'),
      });
    const result = await drain(
      [instance('one', ctx().dataSource), instance('two', otherPool)],
      ctx().dataSource,
      ctx().clock,
    );

    const rows = await deliveryRows(ctx().dataSource);
    expect(rows.length).toBeGreaterThan(320);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    const sentIds = platform.sentIds();
    expect(new Set(sentIds).size).toBe(sentIds.length);
    expect([...sentIds].sort((a, b) => a - b)).toEqual(rows.map((r) => r.id));
    for (const [destination, ids] of idsByDestination(platform.sent)) {
      expect({ destination, ids }).toEqual({
        destination,
        ids: rows.filter((r) => r.destination === destination).map((r) => r.id),
      });
    }
    expect(platform.overlaps).toEqual([]);
    expect(platform.attempts.filter((a) => a.outcome === 'rate_limited')).toHaveLength(60);
    expect(platform.attempts.filter((a) => a.outcome === 'temporary')).toHaveLength(60);
    expect(result).toMatchObject({ sent: rows.length, retried: 120, failed: 0, resent: 0 });
  });

  test('claims racing on the database never hand one delivery to both', async () => {
    await ctx().dataSource.query(`DELETE FROM delivery`);
    await queueDeliveries(ctx().dataSource, {
      destinations: 200,
      perDestination: 3,
      now: ctx().clock.now(),
      prefix: 'race:',
    });
    const platform = new MemorySender('discord');
    const instances = [ctx().dataSource, otherPool, ctx().dataSource, otherPool].map(
      (dataSource, i) =>
        new Dispatcher({
          dataSource,
          clock: ctx().clock,
          senders: [platform],
          instanceId: `i${i}`,
          batchSize: 50,
          concurrency: 10,
          logger: createLogger('silent'),
        }),
    );
    // Started together, the instances' first claims all ask for the same 200 heads at once.
    const result = await drain(instances, ctx().dataSource, ctx().clock);
    expect(result).toMatchObject({ sent: 600, resent: 0 });
    expect(new Set(platform.sentIds()).size).toBe(600);
    expect(platform.overlaps).toEqual([]);
  });
});
