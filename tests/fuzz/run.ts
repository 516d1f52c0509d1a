import fc from 'fast-check';
import { checkCase, CrashWatch, type Finding, type FindingKind, type FuzzTarget } from './findings';

export interface Tally {
  cases: number;
  counts: Record<FindingKind, number>;
  /** The first failing cases: their index in the run (fast-check's path), input and findings. */
  failures: Array<{ path: string; input: string; findings: Finding[] }>;
  /** How many cases had each finding, numbers and quoted text aside. */
  signatures: Map<string, number>;
  ms: number;
}

/** A finding without what varies between cases that have it: numbers, quoted and over-long text. */
const signatureOf = (f: Finding) =>
  `${f.kind}: ${f.detail
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .replace(/^((?:block action|view submission|shortcut|button|select|modal) )[^:]*/, '$1…')}`;

const describeFindings = (findings: Finding[]) => findings.map((f) => `${f.kind}: ${f.detail}`).join('\n');

/**
 * The property, as `npm test` asserts it: every case passes, or fast-check shrinks the first
 * failing one and throws with its seed, path and shrunk input.
 */
export async function assertFuzz<Case>(
  target: FuzzTarget<Case>,
  arbitrary: fc.Arbitrary<Case>,
  options: { cases: number; seed: number },
): Promise<void> {
  const crashes = new CrashWatch().start();
  try {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (c) => {
        const findings = await checkCase(target, crashes, c);
        if (findings.length > 0) throw new Error(describeFindings(findings));
      }),
      { numRuns: options.cases, seed: options.seed, endOnFailure: false },
    );
  } finally {
    crashes.stop();
  }
}

/**
 * A survey, for `npm run fuzz`: every case is run and what went wrong counted; then the first
 * failing cases are replayed by their path and shrunk, each printed with the seed that finds it.
 */
export async function surveyFuzz<Case>(
  target: FuzzTarget<Case>,
  arbitrary: fc.Arbitrary<Case>,
  options: { cases: number; seed: number; shrink: number; log: (line: string) => void },
): Promise<Tally> {
  const crashes = new CrashWatch().start();
  const started = performance.now();
  const tally: Tally = {
    cases: 0,
    counts: { crash: 0, '5xx': 0, slow: 0, change: 0, error: 0 },
    failures: [],
    signatures: new Map(),
    ms: 0,
  };
  try {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (c) => {
        const findings = await checkCase(target, crashes, c);
        tally.cases += 1;
        for (const kind of new Set(findings.map((f) => f.kind))) tally.counts[kind] += 1;
        for (const signature of new Set(findings.map(signatureOf)))
          tally.signatures.set(signature, (tally.signatures.get(signature) ?? 0) + 1);
        const fresh = findings
          .map(signatureOf)
          .filter((sig) => !tally.signatures.has(sig) || tally.signatures.get(sig) === 1);
        if (findings.length > 0 && tally.failures.length < 200 && fresh.length > 0)
          tally.failures.push({ path: String(index), input: fc.stringify(c), findings });
        index += 1;
        if (tally.cases % 1000 === 0)
          options.log(
            `  ${tally.cases} cases, ${Math.round((performance.now() - started) / 1000)} s: ${JSON.stringify(tally.counts)}`,
          );
      }),
      { numRuns: options.cases, seed: options.seed },
    );
    tally.ms = performance.now() - started;
    for (const [signature, count] of [...tally.signatures].sort((a, b) => b[1] - a[1])) {
      options.log(`  ${String(count).padStart(6)} × ${signature}`);
      const first = tally.failures.find((f) => f.findings.some((x) => signatureOf(x) === signature));
      if (first) options.log(`           first: path ${first.path}: ${first.input.slice(0, 400)}`);
    }
    // One shrunk example per distinct kind of failure (the first line of its findings, numbers aside).
    const seen = new Set<string>();
    for (const failure of tally.failures) {
      const signature = failure.findings.map(signatureOf).join('|');
      if (seen.has(signature) || seen.size >= options.shrink) continue;
      seen.add(signature);
      const details = await fc.check(
        fc.asyncProperty(arbitrary, async (c) => {
          const findings = await checkCase(target, crashes, c);
          if (findings.length > 0) throw new Error(describeFindings(findings));
        }),
        { seed: options.seed, path: failure.path, numRuns: 1 },
      );
      options.log(
        `\n--- failing case ${failure.path} (seed ${options.seed}, path ${failure.path}):\n${describeFindings(failure.findings)}`,
      );
      options.log(
        details.failed
          ? (fc.defaultReportMessage(details) ?? '')
          : `(did not fail again on replay: ${failure.input.slice(0, 2000)})`,
      );
    }
  } finally {
    crashes.stop();
  }
  return tally;
}
