import 'dotenv/config';
import type { App } from './app';
import { loadSettings, retiredSettingsIn, SettingsError, unknownSettingsIn, type Settings } from './config';
import { envFileNames } from './config-file';
import { DataDirLockedError } from './db/data-dir-lock';
import { createLogger, logFormatFor } from './log';
import { StartupError } from './startup-error';

/** A stop that hangs (a stuck connection) must not keep a container from restarting. */
const STOP_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = loadSettings(process.env);
  } catch (error) {
    // One line per wrong setting, each naming it: nothing has started, so no logger either.
    const lines = error instanceof SettingsError ? error.problems : [String(error)];
    for (const line of lines) console.error(`could not start: ${line}`);
    process.exit(1);
  }
  const logger = createLogger(settings.LOG_LEVEL, undefined, logFormatFor(settings.LOG_FORMAT));
  const retired = retiredSettingsIn(process.env);
  if (retired.length > 0)
    logger.warn(
      `${retired.join(', ')} no longer ${retired.length === 1 ? 'does' : 'do'} anything: look-alike incidents are now found with MAJOR_LOOK_ALIKE_AT (see the upgrade note in README.md)`,
    );
  // A misspelt setting would otherwise be ignored without a word (DISCORD_GUILD for DISCORD_GUILD_ID).
  for (const { name, meant } of unknownSettingsIn(process.env, envFileNames()))
    logger.warn(
      `${name} is not a chatdesk setting and does nothing${meant ? `: did you mean ${meant}?` : ''} (the settings are listed in .env.example)`,
    );

  let stopping = false;
  let shutdown: (reason: string, code: number) => void = (_reason, code) => process.exit(code);
  // A platform that refuses a credential after start-up (it did not answer at first) stops the process like a wrong setting.
  const onFatal = (error: StartupError) => {
    logger.fatal(`stopping: ${error.message}`);
    shutdown('a setting was refused', 1);
  };

  let app: App;
  try {
    // Loaded once the settings are known to be right: a wrong one is answered before the platforms' libraries load.
    const { startApp } = await import('./app');
    app = await startApp(settings, { logger, onFatal });
  } catch (error) {
    // Expected refusals get their message alone; anything else keeps its stack in the same JSON line.
    if (error instanceof StartupError || error instanceof DataDirLockedError)
      logger.fatal(`could not start: ${error.message}`);
    else logger.fatal({ err: error }, `could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  shutdown = (reason: string, code: number) => {
    if (stopping) {
      // A second Ctrl-C means "now".
      logger.warn(`${reason} while stopping: exiting at once`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${reason}: stopping`);
    setTimeout(() => {
      logger.error(`stop took over ${STOP_TIMEOUT_MS / 1000} s: exiting anyway`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    app.stop().then(
      () => process.exit(code),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM', 0));
  process.on('SIGINT', () => shutdown('SIGINT', 0));
  process.on('unhandledRejection', (error) => {
    logger.fatal({ err: error }, 'unhandled promise rejection');
    shutdown('unhandled rejection', 1);
  });
}

void main();
