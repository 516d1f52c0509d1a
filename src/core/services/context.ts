import type { DataSource, EntityManager } from 'typeorm';
import type { HelpdeskPolicy } from '../policy';
import type { Clock } from '../clock';
import type { Platform } from '../model';

/** What every service needs: the store, the time, the policy, and a hook for fresh deliveries. */
export interface ServiceContext {
  dataSource: DataSource;
  clock: Clock;
  policy: HelpdeskPolicy;
  /** Called after a commit that wrote deliveries, so this process's dispatcher can send at once. */
  onDeliveriesWritten?: () => void;
}

/** One unit of work: its EntityManager and what it has written that others must hear about. */
export interface Tx {
  manager: EntityManager;
  now: Date;
  ctx: ServiceContext;
  deliveriesWritten: number;
  /** Platforms of people already looked up in this transaction, to spare repeated queries. */
  knownPlatforms: Map<number, Platform[]>;
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected

/**
 * Runs `work` in one transaction, retried a few times when PostgreSQL aborts it for a deadlock or
 * serialization failure. Everything inside must use `tx.manager`: on PGlite a second connection
 * awaited inside a transaction waits forever.
 */
export async function transaction<T>(ctx: ServiceContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return retried(ctx, (run) => ctx.dataSource.transaction((manager) => run(manager)), work);
}

/**
 * Runs `work` that is one statement, atomic by itself, without a BEGIN and a COMMIT around it (two
 * round trips fewer): a scheduled job's batch, written in one statement. Retried, and its
 * deliveries announced, as a transaction's.
 */
export async function singleStatement<T>(ctx: ServiceContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return retried(ctx, (run) => run(ctx.dataSource.manager), work);
}

async function retried<T>(
  ctx: ServiceContext,
  within: (run: (manager: EntityManager) => Promise<T>) => Promise<T>,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let tx: Tx | undefined;
    try {
      const result = await within((manager) => {
        tx = { manager, now: ctx.clock.now(), ctx, deliveriesWritten: 0, knownPlatforms: new Map() };
        return work(tx);
      });
      if (tx && tx.deliveriesWritten > 0) ctx.onDeliveriesWritten?.();
      return result;
    } catch (error) {
      const code =
        (error as { driverError?: { code?: string }; code?: string }).driverError?.code ??
        (error as { code?: string }).code;
      if (attempt < 4 && code && RETRYABLE.has(code)) continue;
      throw error;
    }
  }
}
