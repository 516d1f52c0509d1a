import { MINUTE } from '../clock';
import { transaction, type ServiceContext } from './context';

/**
 * Slack refuses a signature older than 5 minutes; a request is remembered twice that long, so a
 * signed request replayed within its window is known on every instance sharing the database.
 */
export const REPLAY_MEMORY_MINUTES = 10;

/** Requests the helpdesk has already acted on, by a key the transport gives (a form submission's view and signature). */
export class ReplayGuard {
  constructor(private readonly ctx: ServiceContext) {}

  /** True the first time `key` is seen within the memory; false for a replay. Forgets what is older. */
  async firstSight(key: string): Promise<boolean> {
    return transaction(this.ctx, async (tx) => {
      await tx.manager.query(`DELETE FROM slack_submission WHERE received_at < $1`, [
        new Date(tx.now.getTime() - REPLAY_MEMORY_MINUTES * MINUTE),
      ]);
      const inserted: unknown[] = await tx.manager.query(
        `INSERT INTO slack_submission (key, received_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`,
        [key, tx.now],
      );
      return inserted.length > 0;
    });
  }
}
