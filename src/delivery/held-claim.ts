import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';
import type { Logger } from '../log';
import type { OutgoingDelivery } from './sender';
import { TemporaryDeliveryError } from './sender';

/** What settling a claim came to: written, taken over by a newer claim, or the database stayed away. */
export type Settled = 'settled' | 'lease_lost' | 'error';

export interface HeldClaimOptions {
  dataSource: DataSource;
  clock: Clock;
  leaseMs: number;
  /** How long a write that records a send keeps trying while the database is away. */
  patienceMs: number;
  instanceId: string;
  logger?: Pick<Logger, 'warn' | 'error'>;
  /** Waits between tries; tests make it instant. */
  sleep?: (ms: number) => Promise<void>;
}

/** The claim was taken over by another instance while this one tried to record its send. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

const RENEW = `UPDATE delivery SET lease_until = $3 WHERE id = $1 AND status = 'sending' AND lease_until = $2`;

/**
 * One delivery's claim while it is being sent: the lease every write is guarded by, renewed while
 * a write that records the send waits out a database that went away, and the abort signal that
 * stops a send before the lease could run out under it.
 */
export class HeldClaim {
  readonly abort = new AbortController();
  private deadline: NodeJS.Timeout | undefined;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    readonly delivery: OutgoingDelivery,
    /** The lease we wrote: every later write to the row is guarded by it, so a newer claim wins. */
    public leaseUntil: Date,
    private readonly options: HeldClaimOptions,
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  leaseLeftMs(): number {
    return this.leaseUntil.getTime() - this.options.clock.now().getTime();
  }

  /** Aborts the send shortly before the lease runs out (re-armed whenever the lease is renewed). */
  armDeadline(): void {
    clearTimeout(this.deadline);
    const margin = Math.min(this.options.leaseMs / 5, 5000);
    this.deadline = setTimeout(
      () => this.abort.abort(new Error('the delivery lease is about to run out')),
      Math.max(0, this.leaseLeftMs() - margin),
    );
  }

  disarm(): void {
    clearTimeout(this.deadline);
  }

  /**
   * Runs `write` until it succeeds. A database that is away (connection refused or cut) is waited
   * out with back-off, renewing the claim, for up to `patienceMs`; any other error is thrown as is.
   */
  async record<T>(write: () => Promise<T>): Promise<T> {
    // Real time, not the dispatcher's clock: the waits between tries are real.
    const giveUpAt = Date.now() + this.options.patienceMs;
    for (let tries = 1; ; tries++) {
      try {
        return await write();
      } catch (error) {
        if (!isDatabaseAway(error)) throw error;
        if (tries === 1)
          this.options.logger?.warn(
            { err: error, instance: this.options.instanceId, deliveryId: this.delivery.id },
            'could not record a delivery that reached the platform; trying again while the claim holds',
          );
        if (Date.now() >= giveUpAt)
          throw new TemporaryDeliveryError(`the database stayed away: ${(error as Error).message}`, { cause: error });
        if ((await this.renew()) === 'lease_lost')
          throw new LeaseLostError('the claim was taken over while the send waited to be recorded');
        await this.sleep(backoffMs(tries));
      }
    }
  }

  /** A settling statement guarded by our lease, tried again while the database is away. */
  async settle(sql: string, params: unknown[]): Promise<Settled> {
    try {
      return await this.record(async () => {
        const [, affected] = (await this.options.dataSource.query(sql, [
          this.delivery.id,
          this.leaseUntil,
          ...params,
        ])) as [unknown, number];
        return affected > 0 ? 'settled' : 'lease_lost';
      });
    } catch (error) {
      if (error instanceof LeaseLostError) return 'lease_lost';
      // The lease will run out and the delivery be claimed again: a possible resend, never a loss.
      this.options.logger?.error(
        { err: error, instance: this.options.instanceId, deliveryId: this.delivery.id },
        'could not settle a delivery',
      );
      return 'error';
    }
  }

  /** Extends the lease once a third of it is used; a failure to reach the database is not a loss of the claim. */
  private async renew(): Promise<'renewed' | 'lease_lost' | 'error' | 'not_yet'> {
    if (this.leaseLeftMs() > (this.options.leaseMs * 2) / 3) return 'not_yet';
    const next = new Date(this.options.clock.now().getTime() + this.options.leaseMs);
    try {
      const [, affected] = (await this.options.dataSource.query(RENEW, [this.delivery.id, this.leaseUntil, next])) as [
        unknown,
        number,
      ];
      if (affected === 0) return 'lease_lost';
      this.leaseUntil = next;
      this.armDeadline();
      return 'renewed';
    } catch {
      return 'error';
    }
  }
}

/** 100 ms doubling to 2 s: a cut of a few seconds is noticed soon after it ends. */
function backoffMs(tries: number): number {
  return Math.min(2000, 100 * 2 ** Math.min(tries - 1, 5));
}

/** SQLSTATE classes that mean the server could not be reached or let go of us, not that the write was wrong. */
const TRANSIENT_SQLSTATE = /^(08|57P0[123]|53300)/;
const NETWORK_TROUBLE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|Connection terminated|connection timeout|Client has encountered a connection error|not queryable|timeout exceeded when trying to connect/i;

/** True when an error says the database was out of reach, so the same write may well succeed soon. */
export function isDatabaseAway(error: unknown): boolean {
  const driver = (error as { driverError?: unknown })?.driverError ?? error;
  const code = (driver as { code?: unknown })?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return TRANSIENT_SQLSTATE.test(code);
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true;
  const message = driver instanceof Error ? driver.message : String(driver);
  return NETWORK_TROUBLE.test(message);
}
