import {
  alikeness,
  centroidOf,
  termWeight,
  vectorOf,
  type ReportTerms,
  type TermVector,
} from '../../src/core/rules/similarity';
import { blindHalf, describeFigures, figuresOf, outageKinds, type BlindReport } from '../helpers/blind-corpus';
import { replay, termsOfReports, type ReplaySettings } from '../helpers/blind-corpus-replay';
import { openThroughCore } from '../helpers/blind-corpus-run';
import { describeEachDatabase } from '../helpers/database';
import { defaultPolicy } from '../../src/config';

/**
 * How MAJOR_LOOK_ALIKE_AT was chosen: on the tuning half of the blind corpus only (never the
 * measuring half), with LOOK_ALIKE_TUNE=1. Each report's terms are read as the core reads them,
 * and the rule replayed in opening order with the counts as of each report (as the core weighs
 * each search), for a range of thresholds, with the counts of all reports so far (the core's way)
 * and with those of the reports before each window (a term's rarity before the burst); a
 * leave-one-outage-out pass picks the threshold without each outage and measures it on that one.
 */
const tuning = process.env.LOOK_ALIKE_TUNE === '1';
const start = new Date('2026-06-01T07:00:00Z');
const THRESHOLDS = [0.22, 0.26, 0.3, 0.34, 0.38, 0.42, 0.46, 0.5, 0.55, 0.6];

describeEachDatabase(
  'tuning MAJOR_LOOK_ALIKE_AT on the tuning half',
  (ctx) => {
    (tuning ? test : test.skip)(
      'figures for each threshold (printed)',
      async () => {
        const reports = blindHalf('tune');
        const { language, terms } = await termsOfReports(ctx().dataSource.manager, reports);
        const counted = new Map<string, number>();
        for (const t of terms) for (const term of t.terms) counted.set(term, (counted.get(term) ?? 0) + 1);
        const atEnd = {
          tickets: reports.length,
          ticketsWith: (term: string) => counted.get(term) ?? 0,
          backgroundShare: language.backgroundShare,
        };
        console.log(ceiling(reports, terms, (term) => termWeight(term, atEnd)));
        for (const counts of ['all', 'beforeWindow'] as const) {
          const settingsAt = (alikeAt: number): ReplaySettings => ({ ...defaultPolicy.major, alikeAt, counts });
          const run = (rs: readonly BlindReport[], alikeAt: number) =>
            replay(
              rs,
              rs === reports ? terms : rs.map((r) => terms[reports.indexOf(r)]),
              language,
              settingsAt(alikeAt),
            );
          for (const alikeAt of THRESHOLDS) {
            const f = figuresOf(reports, run(reports, alikeAt));
            console.log(
              `counts ${counts}, MAJOR_LOOK_ALIKE_AT=${alikeAt}: precision ${f.precision.toFixed(3)}, recall ${f.recall.toFixed(3)}, unrelated joined ${f.unrelatedJoined}/${f.unrelated}, late ${f.lateOutages.join(' ') || 'none'}`,
            );
          }
          const best = (rs: readonly BlindReport[]) =>
            THRESHOLDS.map((t) => ({ t, f: figuresOf(rs, run(rs, t)) })).sort(
              (a, b) => score(b.f) - score(a.f) || a.t - b.t,
            )[0];
          const chosen = best(reports);
          console.log(describeFigures(`tuning half, counts ${counts}, at ${chosen.t}`, chosen.f));
          const lines: string[] = [];
          for (const left of outageKinds('tune')) {
            const without = reports.filter((r) => r.outage !== left);
            const t = best(without).t;
            const f = figuresOf(
              reports.filter((r) => r.outage === left || r.outage === null),
              run(reports, t),
            );
            lines.push(
              `leave ${left} out: threshold ${t}; on ${left}: recall ${f.recall.toFixed(3)}, precision ${f.precision.toFixed(3)}`,
            );
          }
          console.log(`counts ${counts}:\n${lines.join('\n')}`);
        }
      },
      600_000,
    );
  },
  { kinds: ['pglite'] },
);

/**
 * What any threshold could reach with these weights (the counts of the whole half): how much each
 * outage report looks like the centroid of the rest of its outage, against how much each one-off
 * looks like the closest outage's centroid. A threshold above the one-offs' 98th percentile (the
 * goal allows 1 in 50 joined) keeps only the outage reports above it.
 */
function ceiling(
  reports: readonly BlindReport[],
  terms: readonly ReportTerms[],
  weightOf: (term: string) => number,
): string {
  const vectors = terms.map((t) => vectorOf(t, weightOf));
  const kinds = [...new Set(reports.map((r) => r.outage).filter((o): o is string => o !== null))];
  const of = (kind: string, except = -1) =>
    centroidOf(vectors.filter((_, i) => reports[i].outage === kind && i !== except) as TermVector[]);
  const centroids = new Map(kinds.map((k) => [k, of(k)]));
  const own: number[] = [];
  const oneOff: number[] = [];
  reports.forEach((r, i) => {
    if (r.outage !== null) own.push(alikeness(vectors[i], of(r.outage, i)));
    else oneOff.push(Math.max(...kinds.map((k) => alikeness(vectors[i], centroids.get(k)!))));
  });
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))].toFixed(3);
  const bar = Number(q(oneOff, 0.98));
  const above = own.filter((s) => s >= bar).length / own.length;
  return (
    `outage reports against the rest of their outage: quantiles 10/25/50/75 % ${q(own, 0.1)} ${q(own, 0.25)} ${q(own, 0.5)} ${q(own, 0.75)}; ` +
    `one-offs against the closest outage: 50/90/98 % ${q(oneOff, 0.5)} ${q(oneOff, 0.9)} ${bar}; ` +
    `outage reports at or above the one-offs' 98 %: ${(above * 100).toFixed(0)} %`
  );
}

/** The replay's figures beside the core's own: the tuning half opened through the core, once per threshold. */
for (const alikeAt of [0.26, 0.3, 0.34])
  describeEachDatabase(
    `the tuning half through the core at MAJOR_LOOK_ALIKE_AT=${alikeAt}`,
    (ctx) => {
      (tuning ? test : test.skip)(
        'gives figures (printed)',
        async () => {
          const reports = blindHalf('tune');
          const { helpdesk, dataSource, clock } = ctx();
          const f = figuresOf(reports, await openThroughCore(helpdesk, dataSource, clock, reports, start));
          console.log(describeFigures(`tuning half through the core at ${alikeAt}`, f).split('\n')[0]);
        },
        600_000,
      );
    },
    { kinds: ['pglite'], policy: { major: { ...defaultPolicy.major, alikeAt } } },
  );

/** What tuning maximises: recall once precision and unrelated reports are within their goals. */
function score(f: ReturnType<typeof figuresOf>): number {
  const within = f.precision >= 0.9 && f.unrelatedJoined * 50 <= f.unrelated;
  return (within ? 10 : 0) + f.recall + f.precision - f.lateOutages.length * 0.05;
}
