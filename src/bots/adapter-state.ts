import type { Logger } from '../log';

/** What /healthz says of a chat adapter. `standby`: another instance holds Discord's gateway. */
export type AdapterState = 'connected' | 'connecting' | 'standby' | 'down' | 'not configured';

/** One adapter's state, told to the log once per change (not once per retry). */
export class AdapterHealth {
  private current: AdapterState;

  constructor(
    readonly adapter: 'discord' | 'slack',
    private readonly logger: Logger,
    initial: AdapterState = 'connecting',
  ) {
    this.current = initial;
  }

  get state(): AdapterState {
    return this.current;
  }

  set(state: AdapterState, reason?: string): void {
    if (state === this.current) return;
    this.current = state;
    const msg = `${this.adapter}: ${state}${reason ? ` (${reason})` : ''}`;
    if (state === 'down') this.logger.warn({ adapter: this.adapter }, msg);
    else this.logger.info({ adapter: this.adapter }, msg);
  }
}

/** A platform that did not answer (network, DNS, 5xx): retried, never fatal. */
export class PlatformUnreachableError extends Error {
  constructor(platform: string, cause: unknown) {
    super(`${platform} could not be reached: ${describeCause(cause)}`);
    this.name = 'PlatformUnreachableError';
  }
}

/** The shortest readable reason of a network error (`fetch failed` hides its cause one level down). */
export function describeCause(error: unknown): string {
  let e = error as { message?: string; code?: string; cause?: unknown } | undefined;
  for (let depth = 0; depth < 3 && e?.cause; depth++) e = e.cause as typeof e;
  return e?.code ?? e?.message ?? String(error);
}

export interface Backoff {
  /** Delay before the next attempt after `failures` failures in a row. */
  delayMs(failures: number): number;
}

/** 1 s, 2 s, 4 s … up to a minute: a platform back after an outage is found soon, one that stays away is not hammered. */
export const standardBackoff: Backoff = {
  delayMs: (failures) => Math.min(60_000, 1000 * 2 ** Math.max(0, failures - 1)),
};

/**
 * Runs `attempt` until it succeeds, waiting longer after each failure. `onFailure` decides: return
 * true to keep trying (an unreachable platform), false to give up (a refusal, handled there).
 */
export function keepTrying(
  attempt: () => Promise<void>,
  options: { onFailure: (error: unknown, failures: number) => boolean; backoff?: Backoff },
): { stop(): void; settled: Promise<void> } {
  const backoff = options.backoff ?? standardBackoff;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const settled = (async () => {
    for (let failures = 0; !stopped;) {
      try {
        await attempt();
        return;
      } catch (error) {
        if (stopped) return;
        failures += 1;
        if (!options.onFailure(error, failures)) return;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, backoff.delayMs(failures));
      });
    }
  })();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
    },
    settled,
  };
}

export interface Supervised {
  /** Settles after the first attempt: rejects with its error when the platform refused a setting, else resolves (connected, or down and retrying). */
  first: Promise<void>;
  stop(): void;
}

/**
 * Connects an adapter and keeps it connected: an unreachable platform leaves it `down` and is
 * tried again with back-off; a refusal (a `fatal(error)` error, e.g. a token the platform does not
 * accept) ends the trying: at the first attempt `first` rejects with it, later `onRefused` gets it.
 */
export function supervise(
  connect: () => Promise<void>,
  options: {
    status: AdapterHealth;
    fatal: (error: unknown) => boolean;
    onRefused: (error: unknown) => void;
    logger: Logger;
    backoff?: Backoff;
  },
): Supervised {
  let firstDone = false;
  let settleFirst!: (error?: unknown) => void;
  const first = new Promise<void>((resolve, reject) => {
    settleFirst = (error) => (error === undefined ? resolve() : reject(error));
  });
  const attempt = async () => {
    await connect();
    if (!firstDone) {
      firstDone = true;
      settleFirst();
    }
  };
  const loop = keepTrying(attempt, {
    backoff: options.backoff,
    onFailure: (error, failures) => {
      if (options.fatal(error)) {
        if (!firstDone) {
          firstDone = true;
          settleFirst(error);
        } else options.onRefused(error);
        return false;
      }
      const delay = (options.backoff ?? standardBackoff).delayMs(failures);
      options.status.set('down', error instanceof Error ? error.message : String(error));
      options.logger.debug(
        { adapter: options.status.adapter, failures, retryInMs: delay },
        `${options.status.adapter}: trying again`,
      );
      if (!firstDone) {
        firstDone = true;
        settleFirst();
      }
      return true;
    },
  });
  return { first, stop: () => loop.stop() };
}
