import { DAY } from '../core/clock';
import type { ServiceContext } from '../core/services/context';
import { forgetSentPayloads } from '../core/services/delivery-retention';
import type { BatchOptions } from './ticket-batch';
import type { JobProgress } from './job-runner';

export const RETENTION_JOB = 'retention';

/** A draft is kept this long after its last use (its decision, or its writing while undecided). */
export const DRAFT_RETENTION_MS = DAY;

const DEFAULT_BATCH = 500;

/**
 * What the helpdesk keeps only for a while (PRODUCT.md "Privacy"): a draft a day after its last
 * use (a deflection's row stays for the figures, without what was written), and the rendered
 * payload of a delivery sent DELIVERY_RETENTION_DAYS ago (the row stays: what went where, and
 * when). Batch by batch, each its own transaction, so a long backlog never holds a lock for long.
 * Returns the rows purged.
 */
export async function purgeExpired(
  ctx: ServiceContext,
  now: Date,
  options: BatchOptions & { progress?: JobProgress } = {},
): Promise<number> {
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const draftsBefore = new Date(now.getTime() - DRAFT_RETENTION_MS);
  const sentBefore = new Date(now.getTime() - ctx.policy.deliveryRetentionDays * DAY);
  const affected = (sql: string, params: unknown[]) => async () => {
    const result = await ctx.dataSource.query(sql, params);
    // DELETE and UPDATE answer [rows, count] through TypeORM's query().
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  };
  const steps: Array<() => Promise<number>> = [
    affected(
      `DELETE FROM ticket_draft WHERE id IN (
         SELECT id FROM ticket_draft WHERE outcome IS DISTINCT FROM 'deflected' AND coalesce(decided_at, created_at) <= $1
         LIMIT $2)`,
      [draftsBefore, batch],
    ),
    affected(
      `UPDATE ticket_draft SET title = '', description = '', answers = '[]' WHERE id IN (
         SELECT id FROM ticket_draft WHERE outcome = 'deflected' AND decided_at <= $1
           AND (title <> '' OR description <> '' OR answers <> '[]'::jsonb)
         LIMIT $2)`,
      [draftsBefore, batch],
    ),
    () => forgetSentPayloads(ctx.dataSource.manager, sentBefore, batch),
  ];
  let total = 0;
  for (const step of steps) {
    for (;;) {
      if (options.signal?.aborted) return total;
      const count = await step();
      total += count;
      if (options.progress) options.progress.rowsAffected += count;
      if (count < batch) break;
    }
  }
  return total;
}
