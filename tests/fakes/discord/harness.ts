import { defaultPolicy, loadSettings } from '../../../src/config';
import { ManualClock } from '../../../src/core/clock';
import { createHelpdesk, type Helpdesk } from '../../../src/core/helpdesk';
import type { ActorRef } from '../../../src/core/services/people';
import { Dispatcher } from '../../../src/delivery/dispatcher';
import { createLogger } from '../../../src/log';
import { startDiscordAdapter, type DiscordAdapter } from '../../../src/bots/discord';
import { drain } from '../../delivery/support';
import { freshDatabase, type TestDatabase } from '../../helpers/database';
import { ADMIN } from '../../helpers/people';
import { FakeDiscord, type FakeUser } from './fake-discord';

/**
 * One end-to-end world: the fake Discord, a fresh PGlite helpdesk, the real adapter logged in to
 * the fake, and a dispatcher with the adapter's sender. `deliver()` empties the queue, jumping the
 * manual clock over backoffs and Retry-After waits instead of sleeping.
 */
export class DiscordWorld {
  readonly fake = new FakeDiscord();
  readonly clock = new ManualClock();
  db!: TestDatabase;
  helpdesk!: Helpdesk;
  adapter: DiscordAdapter | null = null;
  dispatcher!: Dispatcher;
  private readonly logger = createLogger('silent');

  async start(): Promise<this> {
    await this.fake.start();
    this.db = await freshDatabase('pglite');
    this.helpdesk = createHelpdesk({ dataSource: this.db.dataSource, clock: this.clock, policy: defaultPolicy });
    await this.connect();
    return this;
  }

  get settings() {
    return loadSettings({
      ...this.fake.settingsEnv,
    });
  }

  /** Starts (or restarts) the bot; resolves once it is ready and has fetched what it missed. */
  async connect(): Promise<void> {
    this.adapter = await startDiscordAdapter({ settings: this.settings, helpdesk: this.helpdesk, logger: this.logger });
    await this.adapter.caughtUp();
    this.dispatcher = new Dispatcher({ dataSource: this.db.dataSource, clock: this.clock, senders: [this.adapter.sender], instanceId: 'e2e', logger: this.logger, random: () => 0.5 });
  }

  async disconnect(): Promise<void> {
    await this.adapter?.stop();
    this.adapter = null;
  }

  async deliver() {
    return drain([this.dispatcher], this.db.dataSource, this.clock);
  }

  async stop(): Promise<void> {
    await this.disconnect();
    await this.fake.stop();
    await this.db?.close();
  }

  /** The staff most tests need: Tina, the tier-1 supporter, and Boss, an admin (besides the configured ADMIN). */
  async addStaff(): Promise<{ tina: FakeUser; boss: FakeUser }> {
    const tina = this.fake.user('tina');
    const boss = this.fake.user('boss');
    await this.helpdesk.staff.bootstrapAdmins([ADMIN, this.ref(boss)]);
    await this.helpdesk.staff.add(ADMIN, { person: this.ref(tina), role: '1' });
    return { tina, boss };
  }

  /** The core's name for a fake user. */
  ref(user: FakeUser): ActorRef {
    return { platform: 'discord', userId: user.id, displayName: user.global_name ?? user.username };
  }

  async ticket(number: number) {
    const [row] = await this.db.dataSource.query(`SELECT * FROM ticket WHERE number = $1`, [number]);
    return row;
  }

  async comments(ticketNumber: number) {
    return this.db.dataSource.query(`SELECT c.* FROM comment c JOIN ticket t ON t.id = c.ticket_id WHERE t.number = $1 ORDER BY c.id`, [ticketNumber]);
  }
}
