import type { Platform } from '../core/model';
import type { DeliveryKind } from '../core/rules/notifications';

/** One claimed delivery, as a sender sees it. */
export interface OutgoingDelivery {
  id: number;
  ticketId: number | null;
  eventId: number | null;
  platform: Platform;
  /** `ticket:<id>` or `person:<id>` (see core/rules/notifications.ts). */
  destination: string;
  kind: DeliveryKind;
  payload: Record<string, unknown>;
  /** Counting this one: how many times it has been handed to a sender (rate-limited tries excepted). */
  attempts: number;
  /**
   * True when an earlier claim's lease ran out before it was settled: that earlier send may have
   * reached the platform. A sender that can deduplicate (Discord's `nonce` + `enforce_nonce`, keyed
   * on `id`) should do so.
   */
  resend: boolean;
  /**
   * When this delivery was first claimed: nothing of it can have reached the platform before. A
   * sender looking for an earlier copy of its message (see `mayHaveBeenSent`) looks back to here.
   */
  firstClaimedAt: Date;
  /**
   * True when an earlier attempt may have reached the platform: its claim ran out unsettled (a
   * crash, a database that stayed away), or it failed in a way that does not prove the platform
   * refused (a 5xx, a timeout, a lost answer). Such a delivery looks for its own message before
   * posting it again.
   */
  mayHaveBeenSent: boolean;
  createdAt: Date;
}

export interface SendOptions {
  /**
   * Aborted shortly before the claim's lease runs out. Past that point another instance may claim
   * the delivery again, so a send still running would risk a duplicate: give up instead.
   */
  signal: AbortSignal;
  /**
   * Runs a database write that records what the platform now has (a message's id, a thread's id).
   * A post that succeeded must be recorded even when the database is briefly away, or the delivery
   * would be sent again: the write is retried with back-off while the claim is renewed, for as long
   * as the claim stays ours. Throws only when the claim is lost or the database stays away too long.
   */
  record<T>(write: () => Promise<T>): Promise<T>;
}

/**
 * What each chat adapter implements. The dispatcher owns every retry, so a sender makes one attempt
 * (library retries off) and says how it failed by throwing one of the errors below; anything else
 * thrown counts as temporary.
 */
export interface Sender {
  readonly platform: Platform;
  send(delivery: OutgoingDelivery, options: SendOptions): Promise<void>;
}

/** The platform answered 429: try this delivery again after `retryAfterMs`; not counted as a failed attempt. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(
    readonly retryAfterMs: number,
    message = `rate limited: retry after ${retryAfterMs} ms`,
  ) {
    super(message);
  }
}

/** 5xx, a timeout, a network error: worth retrying with backoff. */
export class TemporaryDeliveryError extends Error {
  override readonly name = 'TemporaryDeliveryError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The platform will never take this delivery (DMs closed, channel gone, bot removed). `reason` is a
 * short stable code (e.g. `dms_closed`, `channel_gone`): it labels the failure metric and is what
 * admins see in `last_error`, so keep free text out of it and put detail in the message.
 */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
  constructor(
    readonly reason: string,
    message: string = reason,
  ) {
    super(message);
  }
}
