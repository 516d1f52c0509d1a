import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';

/**
 * A lease in PostgreSQL that one instance holds at a time. Taking it is one statement: insert, or
 * take over a row whose hold ran out (or that we hold already). The holder renews it well before
 * it runs out; an instance that stops releases it, and one that dies loses it when it runs out.
 * Time comes from the database's clock for the expiry check, so instances' clocks need not agree.
 */
export class Lease {
  constructor(
    private readonly dataSource: DataSource,
    readonly name: string,
    readonly holder: string,
    private readonly ttlMs: number,
  ) {}

  /** Takes or renews the lease; true while this instance holds it. */
  async acquire(): Promise<boolean> {
    const rows: Array<{ holder: string }> = await this.dataSource.query(
      `INSERT INTO lease (name, holder, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE lease.holder = EXCLUDED.holder OR lease.expires_at < now()
       RETURNING holder`,
      [this.name, this.holder, this.ttlMs],
    );
    return rows.length === 1;
  }

  async release(): Promise<void> {
    await this.dataSource.query(`DELETE FROM lease WHERE name = $1 AND holder = $2`, [this.name, this.holder]);
  }

  async currentHolder(): Promise<string | null> {
    const rows: Array<{ holder: string }> = await this.dataSource.query(
      `SELECT holder FROM lease WHERE name = $1 AND expires_at >= now()`,
      [this.name],
    );
    return rows[0]?.holder ?? null;
  }
}

export interface HeldLease {
  stop(): Promise<void>;
}

/**
 * Keeps trying to hold the lease every `intervalMs`; runs `onAcquired` when this instance gets it
 * and `onLost` when a renewal fails (the database unreachable long enough for another instance to
 * take over). Stopping gives the lease up at once, so another instance takes over within one interval.
 */
export function holdLease(
  lease: Lease,
  options: {
    intervalMs: number;
    onAcquired: () => Promise<void>;
    onLost: () => Promise<void>;
    onError: (error: unknown) => void;
    /** Called when another instance holds the lease. */
    onStandby?: () => void;
    /** While false, this instance does not try to take the lease (waiting out a back-off after a failed connect). */
    mayHold?: () => boolean;
    clock?: Clock;
  },
): HeldLease {
  let held = false;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    let holds = false;
    if (!held && options.mayHold && !options.mayHold()) return;
    try {
      holds = await lease.acquire();
    } catch (error) {
      options.onError(error);
    }
    if (stopped) return;
    if (!holds && !held) options.onStandby?.();
    if (holds && !held) {
      held = true;
      await options.onAcquired().catch((error) => {
        options.onError(error);
        held = false;
        return lease.release().catch(options.onError);
      });
    } else if (!holds && held) {
      held = false;
      await options.onLost().catch(options.onError);
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, options.intervalMs);
  running = tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      if (held) {
        held = false;
        await options.onLost().catch(options.onError);
        await lease.release().catch(options.onError);
      }
    },
  };
}
