import { DAY } from '../../src/core/clock';
import { truncateToMinute } from '../../src/jobs/job-runner';
import { RETENTION_JOB } from '../../src/jobs/retention';
import { runJob } from '../../src/jobs/schedule';
import { describeEachDatabase } from '../helpers/database';
import { discord } from '../helpers/people';
import { jobDeps } from './job-helpers';

describeEachDatabase('retention job', (ctx) => {
  test('runs once per slot whichever instance claims it, and blanks sent deliveries past DELIVERY_RETENTION_DAYS', async () => {
    const { helpdesk, dataSource, clock } = ctx();
    await helpdesk.tickets.open(discord('carl'), { title: 'Kookaburra alarm', description: 'Beeps', type: 'incident' });
    await dataSource.query(`UPDATE delivery SET status = 'sent', sent_at = $1`, [clock.now()]);
    clock.advance(7 * DAY + 60_000);
    const slot = truncateToMinute(clock.now());
    const results = await Promise.all(
      ['a', 'b'].map((instanceId) => runJob(jobDeps(ctx(), { instanceId }), RETENTION_JOB, slot)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['ran', 'skipped']);
    expect(results.find((r) => r.status === 'ran')!.rowsAffected).toBeGreaterThan(0);
    expect(await dataSource.query(`SELECT DISTINCT payload FROM delivery`)).toEqual([{ payload: {} }]);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM job_run WHERE job = 'retention'`)).toEqual([
      { n: 1 },
    ]);
  });
});
