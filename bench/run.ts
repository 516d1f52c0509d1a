/**
 * `npm run bench`: measures and prints figures; it asserts nothing (a missed goal is reported, and
 * the exit code stays 0; only a crash exits 1).
 *
 *   npm run bench                      every benchmark at full size
 *   npm run bench -- --quick           small sizes, for a quick look
 *   npm run bench -- --only open       only benchmarks named by that word, else whose name contains it (comma-separate several)
 *   npm run bench -- --only sla        the SLA sweep; --jobs-tickets sets its ticket count too
 *   npm run bench -- --db postgres     only on one kind of store (pglite or postgres)
 *   npm run bench -- --tickets 1000    tickets opened per run in the open-tickets benchmark
 *   npm run bench -- --jobs-tickets 200000 --jobs-pending 20000
 *   npm run bench -- --only look-alike  the look-alike incident search next to opening a ticket
 *   npm run bench -- --only memory     resident memory of the app's process, idle and under bursts, on each store
 *   npm run bench -- --profile         also show which statements the services spend their time in
 *   npm run bench -- --only start      seconds from `npm start` to the first /healthz (embedded store)
 *   npm run bench -- --json            the last line of output is one JSON object with every figure
 *
 * PostgreSQL figures use a database of their own, created on BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards; with no server there they
 * are skipped and the report says so.
 */
import {
  BenchSkip,
  benchServerUrl,
  closeAllBenchDatabases,
  fmt,
  postgresUnavailable,
  type DatabaseKind,
} from './common';
import { UsageError, parseArgs, type Options } from './options';
import { Report, showResult } from './report';
import { redactUrl } from '../src/db/data-source';
import { OPEN_TICKETS_GOAL, benchOpenTickets, type OpenTicketsResult } from './open-tickets';
import { START_UP_GOAL_S, benchStartUp } from './start-up';

const isSkip = (error: unknown) => error instanceof BenchSkip || (error instanceof Error && /skip/i.test(error.name));

/** Runs one benchmark on one store: a skip is reported, an error is reported and marks the run crashed. */
async function measure(
  report: Report,
  prefix: string,
  label: string,
  kind: DatabaseKind,
  work: () => Promise<void>,
): Promise<void> {
  if (kind === 'postgres') {
    const why = await postgresUnavailable();
    if (why) return report.skipped(prefix, label, why);
  }
  try {
    await work();
  } catch (error) {
    if (isSkip(error)) report.skipped(prefix, label, (error as Error).message);
    else report.failed(prefix, label, error);
  }
}

// ---------------------------------------------------------------------------------------------
// Tickets opened per second through the services, next to hand-written SQL.

const OPEN_TICKETS_SIZES: Record<DatabaseKind, { full: number; quick: number }> = {
  pglite: { full: 500, quick: 100 },
  postgres: { full: 2000, quick: 300 },
};

async function openTickets(report: Report, options: Options): Promise<void> {
  report.set('open_tickets.goal_ratio_min', OPEN_TICKETS_GOAL);
  for (const kind of options.kinds) {
    const prefix = `open_tickets.${kind}`;
    const label = `open tickets [${kind}]`;
    await measure(report, prefix, label, kind, async () => {
      const tickets = options.tickets ?? OPEN_TICKETS_SIZES[kind][options.quick ? 'quick' : 'full'];
      const result = await benchOpenTickets(kind, {
        tickets,
        concurrency: options.concurrency,
        profile: options.profile,
        log: report.progress,
      });
      showOpenTickets(report, prefix, label, result);
    });
  }
}

function showOpenTickets(report: Report, prefix: string, label: string, r: OpenTicketsResult): void {
  const met = r.ratio >= OPEN_TICKETS_GOAL;
  report.line(
    `${label}: services ${fmt(r.servicesPerSec)}/s, hand SQL ${fmt(r.handSqlPerSec)}/s, ratio ${fmt(r.ratio)} ` +
      `(goal ≥ ${OPEN_TICKETS_GOAL}${met ? '' : ': MISSED'})`,
  );
  const rates = (xs: number[]) => xs.map((x) => fmt(x)).join(', ');
  report.line(
    `  ${r.tickets} tickets a side at ${r.concurrency} callers, medians of ${r.rounds} rounds (services ${rates(r.services.roundsPerSec)}/s; ` +
      `hand SQL ${rates(r.handSql.roundsPerSec)}/s)`,
  );
  report.line(
    `  latency p50/p99: services ${fmt(r.services.p50Ms)}/${fmt(r.services.p99Ms)} ms, ` +
      `hand SQL ${fmt(r.handSql.p50Ms)}/${fmt(r.handSql.p99Ms)} ms; per ticket ${fmt(r.services.eventsPerTicket)} events, ` +
      `${fmt(r.services.deliveriesPerTicket)} deliveries; supporter loads within ${r.services.loadSpread} (services), ${r.handSql.loadSpread} (hand SQL)`,
  );
  for (const mismatch of r.mismatches) report.line(`  WARNING: the two sides wrote differently: ${mismatch}`);
  if (r.profile) {
    report.line(`  services: ${fmt(r.profile.statementsPerTicket)} statements per ticket; where their time goes:`);
    for (const s of r.profile.top) {
      report.line(
        `    ${(s.share * 100).toFixed(1).padStart(5)}%  ${String(s.calls).padStart(6)} × ${fmt(s.meanMs).padStart(6)} ms  ${s.sql}`,
      );
    }
    report.set(`${prefix}.services_statements_per_ticket`, r.profile.statementsPerTicket);
  }
  report.set(`${prefix}.tickets`, r.tickets);
  report.set(`${prefix}.concurrency`, r.concurrency);
  report.set(`${prefix}.rounds`, r.rounds);
  report.set(`${prefix}.services_per_sec`, r.servicesPerSec);
  report.set(`${prefix}.hand_sql_per_sec`, r.handSqlPerSec);
  report.set(`${prefix}.ratio`, r.ratio);
  report.set(`${prefix}.goal_met`, met);
  report.set(`${prefix}.services_p50_ms`, r.services.p50Ms);
  report.set(`${prefix}.services_p99_ms`, r.services.p99Ms);
  report.set(`${prefix}.hand_sql_p50_ms`, r.handSql.p50Ms);
  report.set(`${prefix}.hand_sql_p99_ms`, r.handSql.p99Ms);
  report.set(`${prefix}.events_per_ticket`, r.services.eventsPerTicket);
  report.set(`${prefix}.deliveries_per_ticket`, r.services.deliveriesPerTicket);
  if (r.mismatches.length > 0) report.set(`${prefix}.mismatch`, r.mismatches.join('; '));
}

// ---------------------------------------------------------------------------------------------
// How long a user waits for the helpdesk after `npm start` (the build current).

async function startUp(report: Report): Promise<void> {
  const label = 'start-up [pglite]';
  await measure(report, 'start_up.pglite', label, 'pglite', async () => {
    const r = await benchStartUp({ log: report.progress });
    const missed = (s: number) => (s <= START_UP_GOAL_S ? '' : ': MISSED');
    report.line(
      `${label}: first /healthz after npm start ${fmt(r.freshS)} s on an empty data folder (goal ≤ ${START_UP_GOAL_S} s${missed(r.freshS)}), ` +
        `${fmt(r.restartS)} s on a restart (goal ≤ ${START_UP_GOAL_S} s${missed(r.restartS)})`,
    );
    report.set('start_up.pglite.goal_s_max', START_UP_GOAL_S);
    report.set('start_up.pglite.first_healthz_fresh_s', r.freshS);
    report.set('start_up.pglite.first_healthz_restart_s', r.restartS);
    report.set('start_up.pglite.goal_met', r.freshS <= START_UP_GOAL_S && r.restartS <= START_UP_GOAL_S);
  });
}

// ---------------------------------------------------------------------------------------------
// Benchmarks other issues add: loaded only when their module exists, so this runner works first.

type BenchFunction = (kind: DatabaseKind, opts: Record<string, unknown>) => Promise<unknown>;

/** The named export of ./<module>, null when that module is not there (yet), or the error loading it. */
function loadOptional(moduleName: string, exportName: string): BenchFunction | null | Error {
  const id = `./${moduleName}`;
  let loaded: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(id) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(`'${id}'`)) return null;
    return error instanceof Error ? error : new Error(String(error));
  }
  const fn = loaded[exportName];
  return typeof fn === 'function' ? (fn as BenchFunction) : new Error(`${id} has no function ${exportName}`);
}

async function optionalBench(
  report: Report,
  options: Options,
  spec: {
    name: string;
    module: string;
    exportName: string;
    label: string;
    opts: (kind: DatabaseKind) => Record<string, unknown>;
  },
): Promise<void> {
  const fn = loadOptional(spec.module, spec.exportName);
  if (fn === null) {
    report.skipped(spec.name, spec.label, `bench/${spec.module}.ts is not there yet`);
    return;
  }
  if (fn instanceof Error) {
    report.failed(spec.name, spec.label, fn);
    return;
  }
  for (const kind of options.kinds) {
    const prefix = `${spec.name}.${kind}`;
    const label = `${spec.label} [${kind}]`;
    await measure(report, prefix, label, kind, async () =>
      showResult(report, prefix, label, await fn(kind, spec.opts(kind))),
    );
  }
}

/** The chat benches run the adapters against the local fakes on their own embedded store. */
async function chatBench(
  report: Report,
  options: Options,
  name: 'discord' | 'slack',
  exportName: string,
): Promise<void> {
  const fn = loadOptional(name, exportName) as unknown as
    ((opts: Record<string, unknown>) => Promise<Record<string, number>>) | null | Error;
  const label = `${name} [pglite]`;
  if (fn === null) return report.skipped(name, label, `bench/${name}.ts is not there yet`);
  if (fn instanceof Error) return report.failed(name, label, fn);
  const burst = options.quick ? 50 : 200;
  await measure(report, `${name}.pglite`, label, 'pglite', async () =>
    showResult(
      report,
      `${name}.pglite`,
      label,
      await fn({ customers: burst, requests: burst, ...(options.quick ? { rounds: 2 } : {}), log: report.progress }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------

const BENCHMARKS: Array<{ name: string; run: (report: Report, options: Options) => Promise<void> }> = [
  { name: 'open_tickets', run: openTickets },
  {
    name: 'dispatcher',
    run: (report, options) =>
      optionalBench(report, options, {
        name: 'dispatcher',
        module: 'dispatcher',
        exportName: 'benchDispatcher',
        label: 'dispatcher',
        opts: () => ({
          quick: options.quick,
          ...(options.deliveries ? { deliveries: options.deliveries } : {}),
          log: report.progress,
        }),
      }),
  },
  {
    name: 'jobs',
    run: (report, options) =>
      optionalBench(report, options, {
        name: 'jobs',
        module: 'jobs',
        exportName: 'benchJobs',
        label: 'jobs',
        // The jobs: 1,000,000 tickets, 100,000 of them pending for more than 7 days.
        opts: () => ({
          quick: options.quick,
          tickets: options.jobsTickets ?? (options.quick ? 50_000 : 1_000_000),
          pending: options.jobsPending ?? (options.quick ? 5_000 : 100_000),
          log: report.progress,
        }),
      }),
  },
  {
    name: 'look_alike',
    run: (report, options) =>
      optionalBench(report, options, {
        name: 'look_alike',
        module: 'look-alike',
        exportName: 'benchLookAlike',
        label: 'look-alike',
        // The search for look-alike incidents with 100,000 earlier tickets stored.
        opts: () => ({ quick: options.quick, log: report.progress }),
      }),
  },
  {
    name: 'sla_sweep',
    run: (report, options) =>
      optionalBench(report, options, {
        name: 'sla_sweep',
        module: 'sla-sweep',
        exportName: 'benchSlaSweep',
        label: 'sla sweep',
        // The SLA sweep: 1,000,000 open tickets with running clocks, 10,000 of them due for a warning.
        opts: () => ({
          tickets: options.jobsTickets ?? (options.quick ? 50_000 : 1_000_000),
          due: options.quick ? 1_000 : 10_000,
          log: report.progress,
        }),
      }),
  },
  {
    name: 'memory',
    run: (report, options) =>
      optionalBench(report, options, {
        name: 'memory',
        module: 'memory',
        exportName: 'benchMemory',
        label: 'memory',
        // Resident memory of the app's own process, idle and under the 200-/ticket bursts.
        opts: () => ({ customers: options.quick ? 50 : 200, rounds: options.quick ? 1 : 2, log: report.progress }),
      }),
  },
  { name: 'discord', run: (report, options) => chatBench(report, options, 'discord', 'benchDiscord') },
  { name: 'slack', run: (report, options) => chatBench(report, options, 'slack', 'benchSlack') },
  { name: 'start_up', run: (report) => startUp(report) },
];

/**
 * Whether `--only` picks this benchmark: a word of some benchmark's name picks those with that
 * word (`sla` is sla_sweep, not slack); anything else picks the names containing it.
 */
function selected(name: string, only: string[]): boolean {
  if (only.length === 0) return true;
  const plain = name.replace(/_/g, '');
  const isWord = (o: string) => BENCHMARKS.some((b) => b.name.split('_').includes(o));
  return only.some((o) =>
    isWord(o) ? name.split('_').includes(o) : name.includes(o) || plain.includes(o.replace(/[_-]/g, '')),
  );
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      (error.exitCode === 0 ? process.stdout : process.stderr).write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
  const report = new Report(options.json);
  const benchmarks = BENCHMARKS.filter((b) => selected(b.name, options.only));
  if (benchmarks.length === 0) {
    process.stderr.write(
      `no benchmark matches --only ${options.only.join(',')} (there are: ${BENCHMARKS.map((b) => b.name).join(', ')})\n`,
    );
    return 2;
  }

  const interrupted = async (signal: NodeJS.Signals) => {
    interruptedBy = signal;
    process.stderr.write(`\n${signal}: removing the benchmark databases…\n`);
    await closeAllBenchDatabases();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  const started = Date.now();
  const why = options.kinds.includes('postgres') ? await postgresUnavailable() : null;
  report.line(
    `chatdesk bench${options.quick ? ' (quick)' : ''}: node ${process.version}, stores ${options.kinds.join(' and ')}` +
      (options.kinds.includes('postgres')
        ? `; PostgreSQL ${why ? 'not available' : `at ${redactUrl(benchServerUrl())}`}`
        : ''),
  );
  report.set('run.quick', options.quick);
  report.set('run.node', process.version);
  for (const benchmark of benchmarks) {
    try {
      await benchmark.run(report, options);
    } catch (error) {
      report.failed(benchmark.name, benchmark.name, error);
    }
  }
  await closeAllBenchDatabases();
  report.set('run.seconds', (Date.now() - started) / 1000);
  report.line(`done in ${fmt((Date.now() - started) / 1000)} s${report.crashed ? ', with failures' : ''}`);

  if (options.json) await writeLast(JSON.stringify(report.figures));
  return report.crashed ? 1 : 0;
}

/** Writes the final line and waits until it is out, so nothing printed later can follow it. */
function writeLast(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text ? `${text}\n` : '', () => resolve()));
}

/** Set when a signal stops the run: its handler removes the stores and exits with 130. */
let interruptedBy: NodeJS.Signals | null = null;

main().then(
  async (code) => {
    if (interruptedBy) return; // the signal's handler exits once the stores are removed
    await writeLast(''); // lets what is still buffered for stdout out before exiting
    process.exit(code);
  },
  async (error) => {
    if (interruptedBy) return;
    process.stderr.write(`bench crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await closeAllBenchDatabases();
    process.exit(1);
  },
);
