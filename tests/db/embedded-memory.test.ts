import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { openDatabase, type Database } from '../../src/db/data-source';
import { lockDataDir } from '../../src/db/data-dir-lock';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { registerEmbeddedStoreMetrics } from '../../src/http/embedded-store-metrics';

const MiB = 1024 * 1024;

describe("the embedded store's memory", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-memory-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  let database: Database;
  beforeAll(async () => {
    const dataDir = path.join(root, 'store');
    fs.cpSync(process.env.CHATDESK_PGLITE_TEMPLATE!, dataDir, { recursive: true });
    fs.rmSync(path.join(dataDir, 'chatdesk.lock'), { force: true });
    database = await openDatabase({ dataDir, poolSize: 2 });
  });
  afterAll(() => database?.close());

  test('PostgreSQL inside it runs with buffers sized for one process, not the 128MB initdb writes', async () => {
    const show = async (name: string) => (await database.dataSource.query(`SHOW ${name}`))[0][name];
    expect(await show('shared_buffers')).toBe('8MB');
    expect(await show('maintenance_work_mem')).toBe('16MB');
  });

  test('its thread reports its WebAssembly memory and heap, and /metrics shows them', async () => {
    const memory = await database.embedded!.memory();
    // PGlite's module starts at 128 MiB (its declared minimum) and grows in 64 KiB pages.
    expect(memory.wasmMemoryBytes).toBeGreaterThanOrEqual(128 * MiB);
    expect(memory.wasmMemoryBytes! % (64 * 1024)).toBe(0);
    expect(memory.heapUsedBytes).toBeGreaterThan(0);
    expect(memory.heapTotalBytes).toBeGreaterThanOrEqual(memory.heapUsedBytes);
    expect(memory.externalBytes).toBeGreaterThanOrEqual(memory.wasmMemoryBytes!);

    const registry = new Registry();
    registerEmbeddedStoreMetrics(registry, database.embedded!);
    const text = await registry.metrics();
    const figure = (part: string) =>
      Number(new RegExp(`^helpdesk_embedded_store_memory_bytes\\{part="${part}"\\} (\\d+)$`, 'm').exec(text)?.[1]);
    expect(figure('wasm')).toBe(memory.wasmMemoryBytes); // it only grows, and nothing ran in between
    for (const part of ['heap_used', 'heap_total', 'external']) expect(figure(part)).toBeGreaterThan(0);
  });

  test('a question asked of a stopped store is refused rather than left waiting', async () => {
    const dataDir = path.join(root, 'stopped');
    fs.cpSync(process.env.CHATDESK_PGLITE_TEMPLATE!, dataDir, { recursive: true });
    fs.rmSync(path.join(dataDir, 'chatdesk.lock'), { force: true });
    const embedded = await startEmbeddedPostgres(dataDir, { maxConnections: 2 });
    await embedded.stop();
    await expect(embedded.memory()).rejects.toThrow(/stopping/);
  });

  test('a data folder that cannot be created is refused with the reason, and the folder is not left locked', async () => {
    const dataDir = path.join(root, 'blocked');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'pgdata'), 'a file where the database folder belongs');
    await expect(startEmbeddedPostgres(dataDir, { maxConnections: 2 })).rejects.toThrow(
      /could not create its data folder/,
    );
    lockDataDir(dataDir).release(); // would throw DataDirLockedError if the failed start had kept it
  });
});
