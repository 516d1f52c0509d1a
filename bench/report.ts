import { fmt, round, type Figures } from './common';

/** Everything measured in this run, and how it is shown. */
export class Report {
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

/**
 * Reports what another benchmark returned. A `{ figures, lines }` result is shown as it says
 * (figure names relative to the benchmark and store); any other object is flattened into figures
 * (nested keys joined with dots) and shown one figure a line.
 */
export function showResult(report: Report, prefix: string, label: string, result: unknown): void {
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
    figures.value =
      typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean' ? result : String(result);
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
  // The auto-close and reminder jobs next to hand-written SQL, goal ≤ 1.5×.
  { bench: 'jobs', figure: /(^|_)ratio$/, text: '≤ 1.5', met: (v) => v <= 1.5 },
  // Discord and Slack: latency next to the bare library under the same burst, goal ≤ 1.2× the floor.
  // The SLA sweep next to hand-written SQL, goal ≤ 1.5×.
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
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
}
