import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { MINUTE } from '../../src/core/clock';
import { JobStats, runJobSlot, truncateToMinute } from '../../src/jobs/job-runner';
import { startJobs, type Scheduler } from '../../src/jobs/schedule';
import { defaultPolicy } from '../../src/config';
import { describeEachDatabase } from '../helpers/database';
import { capturingLogger } from './job-helpers';

interface JobRunRow {
  job: string;
  slot: Date;
  instance: string;
  started_at: Date;
  finished_at: Date | null;
  rows_affected: number | null;
  error: string | null;
}

describeEachDatabase('job runner', (ctx) => {
  const runsOf = async (job: string): Promise<JobRunRow[]> =>
    ctx().dataSource.query(`SELECT * FROM job_run WHERE job = $1 ORDER BY slot`, [job]);

  test('a slot runs once: the first claim runs it, any later call for the same slot skips', async () => {
    const { dataSource, clock } = ctx();
    const { logger } = capturingLogger();
    const slot = truncateToMinute(clock.now());
    let calls = 0;
    const work = async () => {
      calls++;
      return 3;
    };
    const first = await runJobSlot({ dataSource, clock, logger }, 'once', slot, 'a', work);
    const again = await runJobSlot({ dataSource, clock, logger }, 'once', slot, 'b', work);
    expect([first.status, again.status, calls]).toEqual(['ran', 'skipped', 1]);
    expect(await runsOf('once')).toEqual([
      {
        job: 'once',
        slot,
        instance: 'a',
        started_at: clock.now(),
        finished_at: clock.now(),
        rows_affected: 3,
        error: null,
      },
    ]);
  });

  test('a failing run is recorded and logged, never thrown, and the next slot runs', async () => {
    const { dataSource, clock } = ctx();
    const { logger, lines } = capturingLogger();
    const registry = new Registry();
    const stats = new JobStats(registry, clock);
    const deps = { dataSource, clock, logger, stats };
    const slot = truncateToMinute(clock.now());

    const failed = await runJobSlot(deps, 'flaky', slot, 'a', async (progress) => {
      progress.rowsAffected += 2; // one batch committed before the failure
      throw new Error('database went away');
    });
    expect(failed).toMatchObject({
      status: 'failed',
      rowsAffected: 2,
      error: expect.objectContaining({ message: 'database went away' }),
    });
    const [failedRow] = await runsOf('flaky');
    expect(failedRow).toMatchObject({ rows_affected: 2, error: 'Error: database went away', finished_at: clock.now() });
    expect(lines.some((l) => l.level === 50 && l.msg.includes('job flaky failed: database went away'))).toBe(true);

    clock.advance(5 * MINUTE);
    const next = await runJobSlot(deps, 'flaky', truncateToMinute(clock.now()), 'a', async () => 1);
    expect(next.status).toBe('ran');
    expect((await runsOf('flaky')).map((r) => [r.error, r.rows_affected])).toEqual([
      ['Error: database went away', 2],
      [null, 1],
    ]);

    const metrics = await registry.metrics();
    expect(metrics).toMatch(/^helpdesk_job_errors_total\{job="flaky"\} 1$/m);
    expect(metrics).toMatch(/^helpdesk_job_runs_total\{job="flaky",outcome="ran"\} 1$/m);
    expect(metrics).toMatch(/^helpdesk_job_runs_total\{job="flaky",outcome="failed"\} 1$/m);
    expect(metrics).toMatch(/^helpdesk_job_rows_affected_total\{job="flaky"\} 3$/m);
    expect(metrics).toMatch(/^helpdesk_job_last_rows_affected\{job="flaky"\} 1$/m);
    expect(metrics).toMatch(
      new RegExp(`^helpdesk_job_last_success_timestamp_seconds\\{job="flaky"\\} ${clock.now().getTime() / 1000}$`, 'm'),
    );
    expect(metrics).toMatch(/^helpdesk_job_last_duration_seconds\{job="flaky"\} /m);
  });

  test('a slot whose claim cannot be written is reported as failed, not thrown', async () => {
    const { clock } = ctx();
    const { logger, lines } = capturingLogger();
    const broken = { query: async () => Promise.reject(new Error('connection refused')) } as unknown as DataSource;
    let ran = false;
    const result = await runJobSlot(
      { dataSource: broken, clock, logger },
      'unreachable',
      clock.now(),
      'a',
      async () => {
        ran = true;
      },
    );
    expect([result.status, ran]).toEqual(['failed', false]);
    expect(lines.some((l) => l.msg.includes('could not claim its slot: connection refused'))).toBe(true);
  });

  test('runs older than 30 days are pruned by later successful runs', async () => {
    const { dataSource, clock } = ctx();
    const { logger } = capturingLogger();
    const old = new Date(clock.now().getTime() - 40 * 24 * 60 * MINUTE);
    await runJobSlot({ dataSource, clock, logger }, 'pruned', truncateToMinute(old), 'a', async () => 0);
    await runJobSlot({ dataSource, clock, logger }, 'pruned', truncateToMinute(clock.now()), 'a', async () => 0);
    expect((await runsOf('pruned')).map((r) => r.slot)).toEqual([truncateToMinute(clock.now())]);
  });

  test('startJobs schedules each job on its setting; a tick runs its slot (the tick time to the minute) once', async () => {
    const { dataSource, clock } = ctx();
    const { logger } = capturingLogger();
    const ticks = new Map<string, (tick: { date: Date }) => Promise<void>>();
    const expressions = new Map<string, string>();
    let destroyed = 0;
    const scheduler: Scheduler = (expression, onTick, options) => {
      ticks.set(options.name!, onTick);
      expressions.set(options.name!, expression);
      return { destroy: () => void destroyed++ };
    };
    const registry = new Registry();
    const jobs = startJobs({
      dataSource,
      clock,
      policy: defaultPolicy,
      settings: { AUTO_CLOSE_CRON: '*/5 * * * *', REMINDER_CRON: '0 * * * *' },
      instanceId: 'scheduled',
      logger,
      registry,
      scheduler,
    });
    expect(Object.fromEntries(expressions)).toEqual({
      'auto-close': '*/5 * * * *',
      reminders: '0 * * * *',
      'sla-sweep': '* * * * *',
      retention: '* * * * *',
    });

    const tickAt = new Date('2031-03-01T12:05:00.300Z');
    await ticks.get('auto-close')!({ date: tickAt });
    await ticks.get('auto-close')!({ date: new Date('2031-03-01T12:05:00.900Z') }); // a second timer, same slot
    const rows = await runsOf('auto-close');
    expect(rows.filter((r) => r.instance === 'scheduled').map((r) => r.slot)).toEqual([
      new Date('2031-03-01T12:05:00.000Z'),
    ]);
    expect(await registry.metrics()).toMatch(/^helpdesk_job_runs_total\{job="auto-close",outcome="skipped"\} 1$/m);

    await jobs.stop();
    expect(destroyed).toBe(4);
    await ticks.get('reminders')!({ date: tickAt }); // a tick after stop does nothing
    expect(await runsOf('reminders')).toEqual([]);
  });

  test('startJobs refuses a schedule that is not a cron expression', () => {
    const { dataSource, clock } = ctx();
    expect(() =>
      startJobs({
        dataSource,
        clock,
        policy: defaultPolicy,
        settings: { AUTO_CLOSE_CRON: 'every five minutes', REMINDER_CRON: '*/5 * * * *' },
        logger: capturingLogger().logger,
      }),
    ).toThrow('AUTO_CLOSE_CRON "every five minutes" is not a cron expression');
  });

  test('startJobs with node-cron itself starts and stops cleanly', async () => {
    const { dataSource, clock } = ctx();
    const jobs = startJobs({
      dataSource,
      clock,
      policy: defaultPolicy,
      settings: { AUTO_CLOSE_CRON: '*/5 * * * *', REMINDER_CRON: '*/5 * * * *' },
      logger: capturingLogger().logger,
    });
    expect(jobs.instanceId).toMatch(/:\d+:/);
    await jobs.stop();
    await jobs.stop(); // idempotent
  });
});
