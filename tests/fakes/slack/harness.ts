import { loadSettings, type HelpdeskPolicy, type Settings } from '../../../src/config';
import { TEST_POLICY } from '../../helpers/policy';
import { ManualClock } from '../../../src/core/clock';
import { createHelpdesk, type Helpdesk } from '../../../src/core/helpdesk';
import { Dispatcher } from '../../../src/delivery/dispatcher';
import { createMetrics } from '../../../src/http/metrics';
import { createHttpServer, type HttpServer } from '../../../src/http/server';
import { createLogger, type Logger } from '../../../src/log';
import { startSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../../../src/bots/slack';
import { drain } from '../../delivery/support';
import { freshDatabase, type DatabaseKind, type TestDatabase } from '../../helpers/database';
import { SlackRequestSigner } from '../../../src/simulator/slack/signer';
import { FakeSlackWebApi } from '../../../src/simulator/slack/web-api';

export const SIGNING_SECRET = 'test-signing-secret';
export const SUPPORT_CHANNEL = 'CSUPPORT';
export const APP_TOKEN = 'xapp-1-A1-1-test';

export interface SlackHarness {
  db: TestDatabase;
  clock: ManualClock;
  helpdesk: Helpdesk;
  api: FakeSlackWebApi;
  http: HttpServer;
  slack: SlackAdapter;
  signer: SlackRequestSigner;
  dispatcher: Dispatcher;
  /** Sends everything queued through the Slack sender (the manual clock jumps over backoffs). */
  deliver(): ReturnType<typeof drain>;
  /** Starts another instance of the adapter on the same database and fake (as after a restart, or a second instance). */
  startInstance(options?: {
    catchUpPaceMs?: number;
  }): Promise<{ slack: SlackAdapter; signer: SlackRequestSigner; http: HttpServer; stop(): Promise<void> }>;
  close(): Promise<void>;
}

/**
 * The real Bolt app of the Slack adapter, on a fresh PGlite database, the process's HTTP server
 * and a fake Slack Web API; requests reach it signed as Slack signs them, or with `socketMode`,
 * as envelopes over the fake's WebSocket (`api.socketMode`).
 */
/** The Slack users most tests share: an admin (HELPDESK_ADMINS) and a tier-1 supporter. */
export const ADMIN = { id: 'UADMIN', name: 'admin' };
export const TINA = { id: 'UTINA', name: 'Tina' };

/** A harness where ADMIN is an admin and TINA a tier-1 supporter. */
export async function startStaffedSlackHarness(options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const h = await startSlackHarness(options);
  await h.helpdesk.staff.bootstrapAdmins([{ platform: 'slack', userId: ADMIN.id }]);
  await h.helpdesk.staff.add(
    { platform: 'slack', userId: ADMIN.id },
    { person: { platform: 'slack', userId: TINA.id, displayName: 'Tina' }, role: '1' },
  );
  return h;
}

export interface SlackHarnessOptions {
  socketMode?: boolean;
  /** Where the app logs (silent by default); the fuzz suite reads its errors. */
  logger?: Logger;
  answersFirst?: SlackAdapterOptions['answersFirst'];
  /** The store (PGlite unless a test asks for the server). */
  kind?: DatabaseKind;
  /** The helpdesk's policy (TEST_POLICY: no opening limits), for tests of the limits. */
  policy?: HelpdeskPolicy;
}

export async function startSlackHarness(options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const db = await freshDatabase(options.kind ?? 'pglite');
  const clock = new ManualClock();
  const logger = options.logger ?? createLogger('silent');
  const helpdesk = createHelpdesk({ dataSource: db.dataSource, clock, policy: options.policy ?? TEST_POLICY });
  const api = await new FakeSlackWebApi().start();
  const settings: Settings = loadSettings({
    SLACK_BOT_TOKEN: 'xoxb-test',
    // Socket Mode (SLACK_APP_TOKEN) needs no signing secret: envelopes arrive over the WebSocket.
    ...(options.socketMode ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    SLACK_SUPPORT_CHANNEL: SUPPORT_CHANNEL,
    SLACK_API_URL: api.url,
    LOG_LEVEL: 'silent',
  });

  const instance = async (catchUpPaceMs = 0) => {
    const http = createHttpServer({
      logger,
      metrics: createMetrics({ databaseUp: async () => true }),
      health: { ping: async () => true },
    });
    const slack = await startSlackAdapter({
      settings,
      helpdesk,
      http,
      logger,
      catchUpPaceMs,
      answersFirst: options.answersFirst,
    });
    const port = await http.listen(0, '127.0.0.1');
    const signer = new SlackRequestSigner(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
    return {
      http,
      slack,
      signer,
      stop: async () => {
        await slack.stop();
        await http.close();
      },
    };
  };

  const first = await instance();
  const dispatcher = new Dispatcher({
    dataSource: db.dataSource,
    clock,
    senders: [first.slack.sender],
    instanceId: 'slack-test',
    logger,
    random: () => 0.5,
  });
  const others: Array<{ stop(): Promise<void> }> = [];
  return {
    db,
    clock,
    helpdesk,
    api,
    http: first.http,
    slack: first.slack,
    signer: first.signer,
    dispatcher,
    deliver: () => drain([dispatcher], db.dataSource, clock),
    async startInstance(options = {}) {
      const other = await instance(options.catchUpPaceMs);
      others.push(other);
      return other;
    },
    async close() {
      // Socket Mode: Slack's side ends the connections first (see FakeSocketMode.hangUp).
      await api.socketMode.hangUp();
      for (const other of others) await other.stop();
      await first.stop();
      await api.stop();
      await db.close();
    },
  };
}
