import { describeFigures, figuresOf, type BlindReport } from '../helpers/blind-corpus';
import { openThroughCore } from '../helpers/blind-corpus-run';
import { describeEachDatabase } from '../helpers/database';
import { corpusHalf, type CorpusIncident } from '../helpers/incident-corpus';

/**
 * The older corpus (tests/fixtures/incidents.json, written by the same hands as the first rule):
 * its held-out half's incidents opened through the core, each by a customer of its own, and its
 * figures printed beside the blind corpus's. Run by `npm run test:blind-corpus`.
 */
const enabled = process.env.LOOK_ALIKE_TUNE === '1';
const asReport = (i: CorpusIncident): BlindReport => ({
  id: String(i.id),
  outage: i.cluster,
  customer: `old-corpus-${i.id}`,
  minute: i.minute,
  language: '',
  style: i.nearMissOf ? 'near-miss' : 'report',
  title: i.title,
  description: i.description,
});

describeEachDatabase('major incidents on the older corpus', (ctx) => {
  (enabled ? test : test.skip)(
    'its held-out half, opened report by report, gives figures (printed)',
    async () => {
      const reports = corpusHalf('heldout')
        .filter((i) => i.type === 'incident')
        .map(asReport);
      const { helpdesk, dataSource, clock } = ctx();
      const f = figuresOf(
        reports,
        await openThroughCore(helpdesk, dataSource, clock, reports, new Date('2026-03-03T07:00:00Z')),
      );
      console.log(describeFigures(`older corpus, held-out half [${ctx().kind}]`, f));
      expect(f.expectedPairs).toBeGreaterThan(0);
    },
    120_000,
  );
});
