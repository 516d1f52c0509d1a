import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type App } from '../../src/app';
import { loadSettings } from '../../src/config';
import { createLogger } from '../../src/log';
import { FakeSlackWebApi } from '../../src/simulator/slack/web-api';
import { startStaffedSlackHarness, type SlackHarness } from '../fakes/slack/harness';
import { eventually } from '../helpers/eventually';
import { slack } from '../helpers/people';

const CARL = { id: 'UCARL', name: 'Carl' };

describe('Slack catch-up in the background', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startStaffedSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('a live reply in a ticket still being caught up is stored after the missed ones, in Slack order, and its ticket goes first', async () => {
    const tickets = [];
    for (let i = 0; i < 5; i++)
      tickets.push(
        await h.helpdesk.tickets.open(slack(CARL.id), { title: `Slow disk ${i}`, description: 'x', type: 'incident' }),
      );
    await h.deliver();
    const last = tickets.at(-1)!;
    const [{ location }] = await h.db.dataSource.query(`SELECT location FROM ticket WHERE id = $1`, [last.id]);
    // Written while the app was down.
    const missed = ['first while down', 'second while down'].map((text) =>
      h.api.addHumanMessage({
        channel: location.slackDmChannel,
        thread_ts: location.slackDmThreadTs,
        user: CARL.id,
        text,
      }),
    );
    h.api.setConditions({ latencyMs: [100, 200] });
    const restarted = await h.startInstance({ catchUpPaceMs: 250 });
    const liveTs = h.api.nextTs();
    await restarted.signer.event({
      type: 'message',
      channel: location.slackDmChannel,
      channel_type: 'im',
      user: CARL.id,
      text: 'live, after the restart',
      ts: liveTs,
      thread_ts: location.slackDmThreadTs,
      event_ts: liveTs,
    });
    await restarted.slack.caughtUp();
    await restarted.slack.settled();
    h.api.setConditions({});
    const rows = await h.db.dataSource.query(
      `SELECT body, platform_message_id FROM comment WHERE ticket_id = $1 ORDER BY id`,
      [last.id],
    );
    expect(rows.map((r: { body: string }) => r.body)).toEqual([
      'first while down',
      'second while down',
      'live, after the restart',
    ]);
    expect(missed).toHaveLength(2);
    // The ticket the live reply waited on was fetched before the others still queued.
    const fetched = h.api.callsOf('conversations.replies').map((c) => c.args.ts);
    const lastIndex = fetched.indexOf(location.slackDmThreadTs);
    expect(lastIndex).toBeLessThan(fetched.length - 2);
  });
});

describe('a restart with a slow catch-up', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-catch-up-'));
  const api = new FakeSlackWebApi();
  const settings = () =>
    loadSettings({
      DATA_DIR: dataDir,
      PORT: '0',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_SUPPORT_CHANNEL: 'CSUPPORT',
      SLACK_API_URL: api.url,
    });
  let app: App | undefined;
  beforeAll(async () => {
    await api.start();
  });
  afterAll(async () => {
    await app?.stop();
    await api.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('/healthz answers before the catch-up of every open ticket has ended', async () => {
    app = await startApp(settings(), { host: '127.0.0.1', logger: createLogger('silent') });
    for (let i = 0; i < 6; i++)
      await app.helpdesk.tickets.open(slack(`UCUST${i}`), { title: `Mail ${i}`, description: 'x', type: 'request' });
    await eventually(
      async () =>
        (await app!.database.dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE status <> 'sent'`))[0]
          .n === 0,
      20_000,
      'the tickets posted',
    );
    await app.stop();

    api.setConditions({ latencyMs: [100, 200] });
    const repliesBefore = api.callsOf('conversations.replies').length;
    app = await startApp(settings(), { host: '127.0.0.1', logger: createLogger('silent'), slackCatchUpPaceMs: 200 });
    const health = await fetch(`http://127.0.0.1:${app.port}/healthz`);
    expect(health.status).toBe(200);
    // Six tickets have twelve threads to fetch, at 200 ms or more each: most are still to come.
    expect(api.callsOf('conversations.replies').length - repliesBefore).toBeLessThan(12);
    await eventually(
      () => api.callsOf('conversations.replies').length - repliesBefore === 12,
      20_000,
      'the catch-up going on in the background',
    );
    api.setConditions({});
  });
});
