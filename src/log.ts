import pino from 'pino';

export type Logger = pino.Logger;
export type LogLevel = pino.LevelWithSilent;

/**
 * Structured JSON logs, one object a line, for whatever collects the process's output. Tests pass
 * their own destination to read what was logged (or level 'silent' to keep output quiet).
 */
export function createLogger(level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = { level, base: { name: 'chatdesk' } };
  return destination ? pino(options, destination) : pino(options);
}
