import { blindHalf, describeFigures, figuresOf, type Figures } from '../helpers/blind-corpus';
import { openThroughCore } from '../helpers/blind-corpus-run';
import { describeEachDatabase } from '../helpers/database';

/**
 * Look-alike detection on the blind corpus, every report opened through the core in the order of
 * its minute: the measuring half's figures against the goals, printed beside the tuning half's
 * (outage slugs and styles only). MAJOR_LOOK_ALIKE_AT was chosen on the tuning half alone.
 */
const DAY = 24 * 60 * 60_000;
const start = new Date('2026-06-01T07:00:00Z');

describeEachDatabase('major incidents on the blind corpus', (ctx) => {
  const figures: Partial<Record<'tune' | 'measure', Figures>> = {};

  // Its figures beside the measuring half's: with `npm run test:blind-corpus` (some 10 s a store more).
  (process.env.LOOK_ALIKE_TUNE === '1' ? test : test.skip)(
    'the tuning half, opened report by report, gives figures (printed)',
    async () => {
      const reports = blindHalf('tune');
      const { helpdesk, dataSource, clock } = ctx();
      figures.tune = figuresOf(reports, await openThroughCore(helpdesk, dataSource, clock, reports, start));
      console.log(describeFigures(`blind corpus, tuning half [${ctx().kind}]`, figures.tune));
    },
    120_000,
  );

  test('the measuring half, opened report by report, gives figures (printed by outage and style)', async () => {
    const reports = blindHalf('measure');
    const { helpdesk, dataSource, clock } = ctx();
    figures.measure = figuresOf(
      reports,
      await openThroughCore(helpdesk, dataSource, clock, reports, new Date(start.getTime() + 2 * DAY)),
    );
    expect(figures.measure.expectedPairs).toBeGreaterThan(0);
    console.log(describeFigures(`blind corpus, measuring half [${ctx().kind}]`, figures.measure));
  }, 120_000);

  // Failing, and said so: the goals are not reached yet. When they are, this turns red and `.failing` comes off.
  test.failing(
    'on the measuring half: pair precision ≥ 0.9, pair recall ≥ 0.8, at most 1 in 50 unrelated reports joined, every outage proposed by its 5th customer',
    () => {
      const f = figures.measure;
      expect(f).toBeDefined();
      expect(f!.precision).toBeGreaterThanOrEqual(0.9);
      expect(f!.recall).toBeGreaterThanOrEqual(0.8);
      expect(f!.unrelatedJoined * 50).toBeLessThanOrEqual(f!.unrelated);
      expect(f!.lateOutages).toEqual([]);
    },
  );
});
