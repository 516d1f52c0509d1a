import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { FakeDiscord, SUPPORT_CHANNEL_ID, STAFF_CHANNEL_ID } from '../src/simulator/discord/fake-discord';
import { slashCommand, submitTicketForm } from '../src/simulator/discord/interactions';
import { startAppProcess, scrapeMetrics, type AppProcess } from './app-process';
import { BenchSkip, adminQuery, benchServerUrl, fmt, postgresUnavailable, round, withDatabaseName } from './common';
import type { DatabaseKind } from './common';
import {
  peakResidentMb,
  residentBreakdown,
  residentMb,
  resetPeak,
  sampleResident,
  treeResidentMb,
} from './process-memory';
import { unrelatedTicket } from './unrelated-tickets';

/**
 * Resident memory of the helpdesk as a server runs it (`node dist/src/main.js`, a process of its
 * own, connected to a local fake Discord): idle after start, before any traffic (WebAssembly
 * memory never shrinks, so the first bursts would set the idle figure for good), then the peak
 * while `customers` people run `/ticket` at once and then submit the form at once, `rounds`
 * times, until every ticket's thread and card exist; then idle again after a restart on the same
 * store, with those tickets stored. Beside each figure: where the memory lies (WebAssembly memory,
 * other anonymous memory, mapped files; the main thread's and the database thread's V8 heaps).
 */
export const MEMORY_GOALS_MB: Record<DatabaseKind, { idle: number; peak: number | null }> = {
  pglite: { idle: 250, peak: 400 },
  postgres: { idle: 150, peak: null },
};

export interface MemoryBenchOptions {
  customers?: number;
  rounds?: number;
  log?: (line: string) => void;
}

const PHASE_TIMEOUT_MS = 180_000;
/** After start: time for what runs once (catch-up, the first job rounds) to finish before idle is read. */
const SETTLE_MS = 3_000;
/** Idle is the highest of the samples over this long. */
const IDLE_WINDOW_MS = 3_000;
const DISCORD_READY = 'discord adapter ready';

const MB = 1024 * 1024;

/** A store of this kind, new and empty, and the settings that point the app at it. */
async function newStore(kind: DatabaseKind): Promise<{ env: Record<string, string>; remove(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-bench-memory-'));
  const removeDir = async () => fs.rmSync(dir, { recursive: true, force: true });
  if (kind === 'pglite') return { env: { DATA_DIR: path.join(dir, 'data') }, remove: removeDir };
  const why = await postgresUnavailable();
  if (why) {
    await removeDir();
    throw new BenchSkip(why);
  }
  const server = benchServerUrl();
  const name = `chatdesk_bench_${randomBytes(8).toString('hex')}`;
  await adminQuery(server, `CREATE DATABASE ${name}`);
  return {
    env: { DATABASE_URL: withDatabaseName(server, name), DATA_DIR: path.join(dir, 'data') },
    async remove() {
      await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await removeDir();
    },
  };
}

async function waitUntil(check: () => boolean, what: string): Promise<void> {
  const until = Date.now() + PHASE_TIMEOUT_MS;
  while (!check()) {
    if (Date.now() > until) throw new Error(`memory bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Cards (bot messages with an embed in a ticket thread) and queue posts (bot messages in the staff channel) so far. */
function posted(fake: FakeDiscord): { cards: number; queue: number } {
  const cards = fake
    .threadsIn(SUPPORT_CHANNEL_ID)
    .flatMap((thread) => fake.messagesIn(thread.id))
    .filter((m) => m.author?.bot && (m.embeds?.length ?? 0) > 0).length;
  const queue = fake.messagesIn(STAFF_CHANNEL_ID).filter((m) => m.author?.bot).length;
  return { cards, queue };
}

/** Fires one interaction per customer at once and waits until each has its first answer. */
async function burst(fake: FakeDiscord, count: number, fire: (i: number) => Promise<string>, what: string) {
  const before = new Set(fake.answers.keys());
  // Each interaction is dispatched before fire returns; its own 5 s wait may run out under the burst, ours does not.
  const calls = Array.from({ length: count }, (_, i) => fire(i).catch(() => undefined));
  const ids = [...fake.answers.keys()].filter((id) => !before.has(id));
  await waitUntil(() => ids.every((id) => (fake.answers.get(id)?.length ?? 0) > 0), `${what}: every first answer`);
  await Promise.all(calls);
}

/** The app's own account of its memory (MB): the main thread's V8 heap, and the database thread's where embedded. */
async function heapsMb(port: number): Promise<Record<string, number>> {
  const metrics = await scrapeMetrics(port);
  const mb = (name: string) => (metrics.has(name) ? round(metrics.get(name)! / MB, 1) : undefined);
  const figures: Record<string, number | undefined> = {
    main_heap_used_mb: mb('nodejs_heap_size_used_bytes'),
    main_heap_total_mb: mb('nodejs_heap_size_total_bytes'),
    main_external_mb: mb('nodejs_external_memory_bytes'),
    store_wasm_memory_mb: mb('helpdesk_embedded_store_memory_bytes{part="wasm"}'),
    store_heap_used_mb: mb('helpdesk_embedded_store_memory_bytes{part="heap_used"}'),
    store_heap_total_mb: mb('helpdesk_embedded_store_memory_bytes{part="heap_total"}'),
  };
  return Object.fromEntries(Object.entries(figures).filter((e): e is [string, number] => e[1] !== undefined));
}

/** Where the memory lies now: the kernel's split by mapping, and the app's heaps. */
async function breakdown(app: AppProcess): Promise<Record<string, number>> {
  const resident = residentBreakdown(app.pid);
  return {
    wasm_memory_resident_mb: round(resident.wasmMemory, 1),
    other_anonymous_mb: round(resident.otherAnonymous, 1),
    files_and_brk_mb: round(resident.filesAndBrk, 1),
    ...(await heapsMb(app.port)),
  };
}

function describe(b: Record<string, number>): string {
  const parts = [
    `WebAssembly memory ${fmt(b.wasm_memory_resident_mb)} resident` +
      (b.store_wasm_memory_mb !== undefined ? ` of ${fmt(b.store_wasm_memory_mb)}` : ''),
    `other anonymous ${fmt(b.other_anonymous_mb)}`,
    `files ${fmt(b.files_and_brk_mb)}`,
    `main heap ${fmt(b.main_heap_used_mb)}/${fmt(b.main_heap_total_mb)} (external ${fmt(b.main_external_mb)})`,
  ];
  if (b.store_heap_used_mb !== undefined)
    parts.push(`database thread heap ${fmt(b.store_heap_used_mb)}/${fmt(b.store_heap_total_mb)}`);
  return `${parts.join(', ')} MB`;
}

/** Starts the app on the store and the fake, waits until it is connected and settled, and reads its idle memory. */
async function startAndIdle(env: Record<string, string>, cwd: string) {
  let starting: ReturnType<typeof sampleResident> | undefined;
  const app = await startAppProcess(env, cwd, {
    onSpawn: (pid) => (starting = sampleResident(pid, 50, treeResidentMb)),
  });
  try {
    await app.logged(DISCORD_READY);
    const startPeakMb = starting!.stop().maxMb;
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const sampler = sampleResident(app.pid, 100);
    await new Promise((r) => setTimeout(r, IDLE_WINDOW_MS));
    return { app, startPeakMb, idleMb: sampler.stop().maxMb, breakdown: await breakdown(app) };
  } catch (error) {
    await app.stop();
    throw error;
  }
}

export async function benchMemory(
  kind: DatabaseKind,
  opts: MemoryBenchOptions = {},
): Promise<{ figures: Record<string, number | boolean>; lines: string[] }> {
  const customers = opts.customers ?? 200;
  const rounds = opts.rounds ?? 2;
  const goal = MEMORY_GOALS_MB[kind];
  const store = await newStore(kind);
  const fake = await new FakeDiscord().start();
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-bench-cwd-'));
  const env = { ...store.env, ...fake.settingsEnv };
  try {
    opts.log?.(`memory [${kind}]: starting the app on a new store…`);
    const first = await startAndIdle(env, cwd);
    let peakMb: number;
    let burstSeconds: number;
    let after: Record<string, number>;
    try {
      const people = Array.from({ length: customers }, (_, i) => fake.user(`customer${i}`));
      const kernelPeak = resetPeak(first.app.pid);
      const sampler = sampleResident(first.app.pid);
      const started = Date.now();
      for (let round = 0; round < rounds; round++) {
        opts.log?.(
          `memory [${kind}]: ${customers} × /ticket at once, then ${customers} submissions (round ${round + 1})…`,
        );
        await burst(fake, customers, (i) => slashCommand(fake, people[i], 'ticket', SUPPORT_CHANNEL_ID), '/ticket');
        await burst(
          fake,
          customers,
          (i) =>
            submitTicketForm(
              fake,
              people[i],
              SUPPORT_CHANNEL_ID,
              'ticket-form',
              unrelatedTicket(round * customers + i),
            ),
          'submissions',
        );
        const expected = (round + 1) * customers;
        await waitUntil(() => {
          const now = posted(fake);
          return now.cards >= expected && now.queue >= expected;
        }, `${expected} cards and queue posts`);
      }
      burstSeconds = (Date.now() - started) / 1000;
      const sampled = sampler.stop().maxMb;
      peakMb = kernelPeak ? Math.max(sampled, peakResidentMb(first.app.pid)) : sampled;
      after = await breakdown(first.app);
      after.resident_mb = round(residentMb(first.app.pid), 1);
    } finally {
      await first.app.stop();
    }
    opts.log?.(`memory [${kind}]: restarting on the same store…`);
    const again = await startAndIdle(env, cwd);
    await again.app.stop();

    const idleMet = first.idleMb <= goal.idle && again.idleMb <= goal.idle;
    const peakMet = goal.peak === null ? null : peakMb <= goal.peak;
    const beside = (value: number, limit: number | null) =>
      limit === null ? '(no goal)' : `(goal ≤ ${limit}${value <= limit ? '' : ': MISSED'})`;
    const figures: Record<string, number | boolean> = {
      idle_mb: round(first.idleMb, 1),
      restart_idle_mb: round(again.idleMb, 1),
      idle_goal_mb: goal.idle,
      idle_goal_met: idleMet,
      peak_mb: round(peakMb, 1),
      first_start_peak_mb: round(first.startPeakMb, 1),
      restart_peak_mb: round(again.startPeakMb, 1),
      ...(goal.peak === null ? {} : { peak_goal_mb: goal.peak, peak_goal_met: peakMet === true }),
      customers,
      rounds,
      burst_seconds: round(burstSeconds, 1),
    };
    for (const [key, value] of Object.entries(first.breakdown)) figures[`idle.${key}`] = value;
    for (const [key, value] of Object.entries(again.breakdown)) figures[`restart_idle.${key}`] = value;
    for (const [key, value] of Object.entries(after)) figures[`after_bursts.${key}`] = value;
    return {
      figures,
      lines: [
        `memory [${kind}]: resident, idle after the first start ${fmt(first.idleMb)} MB ${beside(first.idleMb, goal.idle)}, ` +
          `after a restart ${fmt(again.idleMb)} MB ${beside(again.idleMb, goal.idle)}`,
        `peak during ${rounds} × ${customers} /ticket and form bursts ${fmt(peakMb)} MB ${beside(peakMb, goal.peak)} ` +
          `(${fmt(burstSeconds)} s until every card was posted)`,
        `while starting (helper processes included; no goal): first start ${fmt(first.startPeakMb)} MB at most` +
          (kind === 'pglite' ? ' (PostgreSQL creates its data folder)' : '') +
          `, a restart ${fmt(again.startPeakMb)} MB`,
        `idle: ${describe(first.breakdown)}`,
        `after the bursts: ${fmt(after.resident_mb)} MB resident: ${describe(after)}`,
        `idle after the restart: ${describe(again.breakdown)}`,
      ],
    };
  } finally {
    await fake.stop();
    fs.rmSync(cwd, { recursive: true, force: true });
    await store.remove();
  }
}
