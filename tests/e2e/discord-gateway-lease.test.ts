import { startApp, type App } from '../../src/app';
import { loadSettings } from '../../src/config';
import { createLogger } from '../../src/log';
import { FakeDiscord } from '../../src/simulator/discord/fake-discord';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';

/**
 * Several instances on one PostgreSQL: one at a time holds Discord's gateway connection; when it
 * stops, another takes over within seconds. Needs a server (TEST_DATABASE_URL): an embedded store
 * serves one process.
 */
const onServer = Boolean(process.env.TEST_DATABASE_URL);
(onServer ? describe : describe.skip)('the Discord gateway lease across instances', () => {
  const discord = new FakeDiscord();
  let db: TestDatabase;
  const apps: App[] = [];

  beforeAll(async () => {
    await discord.start();
    db = await freshDatabase('postgres', 4);
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    await db?.close();
    await discord.stop();
  });

  const start = async () => {
    const settings = loadSettings({
      DATABASE_URL: String((db.dataSource.options as { url: string }).url),
      DB_POOL_SIZE: '4',
      PORT: '0',
      ...discord.settingsEnv,
    });
    const app = await startApp(settings, { host: '127.0.0.1', logger: createLogger('silent'), gatewayLeaseMs: 1500 });
    apps.push(app);
    return app;
  };

  test('only one of two instances connects; when it stops, the other takes over within seconds', async () => {
    const first = await start();
    await eventually(() => first.discord() !== undefined, 8_000, 'the first instance connected');
    const second = await start();
    await new Promise((r) => setTimeout(r, 1200)); // more than two renewal rounds
    expect(second.discord()).toBeUndefined();
    expect(second.dispatcher.platforms()).toEqual(['discord']); // it still sends over REST
    // /healthz tells which instance holds the gateway and which waits for it.
    expect([first.adapters().discord, second.adapters().discord]).toEqual(['connected', 'standby']);

    const stoppedAt = Date.now();
    await first.stop();
    apps.splice(apps.indexOf(first), 1);
    await eventually(() => second.discord() !== undefined, 8_000, 'the second instance took over');
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    await eventually(() => second.adapters().discord === 'connected', 5_000, 'the second instance connected');
  });
});
