import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type App } from '../../src/app';
import { loadSettings } from '../../src/config';
import { createLogger } from '../../src/log';
import { FakeDiscord, SUPPORT_CHANNEL_ID } from '../../src/simulator/discord/fake-discord';
import { slashCommand, submitTicketForm } from '../../src/simulator/discord/interactions';
import { SlackRequestSigner } from '../../src/simulator/slack/signer';
import { FakeSlackWebApi } from '../../src/simulator/slack/web-api';
import { eventually } from '../helpers/eventually';

/**
 * The app exactly as `npm start` builds it, with both adapters configured and pointed at the
 * local fakes: its own dispatcher and clock carry tickets out to the platforms.
 */
describe('the app with Discord and Slack configured', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-app-'));
  const discord = new FakeDiscord();
  const slackApi = new FakeSlackWebApi();
  let app: App;

  beforeAll(async () => {
    await discord.start();
    await slackApi.start();
    const settings = loadSettings({
      DATA_DIR: dataDir,
      PORT: '0',
      ...discord.settingsEnv,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'app-secret',
      SLACK_SUPPORT_CHANNEL: 'CSUPPORT',
      SLACK_API_URL: slackApi.url,
    });
    app = await startApp(settings, { host: '127.0.0.1', logger: createLogger('silent') });
  });
  afterAll(async () => {
    await app?.stop();
    await discord.stop();
    await slackApi.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('a Discord /ticket becomes a private thread with its card, sent by the running dispatcher', async () => {
    expect(app.dispatcher.platforms().sort()).toEqual(['discord', 'slack']);
    await eventually(() => app.discord() !== undefined, 10_000, 'the gateway lease taken and the bot connected');
    const carl = discord.user('carl');
    const command = await slashCommand(discord, carl, 'ticket', SUPPORT_CHANNEL_ID);
    const [modal] = discord.answers.get(command)!;
    await submitTicketForm(discord, carl, SUPPORT_CHANNEL_ID, modal.body.data.custom_id, {
      title: 'VPN is down',
      description: 'Since 9:00',
      type: 'incident',
    });
    await eventually(
      () => discord.requestsTo('POST', /\/channels\/\d+\/threads$/).length === 1,
      10_000,
      'the ticket thread',
    );
    await eventually(
      () => [...discord.channels.values()].some((c) => c.name === '#1 VPN is down'),
      10_000,
      'the thread named after the ticket',
    );
  });

  test('Slack requests reach the same HTTP server; a /ticket opens its form, a bad signature is refused', async () => {
    const signer = new SlackRequestSigner(`http://127.0.0.1:${app.port}/slack/events`, 'app-secret');
    const ok = await signer.command('/ticket', { id: 'UCARL', name: 'carl' });
    expect(ok.status).toBe(200);
    await eventually(() => slackApi.callsOf('views.open').length === 1, 10_000, 'the form opened with views.open');
    const forged = new SlackRequestSigner(`http://127.0.0.1:${app.port}/slack/events`, 'wrong-secret');
    expect((await forged.command('/ticket', { id: 'UCARL', name: 'carl' })).status).toBe(401);
    expect(slackApi.callsOf('views.open')).toHaveLength(1);
    const health = await fetch(`http://127.0.0.1:${app.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      database: 'up',
      adapters: { discord: 'connected', slack: 'connected' },
    });
  });

  test('a gateway connection cut later is made again, Slack untouched, and /healthz says connected once it is', async () => {
    await eventually(() => app.adapters().discord === 'connected', 10_000, 'discord connected');
    const reconnects = () => discord.identifies.length + discord.resumes.length;
    const before = reconnects();
    discord.dropGateway();
    await eventually(() => reconnects() > before, 20_000, 'the bot resumed or identified again');
    await eventually(() => app.adapters().discord === 'connected', 10_000, 'discord connected again');
    expect(app.adapters().slack).toBe('connected'); // the other adapter never noticed
  });
});
