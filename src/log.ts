import pino from 'pino';
import pretty from 'pino-pretty';
import { REDACT_PATHS, serializeError } from './log-redaction';

export type Logger = pino.Logger;
export type LogLevel = pino.LevelWithSilent;
export type LogFormat = 'json' | 'pretty';

/** LOG_FORMAT when set; else readable lines for a person at a terminal, JSON lines for whatever collects the output. */
export function logFormatFor(setting: LogFormat | undefined, stdout: { isTTY?: boolean } = process.stdout): LogFormat {
  return setting ?? (stdout.isTTY ? 'pretty' : 'json');
}

/**
 * Structured JSON logs, one object a line, for whatever collects the process's output; or, with
 * format 'pretty', one readable line each (time, level, message, then the fields). Tests pass
 * their own destination to read what was logged (or level 'silent' to keep output quiet).
 */
export function createLogger(
  level: LogLevel = 'info',
  destination?: pino.DestinationStream,
  format: LogFormat = 'json',
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { name: 'chatdesk' },
    // What people wrote, query parameters and tokens never reach the log (see log-redaction.ts).
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  if (destination) return pino(options, destination);
  // In this thread and synchronous (not a transport's worker): a fatal line is out before the process exits.
  if (format === 'pretty')
    return pino(
      options,
      pretty({
        sync: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname,name',
        colorize: !!process.stdout.isTTY,
      }),
    );
  return pino(options);
}
