import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';
import type { Platform } from '../core/model';
import type { DeliveryKind } from '../core/rules/notifications';
import type { Logger } from '../log';
import { noDeliveryCounters, registerDeliveryMetrics, type DeliveryCounters } from './metrics';
import { HeldClaim, type Settled } from './held-claim';
import { PermanentDeliveryError, RateLimitedError, type OutgoingDelivery, type Sender } from './sender';

export interface DispatcherOptions {
  dataSource: DataSource;
  clock: Clock;
  /** At most one per platform; deliveries for a platform without one stay queued for an instance that has it. */
  senders: Sender[];
  /** Names this dispatcher in logs. */
  instanceId: string;
  /** How long a claim is ours; a send must finish well within it. */
  leaseMs?: number;
  /** Deliveries sent per run at most (at most one per destination at a time). */
  batchSize?: number;
  /** Sends in flight at once: a delivery is claimed only when a slot is free to send it. */
  concurrency?: number;
  /** How long a send that reached the platform keeps trying to be recorded while the database is away. */
  recordPatienceMs?: number;
  /** Temporary failures (rate limits excepted) after which a delivery is marked failed. */
  maxAttempts?: number;
  /** Temporary failures wait about base·2^(n-1), halved at random (jitter), capped at `maxMs`. */
  backoff?: { baseMs?: number; maxMs?: number };
  /** Source of jitter, in [0, 1). */
  random?: () => number;
  logger?: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  metrics?: Registry;
}

export interface DispatchResult {
  claimed: number;
  sent: number;
  failed: number;
  retried: number;
  /** Claims of deliveries whose earlier lease ran out unsettled: each may have gone out twice. */
  resent: number;
  /** Claims handed back unsent (stopping, or too little lease left to start). */
  released: number;
}

export const DEFAULT_LEASE_MS = 30_000;
/** With 1 s doubling to a 5-minute cap (less jitter), 30 attempts ride out a platform outage of one to two hours. */
export const DEFAULT_MAX_ATTEMPTS = 30;

type Outcome =
  | { kind: 'sent' }
  | { kind: 'retry'; cause: 'rate_limited' | 'temporary'; delayMs: number; error: string }
  | { kind: 'failed'; reason: string; error: string };

/**
 * Sends the delivery queue. Each run claims due deliveries in short statements (status `sending`,
 * a lease, attempts + 1), only as many as there are free slots to send them at once, sends them
 * outside any transaction, and settles each in another short statement guarded by the lease it
 * holds. A send that reached the platform is recorded and settled even if the database is briefly
 * away: those writes are retried with back-off while the claim is renewed. Per destination only
 * the oldest unsent delivery is claimable, so a destination hears things in order while
 * destinations go in parallel, across instances too (row locks with SKIP LOCKED, and a re-check of
 * the row's state).
 *
 * A lease that runs out unsettled (a crash, a send that hung) makes the delivery claimable again;
 * such claims are counted as `resent`, and the senders look for the earlier copy before posting.
 */
export class Dispatcher {
  private readonly sendersByPlatform = new Map<Platform, Sender>();
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly random: () => number;
  private readonly recordPatienceMs: number;
  private readonly counters: DeliveryCounters;
  private readonly sinceStart: DispatchResult = { claimed: 0, sent: 0, failed: 0, retried: 0, resent: 0, released: 0 };

  /** Runs queue here, so two never overlap in this process. */
  private runChain: Promise<unknown> = Promise.resolve();
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wakeRequested = false;
  private endIdle: (() => void) | undefined;

  constructor(private readonly options: DispatcherOptions) {
    for (const sender of options.senders) this.addSender(sender);
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.batchSize = Math.max(1, options.batchSize ?? this.concurrency * 4);
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.backoffBaseMs = options.backoff?.baseMs ?? 1000;
    this.backoffMaxMs = options.backoff?.maxMs ?? 5 * 60_000;
    this.random = options.random ?? Math.random;
    this.recordPatienceMs = options.recordPatienceMs ?? 2 * 60_000;
    this.counters = options.metrics
      ? registerDeliveryMetrics(options.metrics, { dataSource: options.dataSource, clock: options.clock })
      : noDeliveryCounters;
  }

  /** One run: claim what is due, send it, settle it. Waits for a run already under way first. */
  runOnce(): Promise<DispatchResult> {
    const run = this.runChain.then(() => this.dispatchBatch());
    this.runChain = run.catch(() => undefined);
    return run;
  }

  /** What all runs of this dispatcher did so far (`resent` is how many deliveries may have gone out twice). */
  get totals(): DispatchResult {
    return { ...this.sinceStart };
  }

  /** A platform's sender, once its adapter is up (the Discord adapter needs the dispatcher first). */
  addSender(sender: Sender): void {
    if (this.sendersByPlatform.has(sender.platform)) throw new Error(`Two senders for ${sender.platform}`);
    this.sendersByPlatform.set(sender.platform, sender);
  }

  /** The platforms this dispatcher sends for. */
  platforms(): Platform[] {
    return [...this.sendersByPlatform.keys()];
  }

  /** Runs every `intervalMs`, at once after `wake()`, and straight again while there is work. */
  start(intervalMs = 2000): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.runLoop(intervalMs);
  }

  /** Run as soon as the current run (if any) ends: this process just wrote deliveries. */
  wake(): void {
    this.wakeRequested = true;
    this.endIdle?.();
  }

  /** Stops claiming, hands back claims not yet started, and waits for sends in flight to settle. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.endIdle?.();
    await this.loop;
    await this.runChain;
    this.loop = undefined;
    // A stopped dispatcher can be started (or run by hand) again.
    this.stopping = false;
  }

  private async runLoop(intervalMs: number): Promise<void> {
    while (!this.stopping) {
      this.wakeRequested = false;
      let claimed = 0;
      try {
        claimed = (await this.runOnce()).claimed;
      } catch (error) {
        this.options.logger?.error(
          { err: error, instance: this.options.instanceId },
          'delivery run failed; trying again at the next interval',
        );
      }
      if (this.stopping) break;
      // Sending a destination's head makes its next delivery claimable, so a run that found work goes again at once.
      if (claimed > 0 || this.wakeRequested) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, intervalMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.endIdle = done;
      });
      this.endIdle = undefined;
    }
  }

  /**
   * Claims only as many deliveries as there are free slots, and claims again as slots free up, up
   * to `batchSize` a run: a crash leaves only the sends in flight unsettled, never a batch waiting
   * its turn, and a claim is never held while it waits.
   */
  private async dispatchBatch(): Promise<DispatchResult> {
    const result: DispatchResult = { claimed: 0, sent: 0, failed: 0, retried: 0, resent: 0, released: 0 };
    if (this.stopping || this.sendersByPlatform.size === 0) return result;
    const inFlight = new Set<Promise<void>>();
    let claimError: unknown;
    let exhausted = false;
    try {
      while (!this.stopping && !exhausted && claimError === undefined) {
        const wanted = Math.min(this.concurrency - inFlight.size, this.batchSize - result.claimed);
        if (wanted > 0) {
          let claims: HeldClaim[] = [];
          try {
            claims = await this.claim(wanted);
          } catch (error) {
            claimError = error;
            break;
          }
          result.claimed += claims.length;
          for (const claim of claims) {
            this.noteResend(claim, result);
            const sending: Promise<void> = this.deliver(claim, result).finally(() => inFlight.delete(sending));
            inFlight.add(sending);
          }
          if (claims.length === 0 && inFlight.size === 0) break;
          if (result.claimed >= this.batchSize) exhausted = true;
          // Nothing more claimable now; a send settling may make its destination's next one claimable.
          if (claims.length < wanted && inFlight.size === 0) break;
        }
        if (inFlight.size > 0) await Promise.race(inFlight);
        else break;
      }
    } finally {
      await Promise.all(inFlight);
      for (const key of Object.keys(result) as Array<keyof DispatchResult>) this.sinceStart[key] += result[key];
    }
    if (claimError !== undefined && result.claimed === 0) throw claimError;
    if (claimError !== undefined)
      this.options.logger?.warn(
        { err: claimError, instance: this.options.instanceId },
        'could not claim more deliveries this run',
      );
    return result;
  }

  private noteResend(claim: HeldClaim, result: DispatchResult): void {
    if (!claim.delivery.resend) return;
    result.resent++;
    this.counters.resent();
    this.options.logger?.warn(
      { instance: this.options.instanceId, deliveryId: claim.delivery.id, destination: claim.delivery.destination },
      'delivery claimed again after its lease ran out unsettled: the sender looks for its earlier copy first',
    );
  }

  /**
   * One statement, so the claim's transaction is as short as it gets. The NOT EXISTS keeps all but
   * each destination's oldest unsent delivery out; SKIP LOCKED leaves rows another instance is
   * claiming right now to it, and a row it claimed and committed meanwhile fails the re-checked
   * status/lease condition. (A head only ever leaves the unsent set, never returns to it, so
   * re-checking the row itself is enough.) The oldest-first walk uses delivery_unsent_id_idx, a
   * partial index holding only unsent rows, so its cost follows the queue's depth, not its history.
   */
  private async claim(limit: number): Promise<HeldClaim[]> {
    const now = this.options.clock.now();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    // An UPDATE comes back from TypeORM as [rows, rowCount].
    const [rows] = (await this.options.dataSource.query(
      `WITH claimable AS (
         SELECT d.id, d.status AS previous_status
         FROM delivery d
         WHERE d.status IN ('pending', 'sending')
           AND d.platform = ANY($1::text[])
           AND CASE d.status WHEN 'pending' THEN d.not_before <= $2 ELSE d.lease_until <= $2 END
           AND NOT EXISTS (
             SELECT 1 FROM delivery earlier
             WHERE earlier.destination = d.destination AND earlier.platform = d.platform
               AND earlier.status IN ('pending', 'sending') AND earlier.id < d.id)
         ORDER BY d.id
         LIMIT $3
         FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE delivery t SET status = 'sending', lease_until = $4, attempts = t.attempts + 1,
                             first_claimed_at = COALESCE(t.first_claimed_at, $2),
                             may_have_been_sent = t.may_have_been_sent OR c.previous_status = 'sending'
       FROM claimable c
       WHERE t.id = c.id
       RETURNING t.id, t.ticket_id, t.event_id, t.platform, t.destination, t.kind, t.payload, t.attempts, t.created_at,
                 t.first_claimed_at, t.may_have_been_sent, c.previous_status = 'sending' AS resend`,
      [[...this.sendersByPlatform.keys()], now, limit, leaseUntil],
    )) as [ClaimedRow[], number];
    return rows
      .sort((a, b) => a.id - b.id)
      .map(
        (row) =>
          new HeldClaim(
            {
              id: row.id,
              ticketId: row.ticket_id,
              eventId: row.event_id,
              platform: row.platform,
              destination: row.destination,
              kind: row.kind,
              payload: row.payload ?? {},
              attempts: row.attempts,
              resend: row.resend,
              firstClaimedAt: new Date(row.first_claimed_at ?? now),
              mayHaveBeenSent: row.may_have_been_sent,
              createdAt: new Date(row.created_at),
            },
            leaseUntil,
            {
              dataSource: this.options.dataSource,
              clock: this.options.clock,
              leaseMs: this.leaseMs,
              patienceMs: this.recordPatienceMs,
              instanceId: this.options.instanceId,
              logger: this.options.logger,
            },
          ),
      );
  }

  private async deliver(claim: HeldClaim, result: DispatchResult): Promise<void> {
    const { delivery } = claim;
    // A send started on a stale claim could outlive the lease and go out twice; a fresh claim costs one statement.
    if (this.stopping || claim.leaseLeftMs() < this.leaseMs / 2) {
      if ((await claim.settle(RELEASE, [])) === 'settled') result.released++;
      return;
    }
    const sender = this.sendersByPlatform.get(delivery.platform)!;
    claim.armDeadline();
    let outcome: Outcome;
    try {
      await sender.send(delivery, { signal: claim.abort.signal, record: (write) => claim.record(write) });
      outcome = { kind: 'sent' };
    } catch (error) {
      outcome = this.classify(error, delivery);
    } finally {
      claim.disarm();
    }
    const log = {
      instance: this.options.instanceId,
      deliveryId: delivery.id,
      destination: delivery.destination,
      kind: delivery.kind,
    };
    const now = this.options.clock.now();
    let settled: Settled;
    switch (outcome.kind) {
      case 'sent':
        settled = await claim.settle(MARK_SENT, [now]);
        if (settled === 'settled') {
          result.sent++;
          this.counters.sent();
        }
        break;
      case 'retry':
        settled = await claim.settle(SCHEDULE_RETRY, [
          new Date(now.getTime() + outcome.delayMs),
          outcome.error,
          outcome.cause === 'rate_limited' ? 1 : 0,
          outcome.cause === 'temporary',
        ]);
        if (settled === 'settled') {
          result.retried++;
          this.counters.retried(outcome.cause);
          this.options.logger?.debug(
            { ...log, cause: outcome.cause, delayMs: outcome.delayMs, error: outcome.error },
            'delivery will be retried',
          );
        }
        break;
      case 'failed':
        settled = await claim.settle(MARK_FAILED, [outcome.error]);
        if (settled === 'settled') {
          result.failed++;
          this.counters.failed(outcome.reason);
          this.options.logger?.warn(
            { ...log, reason: outcome.reason, error: outcome.error },
            'delivery failed for good',
          );
        }
        break;
    }
    if (settled === 'lease_lost') {
      this.options.logger?.warn(
        { ...log, outcome: outcome.kind },
        'delivery lease was lost before it was settled: another claim owns it now',
      );
    }
  }

  private classify(error: unknown, delivery: OutgoingDelivery): Outcome {
    if (
      error instanceof RateLimitedError ||
      (isNamed(error, 'RateLimitedError') && typeof (error as RateLimitedError).retryAfterMs === 'number')
    ) {
      const retryAfterMs = Math.max(0, (error as RateLimitedError).retryAfterMs);
      return {
        kind: 'retry',
        cause: 'rate_limited',
        delayMs: retryAfterMs,
        error: lastError('rate_limited', `retry after ${retryAfterMs} ms`),
      };
    }
    if (error instanceof PermanentDeliveryError || isNamed(error, 'PermanentDeliveryError')) {
      const { reason, message } = error as PermanentDeliveryError;
      return { kind: 'failed', reason, error: lastError(reason, message === reason ? '' : message) };
    }
    const message = error instanceof Error ? error.message : String(error);
    if (delivery.attempts >= this.maxAttempts) {
      return {
        kind: 'failed',
        reason: 'gave_up',
        error: lastError('gave_up', `after ${delivery.attempts} attempts: ${message}`),
      };
    }
    return {
      kind: 'retry',
      cause: 'temporary',
      delayMs: this.backoffDelay(delivery.attempts),
      error: lastError('temporary', message),
    };
  }

  /** Equal jitter: at least half the exponential step, so retries spread out but never bunch at zero. */
  private backoffDelay(attempt: number): number {
    const step = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** Math.min(attempt - 1, 30));
    return Math.round(step / 2 + (this.random() * step) / 2);
  }
}

interface ClaimedRow {
  id: number;
  ticket_id: number | null;
  event_id: number | null;
  platform: Platform;
  destination: string;
  kind: DeliveryKind;
  payload: Record<string, unknown> | null;
  attempts: number;
  created_at: Date;
  first_claimed_at: Date | null;
  may_have_been_sent: boolean;
  resend: boolean;
}

const OUR_LEASE = `WHERE id = $1 AND status = 'sending' AND lease_until = $2`;
const MARK_SENT = `UPDATE delivery SET status = 'sent', sent_at = $3, lease_until = NULL, last_error = NULL ${OUR_LEASE}`;
/**
 * $5 = 1 gives back the attempt a rate limit took: waiting out a 429 never counts toward giving up.
 * $6: a temporary failure (a 5xx, a timeout) does not prove the platform refused the post.
 */
const SCHEDULE_RETRY = `UPDATE delivery SET status = 'pending', not_before = $3, last_error = $4, lease_until = NULL,
  attempts = attempts - $5, may_have_been_sent = may_have_been_sent OR $6 ${OUR_LEASE}`;
const MARK_FAILED = `UPDATE delivery SET status = 'failed', last_error = $3, lease_until = NULL ${OUR_LEASE}`;
const RELEASE = `UPDATE delivery SET status = 'pending', lease_until = NULL, attempts = attempts - 1 ${OUR_LEASE}`;

/** `last_error` is "<reason>" or "<reason>: <detail>": the metrics group failures by the reason part. */
function lastError(reason: string, detail: string): string {
  const text = detail ? `${reason}: ${detail}` : reason;
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
