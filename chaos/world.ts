import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { SlackRequestSigner } from '../src/simulator/slack/signer';
import { openDatabase, type Database } from '../src/db/data-source';
import { FakeDiscord } from '../src/simulator/discord/fake-discord';
import { FakeSlackWebApi, type StoredMessage } from '../src/simulator/slack/web-api';
import { TcpProxy } from './tcp-proxy';

export type Store = 'postgres' | 'pglite';

export const SIGNING_SECRET = 'chaos-signing-secret';
export const SUPPORT_CHANNEL = 'CSUPPORT';
/** The staff member who answers in the card threads (an admin from HELPDESK_ADMINS). */
export const STAFF = { id: 'USTAFF', name: 'staff' };

/** Where the PostgreSQL scenarios create their databases: CHAOS_DATABASE_URL, else TEST_DATABASE_URL, else the local server. */
export function serverUrl(): string {
  return (
    process.env.CHAOS_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

export interface AppProcess {
  child: ChildProcess;
  port: number;
  signer: SlackRequestSigner;
  /** Seconds from spawning the process to its first /healthz answer. */
  secondsToHealth: number;
  exited: Promise<void>;
}

export interface WorldOptions {
  store: Store;
  /** Delivery lease of the app processes (ms). */
  leaseMs?: number;
  /** Discord configured too (the fake), with this gateway lease (ms). */
  discordGatewayLeaseMs?: number;
  log?: (line: string) => void;
}

/**
 * One scenario's world: a fresh database (a PostgreSQL database behind the cuttable TCP proxy, or
 * an embedded store's folder), the Slack fake, and helpdesk processes started and killed at will.
 */
export class World {
  readonly api = new FakeSlackWebApi();
  readonly discord = new FakeDiscord();
  readonly processes: AppProcess[] = [];
  proxy: TcpProxy | undefined;
  private pool: Pool | undefined;
  private embedded: Database | undefined;
  private databaseName = '';
  private dataDir = '';
  private readonly logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-chaos-'));

  constructor(readonly options: WorldOptions) {}

  async start(): Promise<this> {
    await this.api.start();
    if (this.options.discordGatewayLeaseMs) await this.discord.start();
    if (this.options.store === 'postgres') {
      const admin = new Client({ connectionString: serverUrl() });
      await admin.connect();
      this.databaseName = `chatdesk_chaos_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      await admin.query(`CREATE DATABASE ${this.databaseName}`);
      await admin.end();
      const target = new URL(serverUrl());
      this.proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
      this.pool = new Pool({ connectionString: this.directUrl(), max: 3 });
    } else {
      this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-chaos-data-'));
    }
    return this;
  }

  /** The database as the runner reads it, not through the proxy. */
  private directUrl(): string {
    const url = new URL(serverUrl());
    url.pathname = `/${this.databaseName}`;
    return url.toString();
  }

  /** The database as the app reaches it: through the proxy. */
  private appUrl(): string {
    const url = new URL(this.directUrl());
    url.hostname = '127.0.0.1';
    url.port = String(this.proxy!.port);
    return url.toString();
  }

  /** Reads the database: a server's at any time, the embedded store's once its process has stopped. */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.pool) return (await this.pool.query(sql, params)).rows as T[];
    if (this.processes.some((p) => p.child.exitCode === null && p.child.signalCode === null))
      throw new Error('the embedded store can be read only once its process has stopped');
    this.embedded ??= await openDatabase({ dataDir: this.dataDir, poolSize: 2 });
    return (await this.embedded.dataSource.query(sql, params)) as T[];
  }

  /** True when the database can be read while the app runs (a server, not the embedded store). */
  get readsWhileRunning(): boolean {
    return Boolean(this.pool);
  }

  /** Starts a helpdesk process; resolves once its /healthz answers. */
  async startApp(): Promise<AppProcess> {
    const port = await freePort();
    const { command, args } = appCommand();
    const logFile = path.join(this.logDir, `app-${this.processes.length + 1}.log`);
    const log = fs.openSync(logFile, 'a');
    const startedAt = Date.now();
    const child = spawn(command, args, {
      cwd: path.resolve(__dirname, __filename.endsWith('.ts') ? '..' : '../..'),
      // Its own process group, so a kill -9 takes the whole group as a crash would.
      detached: true,
      stdio: ['ignore', 'pipe', log],
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        PORT: String(port),
        LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
        ...(this.proxy ? { DATABASE_URL: this.appUrl() } : { DATA_DIR: this.dataDir }),
        DB_POOL_SIZE: '10',
        HELPDESK_ADMINS: `slack:${STAFF.id}`,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_SUPPORT_CHANNEL: SUPPORT_CHANNEL,
        SLACK_API_URL: this.api.url,
        CHAOS_LEASE_MS: String(this.options.leaseMs ?? 30_000),
        CHAOS_CATCH_UP_PACE_MS: '1200',
        ...(this.options.discordGatewayLeaseMs
          ? { ...this.discord.settingsEnv, CHAOS_GATEWAY_LEASE_MS: String(this.options.discordGatewayLeaseMs) }
          : {}),
      },
    });
    fs.closeSync(log);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const secondsToHealth = await waitForHealth(port, child, startedAt, logFile);
    const app: AppProcess = {
      child,
      port,
      signer: new SlackRequestSigner(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET),
      secondsToHealth,
      exited,
    };
    this.processes.push(app);
    return app;
  }

  /** kill -9 of the process's whole group, as a crash or an OOM kill would. */
  async kill(app: AppProcess): Promise<void> {
    try {
      process.kill(-app.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    await app.exited;
  }

  async stopApp(app: AppProcess): Promise<void> {
    if (app.child.exitCode !== null || app.child.signalCode !== null) return;
    app.child.kill('SIGTERM');
    const timer = setTimeout(() => void this.kill(app), 20_000);
    await app.exited;
    clearTimeout(timer);
  }

  /** Waits until the delivery queue has nothing left to send (PostgreSQL: read directly). */
  async drained(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const [{ left }] = await this.query<{ left: number }>(
        `SELECT count(*)::int AS left FROM delivery WHERE status IN ('pending', 'sending')`,
      );
      if (left === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return false;
  }

  /** The bot's messages in Slack, by where they are. */
  botMessages(): StoredMessage[] {
    return this.api.messages.filter((m) => m.bot_id);
  }

  async close(): Promise<void> {
    for (const app of this.processes) await this.stopApp(app).catch(() => undefined);
    await this.proxy?.stop();
    await this.pool?.end();
    await this.embedded?.close();
    if (this.databaseName) {
      const admin = new Client({ connectionString: serverUrl() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${this.databaseName} WITH (FORCE)`);
      await admin.end();
    }
    if (this.dataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
    await this.api.stop();
    if (this.options.discordGatewayLeaseMs) await this.discord.stop();
    if (!process.env.CHAOS_KEEP_LOGS) fs.rmSync(this.logDir, { recursive: true, force: true });
  }

  /** The app processes' logs, for a scenario that failed. */
  get logs(): string {
    return this.logDir;
  }
}

/** The built app under `npm run chaos`; the TypeScript sources, compiled on the fly, under jest. */
function appCommand(): { command: string; args: string[] } {
  if (__filename.endsWith('.ts')) {
    const root = path.resolve(__dirname, '..');
    return {
      command: process.execPath,
      args: ['-r', path.join(root, 'tests/delivery/child/swc-register.js'), path.join(root, 'chaos/app-process.ts')],
    };
  }
  return { command: process.execPath, args: [path.join(__dirname, 'app-process.js')] };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForHealth(port: number, child: ChildProcess, startedAt: number, logFile: string): Promise<number> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the app process exited before it served (see ${logFile}):\n${tail(logFile)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return (Date.now() - startedAt) / 1000;
    } catch {
      // not listening yet
    }
    if (Date.now() - startedAt > 120_000) throw new Error(`the app did not serve /healthz in 120 s (see ${logFile})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}
