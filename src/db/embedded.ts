import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { lockDataDir } from './data-dir-lock';

/**
 * The embedded store: PGlite (PostgreSQL compiled to WASM) keeping its files in a folder, served
 * over the PostgreSQL wire protocol on a loopback port the system picks, so the application uses
 * the ordinary `pg` driver on both stores. PGlite runs in a worker thread of its own.
 */
export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** What the database's thread holds, for /metrics and the bench. */
  memory(): Promise<EmbeddedMemory>;
}

/** The embedded database thread's memory, in bytes. */
export interface EmbeddedMemory {
  /** PostgreSQL's WebAssembly memory: shared buffers, caches, work memory. It grows and never shrinks. */
  wasmMemoryBytes: number | null;
  /** The thread's own V8 heap (PGlite's JavaScript, the socket server's buffers). */
  heapUsedBytes: number;
  heapTotalBytes: number;
  /** Memory outside that heap which its objects hold: the WebAssembly memory and file buffers. */
  externalBytes: number;
}

type WorkerMessage = { conn?: string; error?: string; stopped?: boolean; memory?: EmbeddedMemory };

export async function startEmbeddedPostgres(
  dataDir: string,
  options: { maxConnections: number },
): Promise<EmbeddedPostgres> {
  const dir = path.resolve(dataDir);
  const lock = lockDataDir(dir);
  const pgdataDir = path.join(dir, 'pgdata');
  try {
    if (!fs.existsSync(path.join(pgdataDir, 'PG_VERSION'))) await createDataFolder(pgdataDir);
  } catch (error) {
    lock.release();
    throw error;
  }
  const worker = new Worker(path.join(__dirname, 'pglite-worker.js'), {
    workerData: { pgdataDir, maxConnections: options.maxConnections },
  });
  try {
    const [first] = (await Promise.race([
      once(worker, 'message'),
      once(worker, 'error').then(([e]) => [{ error: String(e) }]),
    ])) as [WorkerMessage];
    if (!first.conn) throw new Error(`The embedded PostgreSQL did not start: ${first.error ?? 'no answer'}`);
    let stopping: Promise<void> | undefined;
    // The thread answers each question in the order asked.
    const memoryAnswers: Array<{ resolve(memory: EmbeddedMemory): void; reject(error: Error): void }> = [];
    let stopped: (reply: WorkerMessage) => void = () => undefined;
    worker.on('message', (reply: WorkerMessage) => {
      if (reply.memory) memoryAnswers.shift()?.resolve(reply.memory);
      else if (reply.stopped) stopped(reply);
    });
    return {
      url: `postgres://postgres@${first.conn}/postgres`,
      dataDir: dir,
      memory() {
        if (stopping) return Promise.reject(new Error('the embedded PostgreSQL is stopping'));
        return new Promise((resolve, reject) => {
          memoryAnswers.push({ resolve, reject });
          worker.postMessage('memory');
        });
      },
      stop() {
        stopping ??= (async () => {
          try {
            const done = new Promise<WorkerMessage>((resolve) => (stopped = resolve));
            worker.postMessage('stop');
            const reply = await done;
            if (reply.error) throw new Error(`The embedded PostgreSQL did not close cleanly: ${reply.error}`);
          } finally {
            for (const answer of memoryAnswers.splice(0)) answer.reject(new Error('the embedded PostgreSQL stopped'));
            await worker.terminate();
            lock.release();
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await worker.terminate();
    lock.release();
    throw error;
  }
}

/** Runs PostgreSQL's initdb in a process of its own, whose memory is all returned when it exits (see pglite-initdb.js). */
async function createDataFolder(pgdataDir: string): Promise<void> {
  const child = spawn(process.execPath, [path.join(__dirname, 'pglite-initdb.js'), pgdataDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0)
    throw new Error(
      `The embedded PostgreSQL could not create its data folder: ${stderr.trim() || `exit code ${code}`}`,
    );
}
