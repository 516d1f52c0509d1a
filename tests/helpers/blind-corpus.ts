import outagesA from '../fixtures/blind-incidents/outages-a.json';
import outagesB from '../fixtures/blind-incidents/outages-b.json';
import unrelated from '../fixtures/blind-incidents/unrelated.json';

/**
 * The blind corpus (tests/fixtures/blind-incidents, kept as its writers left it): 16 outage kinds
 * and some 230 one-off incidents of the same hours, written by people who never saw the code, its
 * vocabulary or the older corpus. Split by outage with a fixed seed: the tuning half is the only
 * one thresholds were chosen on; the measuring half is only ever measured, and tests print its
 * figures, outage slugs and styles, never its texts.
 */
export interface BlindReport {
  id: string;
  /** The outage it reports (a slug); null for a one-off. */
  outage: string | null;
  customer: string;
  /** Minutes after the start of the day. */
  minute: number;
  language: string;
  style: string;
  title: string;
  description: string;
}

export type BlindHalf = 'tune' | 'measure';

/** A seeded generator (mulberry32): the same split and orders on every run and machine. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seeded(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const SPLIT_SEED = 20261205;
const outages = [...(outagesA as BlindReport[]), ...(outagesB as BlindReport[])];
const oneOffs = unrelated as BlindReport[];

/** The outage kinds of each half: half of them, chosen at random with a fixed seed. */
export function outageKinds(half: BlindHalf): string[] {
  const kinds = shuffled([...new Set(outages.map((r) => r.outage!))].sort(), SPLIT_SEED);
  return (half === 'tune' ? kinds.slice(0, kinds.length / 2) : kinds.slice(kinds.length / 2)).sort();
}

/** A half's reports in the order they were opened (by minute, then id): its outages and its half of the one-offs. */
export function blindHalf(half: BlindHalf): BlindReport[] {
  const kinds = new Set(outageKinds(half));
  const ones = shuffled(
    [...oneOffs].sort((a, b) => a.id.localeCompare(b.id)),
    SPLIT_SEED + 1,
  );
  const mine = half === 'tune' ? ones.slice(0, Math.ceil(ones.length / 2)) : ones.slice(Math.ceil(ones.length / 2));
  return [...outages.filter((r) => kinds.has(r.outage!)), ...mine].sort(
    (a, b) => a.minute - b.minute || a.id.localeCompare(b.id),
  );
}

/** What a run ended with: the groups (incidents and open proposals) each report is in, and when outages were first proposed. */
export interface RunOutcome {
  /** Report id → its group ("incident:12", "proposal:3"), for reports in one at the end. */
  groupOf: Map<string, string>;
  /** Per outage: how many of its distinct customers had reported when it was first in a group of its own. */
  proposedAtCustomer: Map<string, number | null>;
}

export interface Figures {
  precision: number;
  recall: number;
  predictedPairs: number;
  correctPairs: number;
  expectedPairs: number;
  unrelatedJoined: number;
  unrelated: number;
  /** Outages of ≥ 5 distinct customers not proposed by their 5th. */
  lateOutages: string[];
  /** Outage → the share of its pairs found, and the styles of its reports left out of its main group. */
  perOutage: Array<{ outage: string; recall: number; missedStyles: string[]; proposedAt: number | null }>;
}

export function figuresOf(reports: readonly BlindReport[], outcome: RunOutcome): Figures {
  let predictedPairs = 0;
  let correctPairs = 0;
  let expectedPairs = 0;
  for (let i = 0; i < reports.length; i++)
    for (let j = i + 1; j < reports.length; j++) {
      const [a, b] = [reports[i], reports[j]];
      const same = a.outage !== null && a.outage === b.outage;
      const together = outcome.groupOf.has(a.id) && outcome.groupOf.get(a.id) === outcome.groupOf.get(b.id);
      if (same) expectedPairs++;
      if (together) predictedPairs++;
      if (same && together) correctPairs++;
    }
  const unrelatedReports = reports.filter((r) => r.outage === null);
  const kinds = [...new Set(reports.map((r) => r.outage).filter((o): o is string => o !== null))].sort();
  const perOutage = kinds.map((outage) => {
    const mine = reports.filter((r) => r.outage === outage);
    const groups = new Map<string, number>();
    for (const r of mine) {
      const g = outcome.groupOf.get(r.id);
      if (g) groups.set(g, (groups.get(g) ?? 0) + 1);
    }
    const main = [...groups].sort((x, y) => y[1] - x[1])[0]?.[0];
    let found = 0;
    let pairs = 0;
    for (let i = 0; i < mine.length; i++)
      for (let j = i + 1; j < mine.length; j++) {
        pairs++;
        const g = outcome.groupOf.get(mine[i].id);
        if (g && g === outcome.groupOf.get(mine[j].id)) found++;
      }
    return {
      outage,
      recall: pairs === 0 ? 1 : found / pairs,
      missedStyles: mine
        .filter((r) => !main || outcome.groupOf.get(r.id) !== main)
        .map((r) => `${r.style}/${r.language}`),
      proposedAt: outcome.proposedAtCustomer.get(outage) ?? null,
    };
  });
  const lateOutages = perOutage
    .filter((o) => new Set(reports.filter((r) => r.outage === o.outage).map((r) => r.customer)).size >= 5)
    .filter((o) => o.proposedAt === null || o.proposedAt > 5)
    .map((o) => o.outage);
  return {
    precision: predictedPairs === 0 ? 1 : correctPairs / predictedPairs,
    recall: expectedPairs === 0 ? 1 : correctPairs / expectedPairs,
    predictedPairs,
    correctPairs,
    expectedPairs,
    unrelatedJoined: unrelatedReports.filter((r) => outcome.groupOf.has(r.id)).length,
    unrelated: unrelatedReports.length,
    lateOutages,
    perOutage,
  };
}

/** The figures as printed: counts and outage slugs with styles, never a report's text. */
export function describeFigures(label: string, f: Figures): string {
  const lines = [
    `${label}: pair precision ${f.precision.toFixed(3)} (goal ≥ 0.9), pair recall ${f.recall.toFixed(3)} (goal ≥ 0.8): ` +
      `${f.correctPairs} of ${f.predictedPairs} predicted pairs right, ${f.expectedPairs} to find; ` +
      `unrelated joined ${f.unrelatedJoined} of ${f.unrelated} (goal ≤ 1 in 50); ` +
      `outages not proposed by their 5th customer: ${f.lateOutages.length ? f.lateOutages.join(', ') : 'none'}`,
    ...f.perOutage.map(
      (o) =>
        `  ${o.outage}: pair recall ${o.recall.toFixed(2)}, proposed at customer ${o.proposedAt ?? '-'}` +
        (o.missedStyles.length ? `, outside its group: ${o.missedStyles.join(' ')}` : ''),
    ),
  ];
  return lines.join('\n');
}

/**
 * Tracks, after each report is opened, whether its outage is proposed yet: some group (incident
 * or open proposal) holds at least two of its reports and is mostly its.
 */
export function proposedNow(
  outage: string,
  seen: readonly BlindReport[],
  groupOf: ReadonlyMap<string, string>,
): boolean {
  const byGroup = new Map<string, { mine: number; all: number }>();
  for (const r of seen) {
    const g = groupOf.get(r.id);
    if (!g) continue;
    const counts = byGroup.get(g) ?? { mine: 0, all: 0 };
    counts.all++;
    if (r.outage === outage) counts.mine++;
    byGroup.set(g, counts);
  }
  return [...byGroup.values()].some((c) => c.mine >= 2 && c.mine * 2 > c.all);
}
