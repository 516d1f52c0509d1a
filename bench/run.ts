/**
 * `npm run bench`: measures and prints figures; it asserts nothing (a missed goal is reported, and
 * the exit code stays 0; only a crash exits 1).
 *
 *   npm run bench                      every benchmark at full size
 *   npm run bench -- --quick           small sizes, for a quick look
 *   npm run bench -- --only open       only benchmarks named by that word, else whose name contains it (comma-separate several)
 *   npm run bench -- --only sla        the SLA sweep (issue 7); --jobs-tickets sets its ticket count too
 *   npm run bench -- --db postgres     only on one kind of store (pglite or postgres)
 *   npm run bench -- --tickets 1000    tickets opened per run in the open-tickets benchmark
 *   npm run bench -- --jobs-tickets 200000 --jobs-pending 20000
 *   npm run bench -- --only look-alike  the look-alike incident search next to opening a ticket
 *   npm run bench -- --profile         also show which statements the services spend their time in
 *   npm run bench -- --json            the last line of output is one JSON object with every figure
 *
 * PostgreSQL figures use a database of their own, created on BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards; with no server there they
 * are skipped and the report says so.
 */
import {
  BenchSkip,
  DATABASE_KINDS,
  benchServerUrl,
  closeAllBenchDatabases,
  fmt,
  postgresUnavailable,
  round,
  type DatabaseKind,
  type Figures,
} from './common';
import { redactUrl } from '../src/db/data-source';
import { OPEN_TICKETS_GOAL, benchOpenTickets, type OpenTicketsResult } from './open-tickets';

interface Options {
  json: boolean;
  quick: boolean;
  only: string[];
  kinds: DatabaseKind[];
  tickets: number | null;
  concurrency: number;
  jobsTickets: number | null;
  jobsPending: number | null;
  deliveries: number | null;
  profile: boolean;
}

const USAGE =
  'usage: node dist/bench/run.js [--json] [--quick] [--only NAME[,NAME]] [--db pglite|postgres] [--tickets N] [--concurrency N] ' +
  '[--jobs-tickets N] [--jobs-pending N] [--deliveries N] [--profile]';

function parseArgs(argv: string[]): Options {
  const options: Options = {
    json: false,
    quick: false,
    only: [],
    kinds: [...DATABASE_KINDS],
    tickets: null,
    concurrency: 8,
    jobsTickets: null,
    jobsPending: null,
    deliveries: null,
    profile: false,
  };
  const count = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} needs a positive whole number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--json':
        options.json = true;
        break;
      case '--quick':
        options.quick = true;
        break;
      case '--profile':
        options.profile = true;
        break;
      case '--only': {
        const names = value();
        if (!names) throw new UsageError('--only needs a benchmark name (open, dispatcher, jobs, sla, discord, slack)');
        options.only.push(...names.split(',').map((n) => n.trim().toLowerCase()).filter(Boolean));
        break;
      }
      case '--db': {
        const kinds = (value() ?? '').split(',').map((k) => k.trim());
        if (kinds.length === 0 || kinds.some((k) => !DATABASE_KINDS.includes(k as DatabaseKind))) throw new UsageError('--db is pglite or postgres');
        options.kinds = kinds as DatabaseKind[];
        break;
      }
      case '--tickets':
        options.tickets = count(flag, value());
        break;
      case '--concurrency':
        options.concurrency = count(flag, value());
        break;
      case '--jobs-tickets':
        options.jobsTickets = count(flag, value());
        break;
      case '--jobs-pending':
        options.jobsPending = count(flag, value());
        break;
      case '--deliveries':
        options.deliveries = count(flag, value());
        break;
      case '--help':
      case '-h':
        throw new UsageError(USAGE, 0);
      default:
        throw new UsageError(`unknown option ${argv[i]}\n${USAGE}`);
    }
  }
  return options;
}

class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

/** Everything measured in this run, and how it is shown. */
class Report {
  readonly figures: Figures = {};
  crashed = false;
  constructor(private readonly json: boolean) {}

  /** A readable line: on stdout, where a person or a log collector reads the figures. */
  line(text: string): void {
    process.stdout.write(`${text}\n`);
  }

  /** Progress while a benchmark runs: stderr in --json mode, so stdout stays figures only. */
  progress = (text: string): void => {
    (this.json ? process.stderr : process.stdout).write(`  … ${text}\n`);
  };

  set(key: string, value: Figures[string]): void {
    this.figures[key] = typeof value === 'number' ? round(value) : value;
  }

  skipped(prefix: string, label: string, why: string): void {
    this.set(`${prefix}.skipped`, why);
    this.line(`${label}: skipped: ${why}`);
  }

  failed(prefix: string, label: string, error: unknown): void {
    this.crashed = true;
    const message = error instanceof Error ? error.message : String(error);
    this.set(`${prefix}.error`, message);
    this.line(`${label}: FAILED: ${message}`);
    if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  }
}

const isSkip = (error: unknown) => error instanceof BenchSkip || (error instanceof Error && /skip/i.test(error.name));

/** Runs one benchmark on one store: a skip is reported, an error is reported and marks the run crashed. */
async function measure(report: Report, prefix: string, label: string, kind: DatabaseKind, work: () => Promise<void>): Promise<void> {
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
// Issue 3: tickets opened per second through the services, next to hand-written SQL.

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
      const result = await benchOpenTickets(kind, { tickets, concurrency: options.concurrency, profile: options.profile, log: report.progress });
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
      report.line(`    ${(s.share * 100).toFixed(1).padStart(5)}%  ${String(s.calls).padStart(6)} × ${fmt(s.meanMs).padStart(6)} ms  ${s.sql}`);
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

/**
 * Reports what another benchmark returned. A `{ figures, lines }` result is shown as it says
 * (figure names relative to the benchmark and store); any other object is flattened into figures
 * (nested keys joined with dots) and shown one figure a line.
 */
function showResult(report: Report, prefix: string, label: string, result: unknown): void {
  if (result === undefined || result === null) {
    report.line(`${label}: done (no figures returned)`);
    return;
  }
  const shaped = result as { figures?: unknown; lines?: unknown };
  const figures: Figures = {};
  if (shaped.figures && typeof shaped.figures === 'object' && !Array.isArray(shaped.figures)) {
    flatten(shaped.figures as Record<string, unknown>, '', figures);
  } else if (Array.isArray(result)) {
    for (const item of result) {
      const f = item as { key?: unknown; name?: unknown; value?: unknown };
      const key = typeof f.key === 'string' ? f.key : typeof f.name === 'string' ? f.name : null;
      if (key) flatten({ [key]: f.value }, '', figures);
    }
  } else if (typeof result === 'object') {
    flatten(result as Record<string, unknown>, '', figures);
  } else {
    figures.value = typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean' ? result : String(result);
  }
  for (const [key, value] of Object.entries(figures)) report.set(`${prefix}.${key}`, value);

  if (Array.isArray(shaped.lines) && shaped.lines.every((l) => typeof l === 'string')) {
    for (const text of shaped.lines as string[]) report.line(text.startsWith(label) ? text : `${label}: ${text}`);
    return;
  }
  const entries = Object.entries(figures);
  if (entries.length === 0) {
    report.line(`${label}: done (no figures returned)`);
    return;
  }
  report.line(`${label}:`);
  const bench = prefix.split('.')[0];
  for (const [key, value] of entries) {
    if (value === '') continue;
    const goal = key.startsWith('goal') ? undefined : GOALS.find((g) => g.bench === bench && g.figure.test(key));
    const shown = typeof value === 'number' ? fmt(value) : String(value);
    const beside = goal && typeof value === 'number' ? ` (goal ${goal.text}${goal.met(value) ? '' : ': MISSED'})` : '';
    report.line(`  ${key}: ${shown}${beside}`);
  }
}

/** The goals the issues set for figures other benchmarks report, shown beside them. */
const GOALS: Array<{ bench: string; figure: RegExp; text: string; met: (value: number) => boolean }> = [
  // Issue 4: the auto-close and reminder jobs next to hand-written SQL, goal ≤ 1.5×.
  { bench: 'jobs', figure: /(^|_)ratio$/, text: '≤ 1.5', met: (v) => v <= 1.5 },
  // Issues 5 and 6: latency next to the bare library under the same burst, goal ≤ 1.2× the floor.
  // Issue 7: the SLA sweep next to hand-written SQL, goal ≤ 1.5×.
  { bench: 'sla_sweep', figure: /(^|_)ratio$/, text: '≤ 1.5', met: (v) => v <= 1.5 },
  { bench: 'discord', figure: /_ratio$/, text: '≤ 1.2', met: (v) => v <= 1.2 },
  { bench: 'slack', figure: /_ratio$/, text: '≤ 1.2', met: (v) => v <= 1.2 },
];

function flatten(value: Record<string, unknown>, prefix: string, into: Figures): void {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${snake(key)}` : snake(key);
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v === null) into[name] = v;
    else if (v instanceof Date) into[name] = v.toISOString();
    else if (Array.isArray(v)) {
      if (v.every((x) => typeof x === 'number')) v.forEach((x, i) => (into[`${name}.${i}`] = x as number));
    } else if (typeof v === 'object' && v !== undefined) flatten(v as Record<string, unknown>, name, into);
  }
}

/** `perSecond` → `per_second`, so every figure name has one style. */
function snake(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[\s-]+/g, '_').toLowerCase();
}

async function optionalBench(
  report: Report,
  options: Options,
  spec: { name: string; module: string; exportName: string; label: string; opts: (kind: DatabaseKind) => Record<string, unknown> },
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
    await measure(report, prefix, label, kind, async () => showResult(report, prefix, label, await fn(kind, spec.opts(kind))));
  }
}

/** The chat benches run the adapters against the local fakes on their own embedded store. */
async function chatBench(report: Report, options: Options, name: 'discord' | 'slack', exportName: string): Promise<void> {
  const fn = loadOptional(name, exportName) as unknown as ((opts: Record<string, unknown>) => Promise<Record<string, number>>) | null | Error;
  const label = `${name} [pglite]`;
  if (fn === null) return report.skipped(name, label, `bench/${name}.ts is not there yet`);
  if (fn instanceof Error) return report.failed(name, label, fn);
  const burst = options.quick ? 50 : 200;
  await measure(report, `${name}.pglite`, label, 'pglite', async () =>
    showResult(report, `${name}.pglite`, label, await fn({ customers: burst, requests: burst, ...(options.quick ? { rounds: 2 } : {}), log: report.progress })),
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
        // Issue 4: 1,000,000 tickets, 100,000 of them pending for more than 7 days.
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
        // Issue 8: the search for look-alike incidents with 100,000 earlier tickets stored.
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
        // Issue 7: 1,000,000 open tickets with running clocks, 10,000 of them due for a warning.
        opts: () => ({
          tickets: options.jobsTickets ?? (options.quick ? 50_000 : 1_000_000),
          due: options.quick ? 1_000 : 10_000,
          log: report.progress,
        }),
      }),
  },
  { name: 'discord', run: (report, options) => chatBench(report, options, 'discord', 'benchDiscord') },
  { name: 'slack', run: (report, options) => chatBench(report, options, 'slack', 'benchSlack') },
];

/**
 * Whether `--only` picks this benchmark: a word of some benchmark's name picks those with that
 * word (`sla` is sla_sweep, not slack); anything else picks the names containing it.
 */
function selected(name: string, only: string[]): boolean {
  if (only.length === 0) return true;
  const plain = name.replace(/_/g, '');
  const isWord = (o: string) => BENCHMARKS.some((b) => b.name.split('_').includes(o));
  return only.some((o) => (isWord(o) ? name.split('_').includes(o) : name.includes(o) || plain.includes(o.replace(/[_-]/g, ''))));
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
    process.stderr.write(`no benchmark matches --only ${options.only.join(',')} (there are: ${BENCHMARKS.map((b) => b.name).join(', ')})\n`);
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
      (options.kinds.includes('postgres') ? `; PostgreSQL ${why ? 'not available' : `at ${redactUrl(benchServerUrl())}`}` : ''),
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
