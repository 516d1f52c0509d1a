import { authorize } from '../rules/authorization';
import { parseInput, settingSchema, type SettingInput, type SettingKey } from '../schemas';
import { transaction, type ServiceContext } from './context';
import { resolvePerson, type ActorRef } from './people';

/**
 * A stored setting is read at most this often per process: the adapters read one on every use
 * (each ticket's thread), and another instance's change reaches this one within this time.
 */
const CACHE_MS = 5_000;

/**
 * Settings admins change from chat (`/helpdesk setup`). A stored value takes precedence over the
 * environment's default for the same setting, from the moment it is set; until then the default
 * holds.
 */
export class SettingsService {
  private readonly cache = new Map<SettingKey, { value: string | null; until: number }>();

  constructor(private readonly ctx: ServiceContext) {}

  /** The value in effect: the stored one, else `fallback` (the environment's). */
  async get(key: SettingKey, fallback?: string): Promise<string | undefined> {
    const now = this.ctx.clock.now().getTime();
    let cached = this.cache.get(key);
    if (!cached || cached.until <= now) {
      const rows: Array<{ value: string }> = await this.ctx.dataSource.query(
        `SELECT value FROM helpdesk_setting WHERE key = $1`,
        [key],
      );
      cached = { value: rows[0]?.value ?? null, until: now + CACHE_MS };
      this.cache.set(key, cached);
    }
    return cached.value ?? fallback;
  }

  /** Admins only; the value is checked against the setting's shape, and who set it and when is kept. */
  async set(actorRef: ActorRef, raw: SettingInput): Promise<{ key: SettingKey; value: string }> {
    const input = parseInput(settingSchema, raw);
    await transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'settings.manage');
      await tx.manager.query(
        `INSERT INTO helpdesk_setting (key, value, updated_by_id, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by_id = EXCLUDED.updated_by_id, updated_at = EXCLUDED.updated_at`,
        [input.key, input.value, actor.id, tx.now],
      );
    });
    this.cache.delete(input.key);
    return input;
  }
}
