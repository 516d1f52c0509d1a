import { startApp } from '../src/app';
import { loadSettings } from '../src/config';
import { createLogger } from '../src/log';

/**
 * One helpdesk process of the fault suite: the app as `npm start` builds it, from the environment,
 * with the delivery lease and Slack's catch-up pace the run chooses. It prints one JSON line when
 * it serves, and is stopped by SIGTERM or killed outright.
 */
async function main(): Promise<void> {
  const settings = loadSettings(process.env);
  const logger = createLogger(settings.LOG_LEVEL, process.stderr);
  const app = await startApp(settings, {
    logger,
    host: '127.0.0.1',
    deliveryLeaseMs: Number(process.env.CHAOS_LEASE_MS ?? 30_000),
    slackCatchUpPaceMs: Number(process.env.CHAOS_CATCH_UP_PACE_MS ?? 1200),
    gatewayLeaseMs: Number(process.env.CHAOS_GATEWAY_LEASE_MS ?? 15_000),
  });
  process.stdout.write(`${JSON.stringify({ ready: true, port: app.port })}\n`);
  process.once('SIGTERM', () => {
    void app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
