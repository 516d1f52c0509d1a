import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Seconds from `npm start` to the first /healthz answering 200, on the embedded store. */
export const START_UP_GOAL_S = 10;

export interface StartUpResult {
  /** An empty data folder: the embedded database is created and every migration runs. */
  freshS: number;
  /** The same folder again: what every restart costs. */
  restartS: number;
}

const root = path.join(__dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * `npm start` as a user runs it (npm, its prestart build check, then node), in a process group of
 * its own so that stopping it stops node too; resolves with the seconds until /healthz said 200.
 */
async function timeToHealth(dataDir: string, timeoutMs = 120_000): Promise<number> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // The embedded store and no platform, whatever the environment or a .env says.
      DATABASE_URL: '',
      DISCORD_TOKEN: '',
      SLACK_BOT_TOKEN: '',
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`npm start ended before /healthz answered: ${stderr.trim().slice(-500)}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) return Number(process.hrtime.bigint() - started) / 1e9;
      if (Number(process.hrtime.bigint() - started) / 1e6 > timeoutMs) throw new Error('no /healthz within 2 minutes');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    const gone = new Promise((resolve) => (exited ? resolve(undefined) : child.once('exit', resolve)));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await gone;
  }
}

/** The first /healthz after `npm start`: on an empty data folder, then on the same folder again. */
export async function benchStartUp(options: { log?: (text: string) => void } = {}): Promise<StartUpResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-bench-start-'));
  try {
    options.log?.('npm start on an empty data folder');
    const freshS = await timeToHealth(dataDir);
    options.log?.('npm start again on the same folder');
    const restartS = await timeToHealth(dataDir);
    return { freshS, restartS };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
