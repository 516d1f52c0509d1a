import type { EntityManager } from 'typeorm';

/**
 * Forgets what up to `limit` deliveries sent at `sentBefore` or earlier said (their payload); the
 * rows stay: what went where, and when. Answers how many it emptied. Deliveries are written and
 * changed only by the core; the retention job decides when this is due.
 */
export async function forgetSentPayloads(manager: EntityManager, sentBefore: Date, limit: number): Promise<number> {
  const result = await manager.query(
    `UPDATE delivery SET payload = '{}'::jsonb WHERE id IN (
       SELECT id FROM delivery WHERE status = 'sent' AND sent_at <= $1 AND payload <> '{}'::jsonb LIMIT $2)`,
    [sentBefore, limit],
  );
  // UPDATE answers [rows, count] through TypeORM's query().
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
