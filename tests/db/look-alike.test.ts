import { majorIncidentPolicyFrom, loadSettings } from '../../src/config';
import { isLookAlike, type LookAlikeSettings } from '../../src/core/rules/similarity';
import {
  findLookAlikes,
  findLookAlikesIn,
  scoreRecentIncidents,
  type LookAlikeCandidate,
} from '../../src/core/services/look-alike';
import { describeEachDatabase } from '../helpers/database';
import {
  corpusHalf,
  isDanish,
  openedAt,
  scorePairs,
  storeCorpus,
  type CorpusIncident,
  type PairScore,
} from '../helpers/incident-corpus';

/**
 * Look-alike detection on the labelled corpus: the held-out half's precision and recall (the
 * goal: ≥ 0.9 and ≥ 0.8), printed with the tuning half's. LOOK_ALIKE_TUNE=1 also searches the
 * thresholds on the tuning half only and prints the best (the defaults in src/config.ts).
 */
const settings = majorIncidentPolicyFrom(loadSettings({}));
const DAY = 24 * 60 * 60_000;
const starts = {
  tune: new Date('2026-03-02T07:00:00Z'),
  heldout: new Date(new Date('2026-03-02T07:00:00Z').getTime() + DAY),
};

/** Each incident of a half, in order of opening, with the scores of every earlier one in its window. */
type Scored = Array<{ incident: CorpusIncident; candidates: LookAlikeCandidate[] }>;

function predictedPairs(scored: Scored, rule: Omit<LookAlikeSettings, 'windowMinutes'>): Array<[number, number]> {
  return scored.flatMap(({ incident, candidates }) =>
    candidates.filter((c) => isLookAlike(c, rule)).map((c) => [incident.id, c.id] as [number, number]),
  );
}

const show = (s: PairScore) =>
  `precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (${s.correct} of ${s.predicted} pairs right, ${s.expected} to find)`;

describeEachDatabase('look-alike incidents', (ctx) => {
  const halves = { tune: corpusHalf('tune'), heldout: corpusHalf('heldout') };
  const scored: Partial<Record<'tune' | 'heldout', Scored>> = {};

  beforeAll(async () => {
    for (const half of ['tune', 'heldout'] as const) await storeCorpus(ctx().dataSource, halves[half], starts[half]);
  });

  async function scoreHalf(half: 'tune' | 'heldout'): Promise<Scored> {
    if (scored[half]) return scored[half];
    const out: Scored = [];
    for (const incident of halves[half].filter((i) => i.type === 'incident')) {
      const probe = { ...incident, createdAt: openedAt(starts[half], incident) };
      out.push({
        incident,
        candidates: await scoreRecentIncidents(ctx().dataSource.manager, probe, settings.windowMinutes),
      });
    }
    return (scored[half] = out);
  }

  test('the search that skips impossible candidates finds exactly what scoring them all and applying the rule finds', async () => {
    for (const { incident, candidates } of await scoreHalf('heldout')) {
      const probe = { ...incident, createdAt: openedAt(starts.heldout, incident) };
      const found = await findLookAlikesIn(ctx().dataSource.manager, probe, settings);
      expect(found.map((c) => c.id).sort((a, b) => a - b)).toEqual(
        candidates
          .filter((c) => isLookAlike(c, settings))
          .map((c) => c.id)
          .sort((a, b) => a - b),
      );
    }
  });

  test('on the held-out half, look-alikes are found with the precision and recall printed', async () => {
    const incidents = halves.heldout.filter((i) => i.type === 'incident');
    const heldout = scorePairs(incidents, predictedPairs(await scoreHalf('heldout'), settings), settings.windowMinutes);
    const tune = scorePairs(
      halves.tune.filter((i) => i.type === 'incident'),
      predictedPairs(await scoreHalf('tune'), settings),
      settings.windowMinutes,
    );
    const danish = new Set(incidents.filter(isDanish).map((i) => i.id));
    const mixed = scorePairs(
      incidents,
      predictedPairs(await scoreHalf('heldout'), settings),
      settings.windowMinutes,
      (a, b) => danish.has(a) !== danish.has(b),
    );
    console.log(
      [
        `look-alike detection [${ctx().kind}] with ${JSON.stringify(settings)}`,
        `  held-out half: ${show(heldout)}  (goal: precision ≥ 0.9, recall ≥ 0.8${heldout.recall < 0.8 ? ': recall MISSED' : ''})`,
        `  held-out, Danish↔English pairs only: ${show(mixed)}`,
        `  tuning half: ${show(tune)}`,
      ].join('\n'),
    );
    expect(heldout.precision).toBeGreaterThanOrEqual(0.9);
    // The goals. The held-out half's misses were never read: what lifted it from 0.77 to
    // 0.82 was general helpdesk vocabulary (rules/it-vocabulary.ts) and reading inflected forms.
    expect(heldout.recall).toBeGreaterThanOrEqual(0.8);
  });

  (process.env.LOOK_ALIKE_TUNE ? test : test.skip)('tuning: the best thresholds on the tuning half', async () => {
    const incidents = halves.tune.filter((i) => i.type === 'incident');
    const tune = await scoreHalf('tune');
    const results: Array<{ rule: Omit<LookAlikeSettings, 'windowMinutes'>; score: PairScore }> = [];
    for (const trigramAt of [0.5, 0.6, 0.7, 0.8])
      for (const sharedMin of [1, 2, 3, 4])
        for (const sharedAt of [0.1, 0.15, 0.2, 0.22, 0.25, 0.27, 0.28, 0.3, 0.32, 0.35, 0.4, 0.45, 0.5])
          for (const serviceBonus of [0, 0.02, 0.05, 0.1, 0.2]) {
            const rule = { trigramAt, sharedMin, sharedAt, serviceBonus };
            results.push({ rule, score: scorePairs(incidents, predictedPairs(tune, rule), settings.windowMinutes) });
          }
    // Precision first (a false major incident pulls staff and customers in), then recall.
    const best = results
      .filter((r) => r.score.precision >= 0.9)
      .sort((a, b) => b.score.recall - a.score.recall || b.score.precision - a.score.precision);
    const byF1 = [...results].sort((a, b) => f1(b.score) - f1(a.score));
    console.log(
      [
        'tuning half, precision ≥ 0.9, best recall first:',
        ...best.slice(0, 5).map((r) => `  ${JSON.stringify(r.rule)}: ${show(r.score)}`),
        'best F1:',
        ...byF1.slice(0, 3).map((r) => `  ${JSON.stringify(r.rule)}: ${show(r.score)}`),
        'pairs of one cluster the current settings miss on the tuning half (new ← earlier: trigram, shared/terms):',
        ...missedPairs(tune, halves.tune).map((line) => `  ${line}`),
        'pairs of different problems the current settings join on the tuning half:',
        ...wrongPairs(tune, halves.tune).map((line) => `  ${line}`),
      ].join('\n'),
    );
  });

  test('a Danish and an English report of one outage meet; requests and incidents outside the window do not', async () => {
    const at = new Date('2026-03-10T09:00:00Z');
    const { dataSource } = ctx();
    const [{ id: customer }] = await dataSource.query(
      `INSERT INTO person (display_name) VALUES ('Kunde') RETURNING id`,
    );
    const insert = async (
      title: string,
      description: string,
      minutesBefore: number,
      type = 'incident',
    ): Promise<number> => {
      const when = new Date(at.getTime() - minutesBefore * 60_000);
      const [{ id }] = await dataSource.query(
        `INSERT INTO ticket (title, description, type, service_id, customer_id, opened_by_id, platform, created_at, updated_at)
         VALUES ($1, $2, $3, 3, $4, $4, 'discord', $5, $5) RETURNING id`,
        [title, description, type, customer, when],
      );
      return id;
    };
    const danish = await insert(
      'VPN virker ikke',
      'GlobalProtect kan ikke forbinde, fejl: gateway unreachable. Kollegerne har det samme.',
      5,
    );
    await insert('VPN will not connect', 'GlobalProtect says gateway unreachable.', 5, 'request');
    await insert('VPN will not connect', 'GlobalProtect says gateway unreachable.', 45);
    await insert('Printer jammed', 'Paper jam in tray 2 on the 3rd floor.', 3);
    const probeId = await insert(
      'Cannot connect to VPN',
      'GlobalProtect fails to connect: gateway unreachable. Same for my colleagues.',
      0,
    );

    const found = await findLookAlikes(
      ctx().helpdesk.ctx,
      {
        id: probeId,
        title: 'Cannot connect to VPN',
        description: 'GlobalProtect fails to connect: gateway unreachable. Same for my colleagues.',
        serviceId: 3,
        createdAt: at,
      },
      settings,
    );
    expect(found.map((c) => c.id)).toEqual([danish]);
  });
});

const f1 = (s: PairScore) =>
  s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);

/** The pairs of different problems (or a problem and a one-off) the settings call look-alike, to see why. */
function wrongPairs(scored: Scored, incidents: CorpusIncident[]): string[] {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  return scored.flatMap(({ incident, candidates }) =>
    candidates
      .filter(
        (c) => isLookAlike(c, settings) && (incident.cluster === null || byId.get(c.id)?.cluster !== incident.cluster),
      )
      .map((c) => {
        const other = byId.get(c.id)!;
        return `${incident.cluster ?? incident.nearMissOf ?? '-'} ← ${other.cluster ?? other.nearMissOf ?? '-'} "${incident.title}" ← "${other.title}": ${c.trigram.toFixed(2)}, ${c.shared}+${c.misspelt} misspelt/${c.terms}`;
      }),
  );
}

/** The look-alike pairs the settings miss, with their scores and languages, to see why. */
function missedPairs(scored: Scored, incidents: CorpusIncident[]): string[] {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const language = (i: CorpusIncident) => (isDanish(i) ? 'da' : 'en');
  return scored.flatMap(({ incident, candidates }) =>
    candidates
      .filter(
        (c) => incident.cluster !== null && byId.get(c.id)?.cluster === incident.cluster && !isLookAlike(c, settings),
      )
      .map((c) => {
        const other = byId.get(c.id)!;
        return `${incident.cluster} ${language(incident)}←${language(other)} "${incident.title}" ← "${other.title}": ${c.trigram.toFixed(2)}, ${c.shared}+${c.misspelt} misspelt/${c.terms}${c.sameService ? ', same service' : ''}`;
      }),
  );
}
