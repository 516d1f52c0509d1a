import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { policyFrom, type Settings } from './config';
import { systemClock, type Clock } from './core/clock';
import { createHelpdesk, type Helpdesk } from './core/helpdesk';
import { openDatabase, type Database } from './db/data-source';
import { createMetrics, type Metrics } from './http/metrics';
import { registerSavedReplyMetrics } from './http/saved-reply-metrics';
import { registerSlaMetrics } from './http/sla-metrics';
import { registerEmbeddedStoreMetrics } from './http/embedded-store-metrics';
import { CATALOG_REFRESH_MS } from './core/services/catalog';
import { createHttpServer, pingDatabase, type HttpServer } from './http/server';
import { createLogger, type Logger } from './log';
import { mountDashboard } from './web/dashboard';
import { Dispatcher } from './delivery/dispatcher';
import type { Sender } from './delivery/sender';
import { startJobs, type RunningJobs } from './jobs/schedule';
import type { DiscordAdapter } from './bots/discord';
import { holdLease, Lease, type HeldLease } from './db/lease';
import { startSlackAdapter, type SlackAdapter } from './bots/slack';
import { AdapterHealth, standardBackoff, supervise, type AdapterState, type Supervised } from './bots/adapter-state';
import { refuseRejectedCredentials } from './bots/credentials';
import { listenStartupError, refuseTakenPort, StartupError } from './startup-error';

export interface AppOptions {
  logger?: Logger;
  clock?: Clock;
  /** Interface to listen on instead of HOST; tests pass 127.0.0.1. */
  host?: string;
  /** A platform refused a credential after start-up (it was unreachable at first): the process should stop. */
  onFatal?: (error: StartupError) => void;
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
  /** Each chat adapter's state, as /healthz tells it. */
  adapters(): { discord: AdapterState; slack: AdapterState };
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
  } else {
    // A bot token with neither a signing secret nor an app token is refused by loadSettings.
    const mode = settings.SLACK_APP_TOKEN
      ? 'Socket Mode (SLACK_APP_TOKEN)'
      : 'HTTP events at POST /slack/events (SLACK_SIGNING_SECRET)';
    slack = { adapter: 'slack', configured: true, message: `Slack: starting in ${mode}` };
  }
  return [discord, slack];
}

/** Settings an enabled adapter works without, but not fully: each is named once at start-up. */
export function missingSettingWarnings(settings: Settings): string[] {
  const warnings: string[] = [];
  if (settings.DISCORD_TOKEN) {
    if (!settings.DISCORD_SUPPORT_CHANNEL_ID)
      warnings.push(
        'DISCORD_SUPPORT_CHANNEL_ID is not set: tickets get no thread until an admin runs /helpdesk setup in the support channel (or it is set)',
      );
    if (!settings.DISCORD_STAFF_CHANNEL_ID)
      warnings.push(
        'DISCORD_STAFF_CHANNEL_ID is not set: the queue, alerts and internal notes have nowhere to go on Discord',
      );
  }
  if (settings.SLACK_BOT_TOKEN && !settings.SLACK_SUPPORT_CHANNEL)
    warnings.push(
      'SLACK_SUPPORT_CHANNEL is not set: Slack tickets get no card for staff; set it to the id of a staff-only channel the app is in',
    );
  return warnings;
}

/** Starts the whole process's work: database (with migrations), helpdesk core, HTTP server, jobs, dispatcher. */
export async function startApp(settings: Settings, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(settings.LOG_LEVEL);
  const [discordConfig, slackConfig] = adapterStatus(settings);
  // Loaded only when configured: discord.js alone takes a second or more to load, and a restart should answer at once.
  const discordModules = discordConfig.configured ? await loadDiscordModules() : undefined;
  const discordRest = discordModules?.createDiscordRest(settings);
  // A port that is taken, or a token the platform refuses, stops the start before the database is even opened.
  await refuseTakenPort(settings.PORT, options.host ?? settings.HOST);
  await refuseRejectedCredentials(
    settings,
    discordRest && discordModules ? () => discordModules.checkDiscordToken(discordRest) : undefined,
  );
  const database = await openDatabase({
    databaseUrl: settings.DATABASE_URL,
    dataDir: settings.DATA_DIR,
    poolSize: settings.DB_POOL_SIZE,
    onMigrated: (applied) => {
      if (applied.length > 0) logger.info({ applied }, 'database migrations applied');
    },
  });
  logger.info({ store: database.description }, 'database ready');

  let http: HttpServer | undefined;
  let dispatcher: Dispatcher | undefined;
  let jobs: RunningJobs | undefined;
  let catalogTimer: NodeJS.Timeout | undefined;
  let discord: DiscordAdapter | undefined;
  let discordGateway: HeldLease | undefined;
  let discordCredentials: Supervised | undefined;
  let slack: SlackAdapter | undefined;
  const discordStatus = new AdapterHealth(
    'discord',
    logger,
    discordConfig.configured ? 'connecting' : 'not configured',
  );
  const slackStatus = new AdapterHealth('slack', logger, slackConfig.configured ? 'connecting' : 'not configured');
  const onFatal =
    options.onFatal ?? ((error: StartupError) => logger.fatal(`${error.message} (the adapter stays down)`));
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

    for (const status of [discordConfig, slackConfig]) {
      logger.info({ adapter: status.adapter }, status.message);
    }
    for (const warning of missingSettingWarnings(settings)) logger.warn(warning);

    const ping = () => pingDatabase(database.dataSource);
    const metrics = createMetrics({ databaseUp: ping });
    registerSlaMetrics(metrics.registry, database.dataSource, clock);
    registerSavedReplyMetrics(metrics.registry, database.dataSource);
    if (database.embedded) registerEmbeddedStoreMetrics(metrics.registry, database.embedded);
    const adapters = () => ({ discord: discordStatus.state, slack: slackStatus.state });
    http = createHttpServer({ logger, metrics, health: { ping, adapters }, metricsToken: settings.METRICS_TOKEN });
    mountDashboard(http, { helpdesk, logger });

    // Both platforms' credentials are checked side by side, on every instance: a refusal stops the
    // start; a platform that does not answer leaves its adapter down (tried again) and holds up nothing else.
    const refused = (error: unknown) => error instanceof StartupError;
    let discordTokenAccepted = false;
    let startGateway = () => undefined as void;
    if (discordRest && discordModules)
      discordCredentials = supervise(
        async () => {
          await discordModules.checkDiscordToken(discordRest);
          discordTokenAccepted = true;
          startGateway();
        },
        { status: discordStatus, fatal: refused, onRefused: (e) => onFatal(e as StartupError), logger },
      );
    // Mounts POST /slack/events on this server, so it must come before listen; its catch-up runs in the background.
    const slackStarting = slackConfig.configured
      ? startSlackAdapter({
          settings,
          helpdesk,
          http,
          logger,
          status: slackStatus,
          onRefused: onFatal,
          catchUpPaceMs: options.slackCatchUpPaceMs,
        })
      : undefined;
    const host = options.host ?? settings.HOST;
    const listening = http.listen(settings.PORT, host).catch((error: unknown) => {
      throw listenStartupError(error, host, settings.PORT) ?? error;
    });
    // All settled before going on: a refusal of one must not leave the other running behind it.
    const [listened, slackStarted, discordChecked] = await Promise.allSettled([
      listening,
      slackStarting,
      discordCredentials?.first,
    ]);
    if (slackStarted.status === 'fulfilled') slack = slackStarted.value;
    for (const outcome of [listened, slackStarted, discordChecked])
      if (outcome.status === 'rejected') throw outcome.reason;
    const port = (listened as PromiseFulfilledResult<number>).value;
    // With no PUBLIC_URL the sign-in links point at this process, on the port it really got (PORT=0 picks one).
    if (!settings.PUBLIC_URL) policy.publicUrl = `http://localhost:${port}`;
    logger.info({ port, host }, 'HTTP server listening (/healthz, /metrics)');

    // Deliveries of a platform wait in the queue until its adapter's sender is there: none are lost.
    const senders = [...(options.senders ?? [])];
    if (slack) senders.push(slack.sender);

    dispatcher = new Dispatcher({
      dataSource: database.dataSource,
      clock,
      senders,
      instanceId,
      logger,
      metrics: metrics.registry,
      ...(options.deliveryLeaseMs ? { leaseMs: options.deliveryLeaseMs } : {}),
    });
    if (discordRest && discordModules) {
      const { startDiscordAdapter, DiscordSender, discordConnectionError } = discordModules;
      // Every instance sends Discord deliveries over REST; one at a time holds the gateway (events in).
      dispatcher.addSender(new DiscordSender(discordRest, helpdesk, settings));
      const runningDispatcher = dispatcher;
      const lease = new Lease(database.dataSource, 'discord-gateway', instanceId, options.gatewayLeaseMs ?? 15_000);
      // After a failed connect this instance leaves the lease alone for a while, longer each time.
      let failedConnects = 0;
      let nextConnectAt = 0;
      startGateway = () => {
        discordGateway ??= holdLease(lease, {
          intervalMs: Math.max(250, Math.floor((options.gatewayLeaseMs ?? 15_000) / 3)),
          mayHold: () => Date.now() >= nextConnectAt,
          onStandby: () => discordStatus.set('standby', 'another instance holds the gateway'),
          onAcquired: async () => {
            logger.info({ instanceId }, 'discord: this instance holds the gateway lease; connecting');
            discordStatus.set('connecting');
            try {
              discord = await startDiscordAdapter({
                settings,
                helpdesk,
                logger,
                dispatcher: runningDispatcher,
                status: discordStatus,
              });
            } catch (error) {
              const meaning = discordConnectionError(error);
              if (meaning instanceof StartupError) onFatal(meaning);
              failedConnects += 1;
              nextConnectAt = Date.now() + standardBackoff.delayMs(failedConnects);
              discordStatus.set('down', meaning instanceof Error ? meaning.message : String(meaning));
              throw new QuietError();
            }
            failedConnects = 0;
            discordStatus.set('connected');
          },
          onLost: async () => {
            logger.warn({ instanceId }, 'discord: gateway lease given up; disconnecting');
            await discord?.stop();
            discord = undefined;
          },
          onError: (error) => {
            // A failed connect is told by the adapter's state, once; anything else (the database) here.
            if (!(error instanceof QuietError)) logger.error({ err: error }, 'discord gateway lease');
          },
        });
      };
      if (discordTokenAccepted) startGateway();
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
          startGateway = () => undefined; // a check answering late must not connect a stopping app
          discordCredentials?.stop();
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
      adapters,
      stop,
    };
  } catch (error) {
    // A half-started app must not keep the data folder locked or a port open.
    clearInterval(catalogTimer);
    await jobs?.stop().catch(() => undefined);
    await dispatcher?.stop().catch(() => undefined);
    discordCredentials?.stop();
    await discordGateway?.stop().catch(() => undefined);
    await slack?.stop().catch(() => undefined);
    await http?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** A failure already told (as the adapter's state), handed to the lease only so it lets go. */
class QuietError extends Error {}

/** The Discord adapter's modules, loaded together when Discord is configured. */
async function loadDiscordModules() {
  const [adapter, client, sender, connection] = await Promise.all([
    import('./bots/discord'),
    import('./bots/discord/client'),
    import('./bots/discord/sender'),
    import('./bots/discord/connection'),
  ]);
  return {
    startDiscordAdapter: adapter.startDiscordAdapter,
    createDiscordRest: client.createDiscordRest,
    DiscordSender: sender.DiscordSender,
    checkDiscordToken: connection.checkDiscordToken,
    discordConnectionError: connection.discordConnectionError,
  };
}
