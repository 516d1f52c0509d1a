import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/**
 * The helpdesk as a server runs it: `node dist/src/main.js` in a process of its own, so what the
 * bench measures of it (resident memory) is that process alone, not the bench's fakes and
 * figures. Settings come only from `env` (nothing of the bench's own environment but PATH and
 * HOME, and no `.env`: it starts in `cwd`).
 */
export interface AppProcess {
  pid: number;
  /** The HTTP port it listens on (it is started with PORT=0). */
  port: number;
  /** Resolves once the log has said `message` (at once if it already has). */
  logged(message: string, timeoutMs?: number): Promise<void>;
  /** SIGTERM, and SIGKILL if it has not exited within 20 s. */
  stop(): Promise<void>;
}

const MAIN = path.join(__dirname, '..', 'src', 'main.js');
const LISTENING = 'HTTP server listening (/healthz, /metrics)';
const STOP_TIMEOUT_MS = 20_000;

/** Every process started here and not yet exited, stopped when the bench exits (a Ctrl-C included). */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startAppProcess(
  env: Record<string, string>,
  cwd: string,
  options: { timeoutMs?: number; onSpawn?: (pid: number) => void } = {},
): Promise<AppProcess> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  options.onSpawn?.(child.pid!);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const said = new Map<string, Record<string, unknown>>();
  const waiting: Array<{ message: string; resolve: () => void }> = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    const message = String(entry.msg ?? '');
    if (!said.has(message)) said.set(message, entry);
    for (const w of waiting.filter((w) => w.message === message)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  });
  const logged = (message: string, ms = timeoutMs) =>
    said.has(message)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`the app did not log "${message}" within ${ms / 1000} s`)),
            ms,
          );
          waiting.push({
            message,
            resolve: () => {
              clearTimeout(timer);
              resolve();
            },
          });
          void exited.then((code) =>
            reject(new Error(`the app exited (code ${code}) before logging "${message}": ${stderr.trim()}`)),
          );
        });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  try {
    await logged(LISTENING);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid!, port: Number(said.get(LISTENING)!.port), logged, stop };
}

/** The figures of the app's /metrics, by name with labels (`name{label="value"}`), as numbers. */
export async function scrapeMetrics(port: number): Promise<Map<string, number>> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  const figures = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    const match = /^([a-z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/i.exec(line);
    if (match) figures.set(match[1], Number(match[2]));
  }
  return figures;
}
