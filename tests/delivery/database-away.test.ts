import type { DataSource } from 'typeorm';
import { Dispatcher } from '../../src/delivery/dispatcher';
import type { OutgoingDelivery, SendOptions } from '../../src/delivery/sender';
import { createLogger } from '../../src/log';
import { MemorySender } from '../fakes/memory-sender';
import { describeEachDatabase } from '../helpers/database';
import { deliveryRows, queueDeliveries } from './support';

/** A DataSource whose queries fail as a cut connection does while `away` is set. */
function cuttable(dataSource: DataSource): { dataSource: DataSource; cut(ms: number): void; refused: number } {
  let awayUntil = 0;
  const state = {
    refused: 0,
    cut(ms: number) {
      awayUntil = Date.now() + ms;
    },
    dataSource: new Proxy(dataSource, {
      get(target, property, receiver) {
        if (property !== 'query') return Reflect.get(target, property, receiver);
        return async (...args: Parameters<DataSource['query']>) => {
          if (Date.now() < awayUntil) {
            state.refused++;
            throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
          }
          return target.query(...args);
        };
      },
    }),
  };
  return state;
}

/** A platform that takes the message, then has the sender record its id, while the database is cut. */
class RecordingSender extends MemorySender {
  readonly recorded: number[] = [];
  constructor(
    private readonly database: ReturnType<typeof cuttable>,
    private readonly cutMs: number,
  ) {
    super('discord');
  }
  override async send(delivery: OutgoingDelivery, options: SendOptions): Promise<void> {
    await super.send(delivery, options);
    // The post reached the platform; the database goes away before its id is saved.
    this.database.cut(this.cutMs);
    await options.record(async () => {
      await this.database.dataSource.query(`SELECT 1`);
      this.recorded.push(delivery.id);
    });
  }
}

describeEachDatabase('delivery while the database is briefly away', (ctx) => {
  const quiet = createLogger('silent');
  beforeEach(async () => {
    await ctx().dataSource.query(`DELETE FROM delivery`);
  });

  test('a post that reached the platform is recorded and settled once the database is back, and never sent again', async () => {
    await queueDeliveries(ctx().dataSource, { destinations: 3, perDestination: 1, now: ctx().clock.now() });
    const database = cuttable(ctx().dataSource);
    const sender = new RecordingSender(database, 600);
    const dispatcher = new Dispatcher({
      dataSource: database.dataSource,
      clock: ctx().clock,
      senders: [sender],
      instanceId: 'cut',
      concurrency: 3,
      leaseMs: 30_000,
      logger: quiet,
    });
    const result = await dispatcher.runOnce();
    expect(result).toMatchObject({ claimed: 3, sent: 3, resent: 0, retried: 0 });
    expect(database.refused).toBeGreaterThan(0);
    expect(sender.recorded.sort()).toEqual(sender.sent.map((d) => d.id).sort());
    const rows = await deliveryRows(ctx().dataSource);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
      ['sent', 1],
    ]);
    // Nothing is left to claim again: each went out once.
    expect(await dispatcher.runOnce()).toMatchObject({ claimed: 0 });
    expect(sender.sent).toHaveLength(3);
  });

  test('only as many deliveries are claimed as are being sent, so a crash strands no others', async () => {
    await queueDeliveries(ctx().dataSource, { destinations: 12, perDestination: 1, now: ctx().clock.now() });
    const sender = new MemorySender('discord');
    const release = sender.hold();
    const dispatcher = new Dispatcher({
      dataSource: ctx().dataSource,
      clock: ctx().clock,
      senders: [sender],
      instanceId: 'few',
      concurrency: 3,
      batchSize: 12,
      logger: quiet,
    });
    const run = dispatcher.runOnce();
    await sender.sendsStarted(3);
    const claimedWhileHeld = (await deliveryRows(ctx().dataSource)).filter((r) => r.status === 'sending');
    expect(claimedWhileHeld).toHaveLength(3);
    release();
    expect(await run).toMatchObject({ claimed: 12, sent: 12 });
  });
});
