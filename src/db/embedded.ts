import path from 'node:path';
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
}

type WorkerMessage = { conn?: string; error?: string; stopped?: boolean };

export async function startEmbeddedPostgres(
  dataDir: string,
  options: { maxConnections: number },
): Promise<EmbeddedPostgres> {
  const dir = path.resolve(dataDir);
  const lock = lockDataDir(dir);
  const worker = new Worker(path.join(__dirname, 'pglite-worker.js'), {
    workerData: { pgdataDir: path.join(dir, 'pgdata'), maxConnections: options.maxConnections },
  });
  try {
    const [first] = (await Promise.race([
      once(worker, 'message'),
      once(worker, 'error').then(([e]) => [{ error: String(e) }]),
    ])) as [WorkerMessage];
    if (!first.conn) throw new Error(`The embedded PostgreSQL did not start: ${first.error ?? 'no answer'}`);
    let stopping: Promise<void> | undefined;
    return {
      url: `postgres://postgres@${first.conn}/postgres`,
      dataDir: dir,
      stop() {
        stopping ??= (async () => {
          try {
            const done = once(worker, 'message');
            worker.postMessage('stop');
            const [reply] = (await done) as [WorkerMessage];
            if (reply.error) throw new Error(`The embedded PostgreSQL did not close cleanly: ${reply.error}`);
          } finally {
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
