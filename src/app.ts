import { policyFrom, type Settings } from './config';
import { systemClock, type Clock } from './core/clock';
import { createHelpdesk, type Helpdesk } from './core/helpdesk';
import { openDatabase, type Database } from './db/data-source';
import { createMetrics, type Metrics } from './http/metrics';
import { createHttpServer, pingDatabase, type HttpServer } from './http/server';
import { createLogger, type Logger } from './log';

export interface AppOptions {
  logger?: Logger;
  clock?: Clock;
  /** Interface to listen on; all by default (Slack must reach /slack/events), tests pass 127.0.0.1. */
  host?: string;
}

export interface App {
  /** The port the HTTP server actually listens on (PORT=0 lets the system pick). */
  port: number;
  helpdesk: Helpdesk;
  database: Database;
  http: HttpServer;
  metrics: Metrics;
  logger: Logger;
  /** Stops jobs and adapters, then the HTTP server, then the database; safe to call twice. */
  stop(): Promise<void>;
}

export interface AdapterStatus {
  adapter: 'discord' | 'slack';
  configured: boolean;
  message: string;
}

/**
 * What each chat adapter would do with these settings, said plainly in the log. No adapter exists
 * in this build yet, so a configured one is reported as such rather than pretended to run.
 */
export function adapterStatus(settings: Settings): AdapterStatus[] {
  const discord: AdapterStatus = settings.DISCORD_TOKEN
    ? { adapter: 'discord', configured: true, message: 'Discord: configured (DISCORD_TOKEN is set), but this build has no Discord adapter yet' }
    : { adapter: 'discord', configured: false, message: 'Discord: not configured: set DISCORD_TOKEN to enable' };

  let slack: AdapterStatus;
  if (!settings.SLACK_BOT_TOKEN) {
    slack = {
      adapter: 'slack',
      configured: false,
      message: 'Slack: not configured: set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode) to enable',
    };
  } else if (!settings.SLACK_APP_TOKEN && !settings.SLACK_SIGNING_SECRET) {
    slack = {
      adapter: 'slack',
      configured: false,
      message: 'Slack: SLACK_BOT_TOKEN is set, but neither SLACK_SIGNING_SECRET (HTTP events) nor SLACK_APP_TOKEN (Socket Mode): set one to enable',
    };
  } else {
    const mode = settings.SLACK_APP_TOKEN ? 'Socket Mode (SLACK_APP_TOKEN)' : 'HTTP events at POST /slack/events (SLACK_SIGNING_SECRET)';
    slack = { adapter: 'slack', configured: true, message: `Slack: configured for ${mode}, but this build has no Slack adapter yet` };
  }
  return [discord, slack];
}

/** Starts the whole process's work: database (with migrations), helpdesk core, HTTP server. */
export async function startApp(settings: Settings, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(settings.LOG_LEVEL);
  const database = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: settings.DATA_DIR, poolSize: settings.DB_POOL_SIZE });
  logger.info({ store: database.description }, 'database ready');

  let http: HttpServer | undefined;
  try {
    const helpdesk = createHelpdesk({
      dataSource: database.dataSource,
      clock: options.clock ?? systemClock,
      policy: policyFrom(settings),
      // The delivery worker (another issue) wakes up here when a transaction wrote deliveries.
      onDeliveriesWritten: () => undefined,
    });
    await helpdesk.staff.bootstrapAdmins(settings.HELPDESK_ADMINS);
    if (settings.HELPDESK_ADMINS.length > 0) logger.info({ admins: settings.HELPDESK_ADMINS.length }, 'admins from HELPDESK_ADMINS ensured');

    for (const status of adapterStatus(settings)) {
      if (status.configured) logger.warn({ adapter: status.adapter }, status.message);
      else logger.info({ adapter: status.adapter }, status.message);
    }

    const ping = () => pingDatabase(database.dataSource);
    const metrics = createMetrics({ databaseUp: ping });
    http = createHttpServer({ logger, metrics, health: { description: database.description, ping } });
    // Adapters mount their routes (POST /slack/events) on `http` here, before it listens.
    const port = await http.listen(settings.PORT, options.host);
    logger.info({ port }, 'HTTP server listening (/healthz, /metrics)');

    // ---- Scheduled jobs (auto-close, reminders; another issue) start here, and stop first in stop(). ----

    const server = http;
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        logger.info('stopping');
        // ---- Scheduled jobs and adapters stop here, before the server and the database. ----
        try {
          await server.close();
        } finally {
          await database.close();
        }
        logger.info('stopped');
      })());
    return { port, helpdesk, database, http: server, metrics, logger, stop };
  } catch (error) {
    // A half-started app must not keep the data folder locked or a port open.
    await http?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}
