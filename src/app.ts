import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { policyFrom, type Settings } from './config';
import { systemClock, type Clock } from './core/clock';
import { createHelpdesk, type Helpdesk } from './core/helpdesk';
import { openDatabase, type Database } from './db/data-source';
import { createMetrics, type Metrics } from './http/metrics';
import { registerSlaMetrics } from './http/sla-metrics';
import { CATALOG_REFRESH_MS } from './core/services/catalog';
import { createHttpServer, pingDatabase, type HttpServer } from './http/server';
import { createLogger, type Logger } from './log';
import { Dispatcher } from './delivery/dispatcher';
import type { Sender } from './delivery/sender';
import { startJobs, type RunningJobs } from './jobs/schedule';
import type { DiscordAdapter } from './bots/discord';
import { holdLease, Lease, type HeldLease } from './db/lease';
import { startSlackAdapter, type SlackAdapter } from './bots/slack';

export interface AppOptions {
  logger?: Logger;
  clock?: Clock;
  /** Interface to listen on; all by default (Slack must reach /slack/events), tests pass 127.0.0.1. */
  host?: string;
  /** Extra senders (tests); the adapters add their own. */
  senders?: Sender[];
  /** How long the Discord gateway lease lasts unrenewed (renewed every third of it); tests shorten it. */
  gatewayLeaseMs?: number;
  /** How long a delivery's claim lasts unsettled (tests and the fault suite shorten it). */
  deliveryLeaseMs?: number;
  /** Least time between two of Slack's catch-up calls after a start (default: Tier 3's pace). */
  slackCatchUpPaceMs?: number;
}

export interface App {
  /** The port the HTTP server actually listens on (PORT=0 lets the system pick). */
  port: number;
  helpdesk: Helpdesk;
  database: Database;
  http: HttpServer;
  metrics: Metrics;
  logger: Logger;
  dispatcher: Dispatcher;
  jobs: RunningJobs;
  /** The Discord adapter while this instance holds the gateway lease. */
  discord(): DiscordAdapter | undefined;
  /** Stops jobs and adapters, then the HTTP server, then the database; safe to call twice. */
  stop(): Promise<void>;
}

export interface AdapterStatus {
  adapter: 'discord' | 'slack';
  configured: boolean;
  message: string;
}

/** Which chat adapters these settings enable, said plainly in the log. */
export function adapterStatus(settings: Settings): AdapterStatus[] {
  const discord: AdapterStatus = settings.DISCORD_TOKEN
    ? { adapter: 'discord', configured: true, message: 'Discord: starting (DISCORD_TOKEN is set)' }
    : { adapter: 'discord', configured: false, message: 'Discord: not configured: set DISCORD_TOKEN to enable' };

  let slack: AdapterStatus;
  if (!settings.SLACK_BOT_TOKEN) {
    slack = {
      adapter: 'slack',
      configured: false,
      message:
        'Slack: not configured: set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode) to enable',
    };
  } else if (!settings.SLACK_APP_TOKEN && !settings.SLACK_SIGNING_SECRET) {
    slack = {
      adapter: 'slack',
      configured: false,
      message:
        'Slack: SLACK_BOT_TOKEN is set, but neither SLACK_SIGNING_SECRET (HTTP events) nor SLACK_APP_TOKEN (Socket Mode): set one to enable',
    };
  } else {
    const mode = settings.SLACK_APP_TOKEN
      ? 'Socket Mode (SLACK_APP_TOKEN)'
      : 'HTTP events at POST /slack/events (SLACK_SIGNING_SECRET)';
    slack = { adapter: 'slack', configured: true, message: `Slack: starting in ${mode}` };
  }
  return [discord, slack];
}

/** Starts the whole process's work: database (with migrations), helpdesk core, HTTP server, jobs, dispatcher. */
export async function startApp(settings: Settings, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(settings.LOG_LEVEL);
  const database = await openDatabase({
    databaseUrl: settings.DATABASE_URL,
    dataDir: settings.DATA_DIR,
    poolSize: settings.DB_POOL_SIZE,
  });
  logger.info({ store: database.description }, 'database ready');

  let http: HttpServer | undefined;
  let dispatcher: Dispatcher | undefined;
  let jobs: RunningJobs | undefined;
  let catalogTimer: NodeJS.Timeout | undefined;
  let discord: DiscordAdapter | undefined;
  let discordGateway: HeldLease | undefined;
  let slack: SlackAdapter | undefined;
  try {
    const clock = options.clock ?? systemClock;
    const policy = policyFrom(settings);
    const instanceId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    // Whatever a transaction queued is sent at once by this process (other instances find it on their next round).
    const wakeDispatcher = () => dispatcher?.wake();
    const helpdesk = createHelpdesk({
      dataSource: database.dataSource,
      clock,
      policy,
      onDeliveriesWritten: wakeDispatcher,
    });
    await helpdesk.staff.bootstrapAdmins(settings.HELPDESK_ADMINS);
    // The SLA article always states the policy in force (written the first time, or after an upgrade).
    await helpdesk.sla.publishArticle();
    // The catalog lives in memory for /ticket's first answer; another instance's edits arrive on the timer.
    await helpdesk.catalog.publishArticle();
    await helpdesk.catalog.refresh();
    catalogTimer = setInterval(
      () => void helpdesk.catalog.refresh().catch((err) => logger.warn({ err }, 'catalog refresh failed')),
      CATALOG_REFRESH_MS,
    );
    catalogTimer.unref();
    if (settings.HELPDESK_ADMINS.length > 0)
      logger.info({ admins: settings.HELPDESK_ADMINS.length }, 'admins from HELPDESK_ADMINS ensured');

    for (const status of adapterStatus(settings)) {
      logger.info({ adapter: status.adapter }, status.message);
    }

    const ping = () => pingDatabase(database.dataSource);
    const metrics = createMetrics({ databaseUp: ping });
    registerSlaMetrics(metrics.registry, database.dataSource);
    http = createHttpServer({ logger, metrics, health: { description: database.description, ping } });

    // Deliveries of a platform wait in the queue until its adapter's sender is there: none are lost.
    const senders = [...(options.senders ?? [])];
    const [discordStatus, slackStatus] = adapterStatus(settings);
    if (slackStatus.configured) {
      // Mounts POST /slack/events on this server, so it must come before listen; its catch-up runs in the background.
      slack = await startSlackAdapter({ settings, helpdesk, http, logger, catchUpPaceMs: options.slackCatchUpPaceMs });
      senders.push(slack.sender);
    }
    const port = await http.listen(settings.PORT, options.host);
    logger.info({ port }, 'HTTP server listening (/healthz, /metrics)');

    dispatcher = new Dispatcher({
      dataSource: database.dataSource,
      clock,
      senders,
      instanceId,
      logger,
      metrics: metrics.registry,
      ...(options.deliveryLeaseMs ? { leaseMs: options.deliveryLeaseMs } : {}),
    });
    if (discordStatus.configured) {
      // Loaded only when configured: discord.js alone takes a second or more to load, and a restart should answer at once.
      const [{ startDiscordAdapter }, { createDiscordRest }, { DiscordSender }] = await Promise.all([
        import('./bots/discord'),
        import('./bots/discord/client'),
        import('./bots/discord/sender'),
      ]);
      // Every instance sends Discord deliveries over REST; one at a time holds the gateway (events in).
      dispatcher.addSender(new DiscordSender(createDiscordRest(settings), helpdesk, settings));
      const runningDispatcher = dispatcher;
      const lease = new Lease(database.dataSource, 'discord-gateway', instanceId, options.gatewayLeaseMs ?? 15_000);
      discordGateway = holdLease(lease, {
        intervalMs: Math.max(250, Math.floor((options.gatewayLeaseMs ?? 15_000) / 3)),
        onAcquired: async () => {
          logger.info({ instanceId }, 'discord: this instance holds the gateway lease; connecting');
          discord = await startDiscordAdapter({ settings, helpdesk, logger, dispatcher: runningDispatcher });
        },
        onLost: async () => {
          logger.warn({ instanceId }, 'discord: gateway lease given up; disconnecting');
          await discord?.stop();
          discord = undefined;
        },
        onError: (error) => logger.error({ err: error }, 'discord gateway lease'),
      });
    }
    dispatcher.start();
    jobs = startJobs({
      dataSource: database.dataSource,
      clock,
      policy,
      settings,
      instanceId,
      logger,
      registry: metrics.registry,
      onDeliveriesWritten: wakeDispatcher,
    });
    logger.info(
      {
        instanceId,
        autoClose: settings.AUTO_CLOSE_CRON,
        reminders: settings.REMINDER_CRON,
        senders: dispatcher.platforms(),
      },
      'jobs and delivery dispatcher started',
    );

    const server = http;
    const runningDispatcher = dispatcher;
    const runningJobs = jobs;
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        logger.info('stopping');
        clearInterval(catalogTimer);
        try {
          await runningJobs.stop();
          await runningDispatcher.stop();
          await discordGateway?.stop();
          await slack?.stop();
          await server.close();
        } finally {
          await database.close();
        }
        logger.info('stopped');
      })());
    return {
      port,
      helpdesk,
      database,
      http: server,
      metrics,
      logger,
      dispatcher: runningDispatcher,
      jobs: runningJobs,
      discord: () => discord,
      stop,
    };
  } catch (error) {
    // A half-started app must not keep the data folder locked or a port open.
    clearInterval(catalogTimer);
    await jobs?.stop().catch(() => undefined);
    await dispatcher?.stop().catch(() => undefined);
    await discordGateway?.stop().catch(() => undefined);
    await slack?.stop().catch(() => undefined);
    await http?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}
