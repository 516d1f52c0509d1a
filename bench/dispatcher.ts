import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { systemClock } from '../src/core/clock';
import { createDataSource } from '../src/db/data-source';
import { Dispatcher } from '../src/delivery/dispatcher';
import { MemorySender } from '../tests/fakes/memory-sender';
import { round, startTimer, withBenchDatabase, type DatabaseKind } from './common';

/**
 * The dispatcher's figure: deliveries per second through the delivery queue with the
 * in-memory sender (so the figure is the queue's own cost: claims, settles, ordering), with one
 * dispatcher and with two on the same database. By default 20,000 deliveries queued across 2,000
 * destinations (ten each, so every destination's order is exercised), inserted directly with SQL
 * on a fresh store from `openDatabase` (via bench/common.ts). Each run is checked: every delivery
 * sent once, never two at once to one destination; a wrong result throws rather than reports.
 *
 *   benchDispatcher('pglite', { quick: true })   2,000 deliveries across 200 destinations
 *
 * On PGlite the second instance shares the embedded store's socket (the only way two dispatchers
 * can reach one PGlite), so two instances there measure contention, not more capacity.
 */
export interface DispatcherBenchOptions {
  quick?: boolean;
  deliveries?: number;
  destinations?: number;
  batchSize?: number;
  concurrency?: number;
  log?: (line: string) => void;
}

export async function benchDispatcher(
  kind: DatabaseKind,
  opts: DispatcherBenchOptions = {},
): Promise<Record<string, number>> {
  const deliveries = opts.deliveries ?? (opts.quick ? 2_000 : 20_000);
  const destinations = opts.destinations ?? Math.max(1, Math.round(deliveries / 10));
  const tuning = { batchSize: opts.batchSize ?? 100, concurrency: opts.concurrency ?? 8 };
  const poolSize = 10;
  return withBenchDatabase(kind, { poolSize }, async (db) => {
    const url = (db.dataSource.options as PostgresDataSourceOptions).url!;
    // PGlite's socket takes the first pool's size + 2 connections, so a second pool there stays small.
    const other = createDataSource(url, kind === 'pglite' ? 2 : poolSize);
    await other.initialize();
    try {
      const run = async (pools: DataSource[]) => {
        await queue(db.dataSource, deliveries, destinations);
        opts.log?.(
          `dispatcher [${kind}]: ${deliveries} deliveries to ${destinations} destinations, ${pools.length} instance(s)…`,
        );
        return drainAll(db.dataSource, pools, tuning, deliveries);
      };
      const one = await run([db.dataSource]);
      const two = await run([db.dataSource, other]);
      return {
        deliveries,
        destinations,
        batch_size: tuning.batchSize,
        concurrency: tuning.concurrency,
        one_instance_per_sec: round(one.perSec, 1),
        one_instance_seconds: round(one.seconds),
        one_instance_claims: one.claims,
        two_instances_per_sec: round(two.perSec, 1),
        two_instances_seconds: round(two.seconds),
        two_instances_claims: two.claims,
        two_vs_one: round(two.perSec / one.perSec),
      };
    } finally {
      await other.destroy();
    }
  });
}

async function queue(dataSource: DataSource, deliveries: number, destinations: number): Promise<void> {
  await dataSource.query(`TRUNCATE delivery`);
  await dataSource.query(
    `INSERT INTO delivery (platform, destination, kind, payload, not_before, created_at)
     SELECT 'discord', 'ticket:' || (g % $2::int), 'ticket.notice', jsonb_build_object('text', 'Your ticket was answered', 'seq', g), now(), now()
     FROM generate_series(0, $1::int - 1) AS g ORDER BY g`,
    [deliveries, destinations],
  );
  await dataSource.query(`ANALYZE delivery`);
}

/** Every instance runs back to back until the queue is empty; the time is until the last one sees that. */
async function drainAll(
  dataSource: DataSource,
  pools: DataSource[],
  tuning: { batchSize: number; concurrency: number },
  expected: number,
): Promise<{ perSec: number; seconds: number; claims: number }> {
  const platform = new MemorySender('discord');
  const instances = pools.map(
    (pool, i) =>
      new Dispatcher({
        dataSource: pool,
        clock: systemClock,
        senders: [platform],
        instanceId: `bench-${i}`,
        ...tuning,
      }),
  );
  let claims = 0;
  const elapsed = startTimer();
  await Promise.all(
    instances.map(async (instance) => {
      for (;;) {
        const result = await instance.runOnce();
        claims++;
        if (result.claimed > 0) continue;
        // Nothing claimable here: either done, or the other instance holds every head right now.
        const [{ left }] = await dataSource.query(
          `SELECT count(*)::int AS left FROM delivery WHERE status IN ('pending', 'sending')`,
        );
        if (left === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }),
  );
  const seconds = elapsed() / 1000;

  const [{ sent }] = await dataSource.query(`SELECT count(*)::int AS sent FROM delivery WHERE status = 'sent'`);
  const distinct = new Set(platform.sentIds()).size;
  const resent = instances.reduce((n, i) => n + i.totals.resent, 0);
  if (
    sent !== expected ||
    distinct !== expected ||
    platform.sent.length !== expected ||
    platform.overlaps.length > 0 ||
    resent > 0
  ) {
    throw new Error(
      `dispatcher bench went wrong: ${sent} marked sent, ${platform.sent.length} sends of ${distinct} distinct deliveries ` +
        `(expected ${expected}), ${platform.overlaps.length} overlapping sends, ${resent} resends`,
    );
  }
  return { perSec: expected / seconds, seconds, claims };
}
