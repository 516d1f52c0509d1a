import pino from 'pino';
import { REDACT_PATHS, serializeError } from './log-redaction';

export type Logger = pino.Logger;
export type LogLevel = pino.LevelWithSilent;

/**
 * Structured JSON logs, one object a line, for whatever collects the process's output. Tests pass
 * their own destination to read what was logged (or level 'silent' to keep output quiet).
 */
export function createLogger(level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { name: 'chatdesk' },
    // What people wrote, query parameters and tokens never reach the log (see log-redaction.ts).
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}
