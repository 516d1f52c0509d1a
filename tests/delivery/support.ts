import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import type { ManualClock } from '../../src/core/clock';
import { createDataSource } from '../../src/db/data-source';
import type { Dispatcher, DispatchResult } from '../../src/delivery/dispatcher';

export interface DeliveryRow {
  id: number;
  destination: string;
  platform: string;
  kind: string;
  event_id: number | null;
  status: string;
  attempts: number;
  last_error: string | null;
  not_before: Date;
  lease_until: Date | null;
  sent_at: Date | null;
}

export async function deliveryRows(dataSource: DataSource): Promise<DeliveryRow[]> {
  return dataSource.query(
    `SELECT id, destination, platform, kind, event_id, status, attempts, last_error, not_before, lease_until, sent_at FROM delivery ORDER BY id`,
  );
}

/** Queues `perDestination` deliveries to each of `destinations` destinations, interleaved, ids in order. */
export async function queueDeliveries(
  dataSource: DataSource,
  options: { destinations: number; perDestination: number; now: Date; platform?: string; prefix?: string },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO delivery (platform, destination, kind, payload, not_before, created_at)
     SELECT $1, $2::text || (g % $3::int), 'ticket.notice', jsonb_build_object('seq', g), $4::timestamptz, $4::timestamptz
     FROM generate_series(0, $3::int * $5::int - 1) AS g ORDER BY g`,
    [
      options.platform ?? 'discord',
      options.prefix ?? 'ticket:',
      options.destinations,
      options.now,
      options.perDestination,
    ],
  );
}

export const emptyResult = (): DispatchResult => ({
  claimed: 0,
  sent: 0,
  failed: 0,
  retried: 0,
  resent: 0,
  released: 0,
});

export function addResults(into: DispatchResult, more: DispatchResult): DispatchResult {
  for (const key of Object.keys(into) as Array<keyof DispatchResult>) into[key] += more[key];
  return into;
}

/**
 * Runs the dispatchers side by side (their runs really overlap on the database) until nothing is
 * left unsent. When a round claims nothing, the clock jumps to the next moment something is due:
 * backoffs and rate limits pass without real waiting.
 */
export async function drain(
  dispatchers: Dispatcher[],
  dataSource: DataSource,
  clock: ManualClock,
  maxRounds = 10_000,
): Promise<DispatchResult> {
  const total = emptyResult();
  for (let round = 0; round < maxRounds; round++) {
    const results = await Promise.all(dispatchers.map((d) => d.runOnce()));
    for (const r of results) addResults(total, r);
    if (results.some((r) => r.claimed > 0)) continue;
    // Only each destination's head can be due; the rows behind it wait for it.
    const [next]: Array<{ due: Date | null; left: number }> = await dataSource.query(
      `SELECT min(CASE d.status WHEN 'pending' THEN d.not_before ELSE d.lease_until END) AS due, count(*)::int AS left
       FROM delivery d
       WHERE d.status IN ('pending', 'sending')
         AND NOT EXISTS (SELECT 1 FROM delivery e WHERE e.destination = d.destination AND e.platform = d.platform
                         AND e.status IN ('pending', 'sending') AND e.id < d.id)`,
    );
    if (next.left === 0) return total;
    if (!next.due || next.due.getTime() <= clock.now().getTime()) {
      // Due, yet nobody claimed it: for these tests that means a platform without a sender.
      return total;
    }
    clock.set(next.due);
  }
  throw new Error(`the queue did not drain in ${maxRounds} rounds`);
}

/** The connection URL a test database's DataSource uses (a server database, or PGlite's socket). */
export function urlOf(dataSource: DataSource): string {
  return (dataSource.options as PostgresDataSourceOptions).url!;
}

/**
 * A second, independent connection pool on the same database, as another instance would have.
 * Small, because PGlite's socket accepts only the first pool's size + 2 connections.
 */
export async function secondDataSource(dataSource: DataSource, poolSize = 2): Promise<DataSource> {
  const other = createDataSource(urlOf(dataSource), poolSize);
  await other.initialize();
  return other;
}

/** Ids in each destination's order of arrival. */
export function idsByDestination(deliveries: Array<{ id: number; destination: string }>): Map<string, number[]> {
  const by = new Map<string, number[]>();
  for (const d of deliveries) by.set(d.destination, [...(by.get(d.destination) ?? []), d.id]);
  return by;
}

/** Real waiting, only for things that happen in real time (another process, a woken loop). */
export { eventually } from '../helpers/eventually';
