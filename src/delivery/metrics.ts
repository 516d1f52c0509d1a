import { Counter, Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';

/**
 * The delivery queue in `/metrics`. Counters count what this process did since it started; the
 * gauges ask the database at scrape time, so every instance reports the same, durable picture.
 */
export interface DeliveryCounters {
  sent(): void;
  failed(reason: string): void;
  retried(cause: 'rate_limited' | 'temporary'): void;
  resent(): void;
}

export const noDeliveryCounters: DeliveryCounters = { sent() {}, failed() {}, retried() {}, resent() {} };

/** A scrape asks several gauges at once; one query answers them all. */
const SNAPSHOT_REUSE_MS = 1000;

interface QueueSnapshot {
  depth: number;
  oldestAgeSeconds: number;
  failedByReason: Array<{ reason: string; count: number }>;
}

/**
 * Registers the queue's metrics on `registry`. Several dispatchers may share one registry (two in
 * one process in tests): whatever is already registered is reused rather than registered twice.
 */
export function registerDeliveryMetrics(
  registry: Registry,
  source: { dataSource: DataSource; clock: Clock },
): DeliveryCounters {
  const existing = <T>(name: string) => registry.getSingleMetric(name) as T | undefined;

  let snapshot: { at: number; value: Promise<QueueSnapshot | null> } | undefined;
  const current = () => {
    const now = Date.now();
    if (!snapshot || now - snapshot.at > SNAPSHOT_REUSE_MS) {
      // A database that does not answer must not break the whole scrape: the gauges keep their last value.
      snapshot = { at: now, value: readQueueSnapshot(source.dataSource, source.clock).catch(() => null) };
    }
    return snapshot.value;
  };

  if (!existing<Gauge>('helpdesk_delivery_queue_depth'))
    new Gauge({
      name: 'helpdesk_delivery_queue_depth',
      help: 'Deliveries not yet sent or failed (pending or sending), all instances',
      registers: [registry],
      async collect() {
        const s = await current();
        if (s) this.set(s.depth);
      },
    });
  if (!existing<Gauge>('helpdesk_delivery_oldest_unsent_age_seconds'))
    new Gauge({
      name: 'helpdesk_delivery_oldest_unsent_age_seconds',
      help: 'Age of the oldest delivery not yet sent or failed, 0 when the queue is empty',
      registers: [registry],
      async collect() {
        const s = await current();
        if (s) this.set(s.oldestAgeSeconds);
      },
    });
  if (!existing<Gauge>('helpdesk_deliveries_failed'))
    new Gauge({
      name: 'helpdesk_deliveries_failed',
      help: 'Deliveries given up on, as stored (all instances, all time), by reason',
      labelNames: ['reason'],
      registers: [registry],
      async collect() {
        const s = await current();
        if (!s) return;
        this.reset();
        for (const { reason, count } of s.failedByReason) this.set({ reason }, count);
      },
    });

  const sent =
    existing<Counter>('helpdesk_deliveries_sent_total') ??
    new Counter({
      name: 'helpdesk_deliveries_sent_total',
      help: 'Deliveries this process sent and marked sent',
      registers: [registry],
    });
  const failed =
    existing<Counter<'reason'>>('helpdesk_deliveries_failed_total') ??
    new Counter({
      name: 'helpdesk_deliveries_failed_total',
      help: 'Deliveries this process marked failed, by reason (a permanent error code, or gave_up after too many temporary errors)',
      labelNames: ['reason'],
      registers: [registry],
    });
  const retried =
    existing<Counter<'cause'>>('helpdesk_deliveries_retried_total') ??
    new Counter({
      name: 'helpdesk_deliveries_retried_total',
      help: 'Sends this process scheduled again, by cause (rate_limited, temporary)',
      labelNames: ['cause'],
      registers: [registry],
    });
  const resent =
    existing<Counter>('helpdesk_deliveries_resent_total') ??
    new Counter({
      name: 'helpdesk_deliveries_resent_total',
      help: 'Deliveries this process claimed again after an earlier lease ran out unsettled: each may have reached the platform twice',
      registers: [registry],
    });

  return {
    sent: () => sent.inc(),
    failed: (reason) => failed.inc({ reason }),
    retried: (cause) => retried.inc({ cause }),
    resent: () => resent.inc(),
  };
}

async function readQueueSnapshot(dataSource: DataSource, clock: Clock): Promise<QueueSnapshot> {
  const [queue]: Array<{ depth: number; oldest: Date | null }> = await dataSource.query(
    `SELECT count(*)::int AS depth, min(created_at) AS oldest FROM delivery WHERE status IN ('pending', 'sending')`,
  );
  // last_error is written as "<reason>" or "<reason>: <detail>" (see dispatcher.ts), so the reason is its first part.
  const failed: Array<{ reason: string; count: number }> = await dataSource.query(
    `SELECT split_part(coalesce(last_error, 'unknown'), ':', 1) AS reason, count(*)::int AS count
     FROM delivery WHERE status = 'failed' GROUP BY 1`,
  );
  const oldestAgeMs = queue.oldest ? clock.now().getTime() - new Date(queue.oldest).getTime() : 0;
  return { depth: queue.depth, oldestAgeSeconds: Math.max(0, oldestAgeMs / 1000), failedByReason: failed };
}
