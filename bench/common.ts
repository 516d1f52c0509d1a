import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { defaultPolicy, type HelpdeskPolicy } from '../src/config';
import { openDatabase, redactUrl, type Database } from '../src/db/data-source';

/**
 * What every benchmark shares: a fresh database of either kind, timing, and the figures it
 * reports. Benchmarks never read DATABASE_URL or TEST_DATABASE_URL: they make (and drop) a
 * database of their own on the server named by BENCH_DATABASE_URL, so they never touch data or
 * tests.
 */
export type DatabaseKind = 'pglite' | 'postgres';
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

export const DEFAULT_BENCH_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The server benchmarks create their databases on (its maintenance database, usually `postgres`). */
export function benchServerUrl(): string {
  const url = process.env.BENCH_DATABASE_URL?.trim();
  return url ? url : DEFAULT_BENCH_SERVER_URL;
}

/** Thrown when a figure cannot be measured here (no PostgreSQL server): the runner reports it and goes on. */
export class BenchSkip extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchSkip';
  }
}

let serverCheck: Promise<string | null> | undefined;

/** Null when the bench server answers, else why not (asked once per run). */
export function postgresUnavailable(): Promise<string | null> {
  serverCheck ??= (async () => {
    const url = benchServerUrl();
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (error) {
      return `no PostgreSQL server answers at ${redactUrl(url)} (${(error as Error).message}); set BENCH_DATABASE_URL to measure on one`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return serverCheck;
}

/** `url` with its database name replaced. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export interface BenchDatabase {
  kind: DatabaseKind;
  database: Database;
  dataSource: DataSource;
  /** A plain description for the report (never a password). */
  description: string;
  /** Closes the connections and removes the database (its folder, or DROP DATABASE on the server). */
  close(): Promise<void>;
}

/**
 * A fresh, migrated, empty store of this kind, private to the caller: PGlite in a new temporary
 * folder, or a new database `chatdesk_bench_<random>` on the bench server. Throws BenchSkip for
 * 'postgres' when no server answers.
 */
export async function openBenchDatabase(
  kind: DatabaseKind,
  options: { poolSize?: number } = {},
): Promise<BenchDatabase> {
  const poolSize = options.poolSize ?? 10;
  if (stopping) throw new Error('the benchmark run is stopping');
  if (kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-bench-'));
    const remove = async () => fs.rmSync(dataDir, { recursive: true, force: true });
    const database = await opening(remove, () => openDatabase({ dataDir, poolSize }));
    return track({
      kind,
      database,
      dataSource: database.dataSource,
      description: database.description,
      async close() {
        try {
          await database.close();
        } finally {
          await remove();
        }
      },
    });
  }

  const why = await postgresUnavailable();
  if (why) throw new BenchSkip(why);
  const serverUrl = benchServerUrl();
  const name = `chatdesk_bench_${randomBytes(8).toString('hex')}`;
  const drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const database = await opening(drop, async () => {
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    return openDatabase({ databaseUrl: withDatabaseName(serverUrl, name), dataDir: '', poolSize });
  });
  return track({
    kind,
    database,
    dataSource: database.dataSource,
    description: `${database.description} (dropped afterwards)`,
    async close() {
      try {
        await database.close();
      } finally {
        await drop();
      }
    },
  });
}

/** Opens a store, runs `work` on it, and always removes it again. */
export async function withBenchDatabase<T>(
  kind: DatabaseKind,
  options: { poolSize?: number },
  work: (db: BenchDatabase) => Promise<T>,
): Promise<T> {
  const db = await openBenchDatabase(kind, options);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** One statement on the bench server (CREATE or DROP DATABASE), on a connection of its own. */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Timing and statistics

/** Milliseconds since the timer started, with sub-millisecond resolution. */
export function startTimer(): () => number {
  const start = process.hrtime.bigint();
  return () => Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `work` and returns its result with the milliseconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const elapsed = startTimer();
  const result = await work();
  return { result, ms: elapsed() };
}

/** The p-th percentile (0–100) by linear interpolation between closest ranks; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(Math.max(p, 0), 100) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export interface ConcurrentRun {
  /** Wall-clock milliseconds from the first call to the last one's end. */
  totalMs: number;
  /** Milliseconds each call took, in the order they finished. */
  latenciesMs: number[];
  /** Calls completed per second over the whole run. */
  perSecond: number;
}

/**
 * Calls `work(0)` … `work(count - 1)` from `concurrency` callers at once, each taking the next index
 * as soon as its previous call returns. The first error stops the run and is thrown.
 */
export async function runConcurrently(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<unknown>,
): Promise<ConcurrentRun> {
  let next = 0;
  let failed: unknown;
  const latenciesMs: number[] = [];
  const elapsed = startTimer();
  const caller = async () => {
    while (failed === undefined && next < count) {
      const index = next++;
      const call = startTimer();
      try {
        await work(index);
      } catch (error) {
        failed ??= error;
        return;
      }
      latenciesMs.push(call());
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, caller));
  if (failed !== undefined) throw failed;
  const totalMs = elapsed();
  return { totalMs, latenciesMs, perSecond: count / (totalMs / 1000) };
}

// ---------------------------------------------------------------------------------------------
// Figures

/** Flat figure names (`open_tickets.postgres.ratio`) to numbers, or to a string saying why a figure is missing. */
export type Figures = Record<string, number | string | boolean | null>;

/** Rounds for display: 3 significant digits below 100, whole numbers above. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

/** Rounds a figure for the JSON report, keeping it readable without losing what matters. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A short distinct id for names made up during a run. */
export function runId(): string {
  return randomBytes(4).toString('hex');
}

// ---------------------------------------------------------------------------------------------
// Clean-up when a run is interrupted

/** What removes each store made and not yet removed: a whole store, or one still being opened. */
const cleanups = new Set<() => Promise<void>>();

/**
 * Runs `open` with a clean-up on record meanwhile, so an interrupted run waits for the store to
 * finish opening, then closes and removes it (removing an embedded store's folder while it is
 * still being written would leave files behind). A failed open removes what it left at once.
 */
async function opening(remove: () => Promise<void>, open: () => Promise<Database>): Promise<Database> {
  if (stopping) {
    await remove().catch(() => undefined);
    throw new Error('the benchmark run is stopping');
  }
  const pending = open();
  const cleanup = async () => {
    const database = await pending.catch(() => null);
    await database?.close().catch(() => undefined);
    await remove();
  };
  cleanups.add(cleanup);
  try {
    return await pending;
  } catch (error) {
    await remove().catch(() => undefined);
    throw error;
  } finally {
    cleanups.delete(cleanup);
  }
}

/** Makes `close` idempotent and remembers it until it has run, so an interrupted run can still remove the store. */
function track(db: BenchDatabase): BenchDatabase {
  const close = db.close.bind(db);
  let closing: Promise<void> | undefined;
  const closeOnce = () => {
    closing ??= close().finally(() => cleanups.delete(closeOnce));
    return closing;
  };
  cleanups.add(closeOnce);
  db.close = closeOnce;
  return db;
}

let stopping = false;

/**
 * Closes (and removes) every store a benchmark made and has not removed yet, and refuses new ones
 * from then on: an interrupted run's benchmarks are still running meanwhile.
 */
export async function closeAllBenchDatabases(): Promise<void> {
  stopping = true;
  while (cleanups.size > 0) await Promise.allSettled([...cleanups].map((cleanup) => cleanup()));
}

/**
 * The policy benches run the helpdesk with: the defaults, with the limits on opening tickets out
 * of reach (a bench opens hundreds as a few customers within seconds). They are still counted.
 */
export const BENCH_POLICY: HelpdeskPolicy = {
  ...defaultPolicy,
  maxOpenTickets: Number.MAX_SAFE_INTEGER,
  ticketsPerHour: Number.MAX_SAFE_INTEGER,
};
