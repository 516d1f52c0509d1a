import type { Platform } from '../../src/core/model';
import {
  PermanentDeliveryError,
  RateLimitedError,
  TemporaryDeliveryError,
  type OutgoingDelivery,
  type Sender,
  type SendOptions,
} from '../../src/delivery/sender';

/** How a programmed send fails, as a platform would answer. */
export type SendFailure =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'temporary'; message?: string }
  | { kind: 'permanent'; reason: string; message?: string };

/** Which sends a failure applies to: a destination, '*' for any, or a predicate. */
export type SendMatch = string | ((delivery: OutgoingDelivery) => boolean);

export interface SendAttempt {
  delivery: OutgoingDelivery;
  outcome: 'sent' | SendFailure['kind'];
}

interface FailureRule {
  matches: (delivery: OutgoingDelivery) => boolean;
  failure: SendFailure;
  /** Sends left to fail; Infinity for "always". */
  remaining: number;
}

/**
 * A chat platform in memory: records what it received, in order, and fails on demand. Share one
 * between dispatchers to check that together they send each delivery once; it also notices two
 * sends to one destination in flight at once, which the queue's ordering forbids.
 */
export class MemorySender implements Sender {
  /** Deliveries that went through, in the order they arrived. */
  readonly sent: OutgoingDelivery[] = [];
  /** Every send, failed ones too. */
  readonly attempts: SendAttempt[] = [];
  /** Destinations that had two sends in flight at once (should stay empty). */
  readonly overlaps: string[] = [];

  private readonly rules: FailureRule[] = [];
  private readonly inFlight = new Set<string>();
  private gate: Promise<void> | null = null;
  private startWaiters: Array<{ count: number; resolve: () => void }> = [];
  private started = 0;

  constructor(
    readonly platform: Platform = 'discord',
    private readonly options: { sendDelayMs?: number } = {},
  ) {}

  /** The next `count` sends that match fail this way, e.g. `failNext(3, rateLimited(2000), 'ticket:1')`. */
  failNext(count: number, failure: SendFailure, match: SendMatch = '*'): this {
    this.rules.push({ matches: matcher(match), failure, remaining: count });
    return this;
  }

  /** Every matching send fails this way, e.g. `failAlways(dmsClosed, 'person:4')`. */
  failAlways(failure: SendFailure, match: SendMatch): this {
    return this.failNext(Infinity, failure, match);
  }

  /** Sends wait until the returned function is called; they have started (see `sendsStarted`). */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.gate = null;
      release();
    };
  }

  /** Resolves once `count` sends in all have started. */
  sendsStarted(count: number): Promise<void> {
    if (this.started >= count) return Promise.resolve();
    return new Promise((resolve) => this.startWaiters.push({ count, resolve }));
  }

  sentTo(destination: string): OutgoingDelivery[] {
    return this.sent.filter((d) => d.destination === destination);
  }

  sentIds(): number[] {
    return this.sent.map((d) => d.id);
  }

  async send(delivery: OutgoingDelivery, options?: SendOptions): Promise<void> {
    const key = `${delivery.platform}|${delivery.destination}`;
    if (this.inFlight.has(key)) this.overlaps.push(delivery.destination);
    this.inFlight.add(key);
    this.started++;
    this.startWaiters = this.startWaiters.filter((w) => (this.started >= w.count ? (w.resolve(), false) : true));
    try {
      if (this.gate) await this.gate;
      if (this.options.sendDelayMs) await pause(this.options.sendDelayMs, options?.signal);
      const rule = this.rules.find((r) => r.remaining > 0 && r.matches(delivery));
      if (rule) {
        rule.remaining--;
        this.attempts.push({ delivery, outcome: rule.failure.kind });
        throw toError(rule.failure);
      }
      this.attempts.push({ delivery, outcome: 'sent' });
      this.sent.push(delivery);
    } finally {
      this.inFlight.delete(key);
    }
  }
}

export const rateLimited = (retryAfterMs: number): SendFailure => ({ kind: 'rate_limited', retryAfterMs });
export const serverError: SendFailure = { kind: 'temporary', message: '503 Service Unavailable' };
export const dmsClosed: SendFailure = {
  kind: 'permanent',
  reason: 'dms_closed',
  message: 'Cannot send messages to this user',
};

function matcher(match: SendMatch): (delivery: OutgoingDelivery) => boolean {
  if (typeof match === 'function') return match;
  return match === '*' ? () => true : (d) => d.destination === match;
}

function toError(failure: SendFailure): Error {
  switch (failure.kind) {
    case 'rate_limited':
      return new RateLimitedError(failure.retryAfterMs);
    case 'temporary':
      return new TemporaryDeliveryError(failure.message ?? 'temporary failure');
    case 'permanent':
      return new PermanentDeliveryError(failure.reason, failure.message);
  }
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new TemporaryDeliveryError('send aborted: lease running out'));
    });
  });
}
