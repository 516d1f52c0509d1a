import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startApp, type App } from '../../src/app';
import { loadSettings } from '../../src/config';
import { DataDirLockedError, lockDataDir } from '../../src/db/data-dir-lock';
import { createMetrics } from '../../src/http/metrics';
import { createHttpServer, sendJson } from '../../src/http/server';
import type { AdapterState } from '../../src/bots/adapter-state';
import { createLogger } from '../../src/log';
import { MemorySender } from '../fakes/memory-sender';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-e2e-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A logger whose JSON lines the test can read. */
function capturingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

function start(dataDir: string, extra: Record<string, string> = {}) {
  const settings = loadSettings({ DATA_DIR: dataDir, PORT: '0', HELPDESK_ADMINS: 'discord:111', ...extra });
  const { logger, lines } = capturingLogger();
  return { lines, app: startApp(settings, { logger, host: '127.0.0.1' }) };
}

const get = (app: App, p: string) => fetch(`http://127.0.0.1:${app.port}${p}`);

describe('starting and stopping the whole app', () => {
  test('serves health and metrics on an empty folder, stops, and starts again with its data', async () => {
    const dataDir = path.join(tempDir(), 'data'); // not even created yet
    const first = start(dataDir);
    const app = await first.app;
    try {
      const health = await get(app, '/healthz');
      expect(health.status).toBe(200);
      // No folder, address or credential: /healthz answers whoever reaches the port.
      expect(await health.json()).toEqual({
        status: 'ok',
        database: 'up',
        adapters: { discord: 'not configured', slack: 'not configured' },
      });

      const metrics = await get(app, '/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await metrics.text();
      expect(text).toMatch(/^helpdesk_database_up 1$/m);
      expect(text).toContain('process_cpu_user_seconds_total');

      const missing = await get(app, '/nope');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: 'not found' });

      // The adapters' state is said plainly, naming the setting that enables each.
      const messages = first.lines.map((l) => l.msg);
      expect(messages).toContain('Discord: not configured: set DISCORD_TOKEN to enable');
      expect(messages.some((m) => m.startsWith('Slack: not configured: set SLACK_BOT_TOKEN'))).toBe(true);
    } finally {
      await app.stop();
      await app.stop(); // idempotent
    }
    await expect(get(app, '/healthz')).rejects.toThrow(); // the port is closed

    const again = await start(dataDir).app;
    try {
      expect((await get(again, '/healthz')).status).toBe(200);
      const admins = await again.database.dataSource.query(
        `SELECT p.is_admin FROM person p JOIN identity i ON i.person_id = p.id WHERE i.platform = 'discord' AND i.platform_user_id = '111'`,
      );
      expect(admins).toEqual([{ is_admin: true }]);
      const people = await again.database.dataSource.query(
        `SELECT count(*)::int AS n FROM person WHERE NOT is_helpdesk`,
      );
      expect(people).toEqual([{ n: 1 }]); // bootstrapping again did not duplicate the admin
    } finally {
      await again.stop();
    }
  });

  test('a ticket opened in the running app is told to the platform through the queue at once', async () => {
    const sender = new MemorySender('discord');
    const settings = loadSettings({ DATA_DIR: tempDir(), PORT: '0', LOG_LEVEL: 'silent' });
    const app = await startApp(settings, { host: '127.0.0.1', senders: [sender], logger: createLogger('silent') });
    try {
      const ticket = await app.helpdesk.tickets.open(
        { platform: 'discord', userId: 'carl' },
        { title: 'Through the queue', description: 'd', type: 'request' },
      );
      for (let i = 0; i < 100 && sender.sent.length < 1; i++) await new Promise((r) => setTimeout(r, 50));
      expect(sender.sentTo(`ticket:${ticket.id}`).map((d) => d.kind)).toEqual(['ticket.created']);
    } finally {
      await app.stop();
    }
  });

  test('a second app on the same folder is refused while the first keeps answering', async () => {
    const dataDir = tempDir();
    const app = await start(dataDir).app;
    try {
      await expect(start(dataDir).app).rejects.toBeInstanceOf(DataDirLockedError);
      const health = await get(app, '/healthz');
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ database: 'up' });
    } finally {
      await app.stop();
    }
  });

  test('a lock left by a killed process is taken over', async () => {
    const dataDir = tempDir();
    const lockFile = path.join(dataDir, 'chatdesk.lock');
    // A stand-in for a chatdesk process: writes the lock as data-dir-lock.ts does ({pid, startedAt}
    // from /proc/self/stat), then waits to be told to SIGKILL itself, never releasing it.
    const script = `
      const fs = require('node:fs');
      const stat = fs.readFileSync('/proc/self/stat', 'utf8');
      const startedAt = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
      fs.writeFileSync(${JSON.stringify(lockFile)}, JSON.stringify({ pid: process.pid, startedAt }), { flag: 'wx' });
      process.stdout.write('locked\\n');
      process.stdin.once('data', () => process.kill(process.pid, 'SIGKILL'));
    `;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', () => reject(new Error('the child exited before locking')));
    });

    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError); // alive: refused

    child.stdin.write('die\n');
    expect(await exited).toBe('SIGKILL');
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid).toBe(child.pid); // left behind

    const lock = lockDataDir(dataDir); // dead: taken over at once
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });
});

describe('the HTTP server', () => {
  test('reports a database that does not answer as down, and serves mounted routes', async () => {
    const { logger } = capturingLogger();
    const databaseUp = async () => false;
    const server = createHttpServer({
      logger,
      metrics: createMetrics({ databaseUp }),
      health: { ping: databaseUp },
    });
    server.route('POST', '/slack/events', (_req, res) => sendJson(res, 200, { ok: true }));
    const port = await server.listen(0, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${port}`;
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({
        status: 'unavailable',
        database: 'down',
        adapters: { discord: 'not configured', slack: 'not configured' },
      });
      expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/^helpdesk_database_up 0$/m);
      expect(await (await fetch(`${base}/slack/events`, { method: 'POST', body: '{}' })).json()).toEqual({ ok: true });
      expect((await fetch(`${base}/slack/events`)).status).toBe(405);
    } finally {
      await server.close();
    }
  });
});

describe('what /healthz and /metrics tell, and to whom', () => {
  const serve = async (options: {
    up: boolean;
    metricsToken?: string;
    discord?: AdapterState;
    slack?: AdapterState;
  }) => {
    const { logger } = capturingLogger();
    const ping = async () => options.up;
    const server = createHttpServer({
      logger,
      metrics: createMetrics({ databaseUp: ping }),
      health: {
        ping,
        adapters: () => ({ discord: options.discord ?? 'not configured', slack: options.slack ?? 'not configured' }),
      },
      metricsToken: options.metricsToken,
    });
    const port = await server.listen(0, '127.0.0.1');
    return { server, base: `http://127.0.0.1:${port}` };
  };

  test('a Discord outage keeps /healthz at 200 (degraded), so a load balancer keeps sending Slack its events', async () => {
    const { server, base } = await serve({ up: true, discord: 'down', slack: 'connected' });
    try {
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({
        status: 'degraded',
        database: 'up',
        adapters: { discord: 'down', slack: 'connected' },
      });
    } finally {
      await server.close();
    }
  });

  test('another instance holding the gateway is standby, and standby is healthy', async () => {
    const { server, base } = await serve({ up: true, discord: 'standby', slack: 'not configured' });
    try {
      expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok' });
    } finally {
      await server.close();
    }
  });

  test('with METRICS_TOKEN set, /metrics answers only its bearer', async () => {
    const { server, base } = await serve({ up: true, metricsToken: 'sesame' });
    try {
      const without = await fetch(`${base}/metrics`);
      expect(without.status).toBe(401);
      expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong!' } })).status).toBe(401);
      const bearer = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer sesame' } });
      expect(bearer.status).toBe(200);
      expect(await bearer.text()).toMatch(/^helpdesk_database_up 1$/m);
      expect((await fetch(`${base}/healthz`)).status).toBe(200); // health stays open
    } finally {
      await server.close();
    }
  });
});
