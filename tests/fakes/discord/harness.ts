import { loadSettings } from '../../../src/config';
import { TEST_POLICY } from '../../helpers/policy';
import { ManualClock } from '../../../src/core/clock';
import { createHelpdesk, type Helpdesk } from '../../../src/core/helpdesk';
import type { ActorRef } from '../../../src/core/services/people';
import { Dispatcher } from '../../../src/delivery/dispatcher';
import { createLogger } from '../../../src/log';
import { startDiscordAdapter, type DiscordAdapter } from '../../../src/bots/discord';
import { drain } from '../../delivery/support';
import { freshDatabase, type TestDatabase } from '../../helpers/database';
import { ADMIN } from '../../helpers/people';
import { FakeDiscord, SUPPORT_CHANNEL_ID, type FakeUser } from '../../../src/simulator/discord/fake-discord';
import { slashCommand, submitTicketForm, type Option } from '../../../src/simulator/discord/interactions';

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
    this.helpdesk = createHelpdesk({ dataSource: this.db.dataSource, clock: this.clock, policy: TEST_POLICY });
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
    this.dispatcher = new Dispatcher({
      dataSource: this.db.dataSource,
      clock: this.clock,
      senders: [this.adapter.sender],
      instanceId: 'e2e',
      logger: this.logger,
      random: () => 0.5,
    });
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

  /** Runs `/command sub …` and returns its private answer: the edit after an ephemeral deferral. */
  async command(
    who: FakeUser,
    command: string,
    options: Option[],
    staff = false,
    channelId = SUPPORT_CHANNEL_ID,
  ): Promise<any> {
    const id = await slashCommand(this.fake, who, command, channelId, options, staff);
    const [deferral, answer] = await this.fake.answered(id, 2);
    if (deferral.body?.type !== 5 || deferral.body?.data?.flags !== 64)
      throw new Error(`/${command} was not deferred privately: ${JSON.stringify(deferral.body)}`);
    return answer.body;
  }

  /** `/ticket` and its form by the customer, delivered: the ticket's number and thread. */
  async openTicket(customer: FakeUser, title: string): Promise<{ number: number; threadId: string }> {
    const command = await slashCommand(this.fake, customer, 'ticket', SUPPORT_CHANNEL_ID);
    const [modal] = this.fake.answers.get(command)!;
    const submitted = await submitTicketForm(this.fake, customer, SUPPORT_CHANNEL_ID, modal.body.data.custom_id, {
      title,
      description: 'Details here.',
      type: 'incident',
    });
    const [, reply] = await this.fake.answered(submitted, 2);
    const number = Number(/#(\d+)/.exec(reply.body.content)![1]);
    await this.deliver();
    return { number, threadId: (await this.ticket(number)).location.discordThreadId as string };
  }

  async ticket(number: number) {
    const [row] = await this.db.dataSource.query(`SELECT * FROM ticket WHERE number = $1`, [number]);
    return row;
  }

  async comments(ticketNumber: number) {
    return this.db.dataSource.query(
      `SELECT c.* FROM comment c JOIN ticket t ON t.id = c.ticket_id WHERE t.number = $1 ORDER BY c.id`,
      [ticketNumber],
    );
  }
}

/**
 * For a test file: one world with its staff (see addStaff), started before the file's tests and
 * stopped after them. Read its fields inside tests; they are set once beforeAll has run.
 */
export function staffedWorldForFile(): { world: DiscordWorld; tina: FakeUser; boss: FakeUser } {
  const shared = {} as { world: DiscordWorld; tina: FakeUser; boss: FakeUser };
  beforeAll(async () => {
    shared.world = await new DiscordWorld().start();
    Object.assign(shared, await shared.world.addStaff());
  });
  afterAll(async () => {
    await shared.world?.stop();
  });
  return shared;
}
