import type { DataSource } from 'typeorm';
import { TEST_POLICY } from '../helpers/policy';
import { DAY, HOUR, MINUTE, ManualClock } from '../../src/core/clock';
import { createHelpdesk, type Helpdesk } from '../../src/core/helpdesk';
import { openDatabase, type Database } from '../../src/db/data-source';
import { autoCloseDueTickets } from '../../src/jobs/auto-close';
import type { JobRunResult } from '../../src/jobs/job-runner';
import { runDueJobs, runJob } from '../../src/jobs/schedule';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';
import { customerNotices, eventsOf, jobDeps, pendingTicket, ticketState } from './job-helpers';

/**
 * Three instances (three DataSources, as three processes would have) on one PostgreSQL database,
 * on the same schedule: every slot runs once. PostgreSQL only: PGlite serves one process.
 */
const describeOnServer = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describeOnServer('three instances on one PostgreSQL database [postgres]', () => {
  let db: TestDatabase;
  const others: Database[] = [];
  let sources: DataSource[];
  const clock = new ManualClock('2026-03-02T08:00:00Z');
  let helpdesk: Helpdesk;

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    const url = (db.dataSource.options as { url?: string }).url!;
    for (let i = 0; i < 2; i++) others.push(await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 5 }));
    sources = [db.dataSource, ...others.map((o) => o.dataSource)];
    helpdesk = createHelpdesk({ dataSource: db.dataSource, clock, policy: TEST_POLICY });
    await staffUp(helpdesk, { tina: '1' });
  });

  afterAll(async () => {
    for (const other of others) await other.close();
    await db?.close();
  });

  /** Each instance's jobs, as its own process would run them: its own store, same clock and policy. */
  const instance = (i: number) => ({
    ...jobDeps({ ...db, clock, helpdesk }),
    dataSource: sources[i],
    instanceId: `instance-${i}`,
  });

  test('every slot runs once across the three; each ticket is reminded twice, closed once, told once each time', async () => {
    const tickets = [];
    for (let i = 0; i < 30; i++) {
      tickets.push(await pendingTicket(helpdesk, discord(`many${i}`), `Ticket ${i}`));
      clock.advance(17 * MINUTE);
    }

    // The three fire together for each slot, as timers on three machines would, for 8 days: every
    // 5 minutes around the reminder and close marks, hourly between (to keep the test short).
    const results: JobRunResult[] = [];
    const start = clock.now().getTime();
    while (clock.now().getTime() < start + 8 * DAY) {
      const sinceStart = clock.now().getTime() - start;
      const busy = [2, 5, 7].some((day) => Math.abs(sinceStart - day * DAY) < 3 * HOUR);
      clock.advance(busy ? 5 * MINUTE : HOUR);
      const now = clock.now();
      results.push(...(await Promise.all([0, 1, 2].map((i) => runDueJobs(instance(i), now)))).flat());
    }

    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
    const bySlot = new Map<string, JobRunResult[]>();
    for (const r of results)
      bySlot.set(`${r.job} ${r.slot.toISOString()}`, [...(bySlot.get(`${r.job} ${r.slot.toISOString()}`) ?? []), r]);
    for (const [key, runs] of bySlot) {
      expect([key, runs.filter((r) => r.status === 'ran').length, runs.length]).toEqual([key, 1, 3]);
    }
    const jobRuns: Array<{ job: string; slot: Date; instance: string }> = await db.dataSource.query(
      `SELECT job, slot, instance FROM job_run`,
    );
    expect(jobRuns).toHaveLength(bySlot.size);
    expect(bySlot.size).toBeGreaterThan(700); // both jobs, ~390 slots
    // Not one instance doing everything: the claim race is real.
    expect(new Set(jobRuns.map((r) => r.instance)).size).toBeGreaterThan(1);

    for (const ticket of tickets) {
      expect(await ticketState(db.dataSource, ticket.id)).toMatchObject({
        status: 'resolved',
        resolution: 'closed_automatically',
        reminders_sent: 2,
      });
      expect((await eventsOf(db.dataSource, ticket.id, 'reminded')).map((e) => e.data.day)).toEqual([2, 5]);
      expect(
        (await eventsOf(db.dataSource, ticket.id, 'status_changed')).filter((e) => e.data.to === 'resolved'),
      ).toHaveLength(1);
      const notices = (await customerNotices(db.dataSource, ticket.id)).map((d) => d.payload.text ?? '');
      expect(notices.filter((t) => t.startsWith('Reminder'))).toHaveLength(2);
      expect(notices.filter((t) => t.includes('closed automatically'))).toHaveLength(1);
    }

    // An instance lagging far behind, firing an old slot: already claimed, skipped.
    const [oldest] = [...bySlot.values()][0];
    expect(await runJob(instance(2), oldest.job as 'auto-close', oldest.slot)).toMatchObject({ status: 'skipped' });
  });

  test('runs of different slots that overlap (a slow run and the next) share the work: each ticket closes once', async () => {
    const tickets = [];
    for (let i = 0; i < 40; i++) tickets.push(await pendingTicket(helpdesk, discord(`overlap${i}`), `Overlap ${i}`));
    clock.advance(8 * DAY);
    const now = clock.now();
    const closed = await Promise.all(
      sources.map((source, i) =>
        autoCloseDueTickets({ ...helpdesk.ctx, dataSource: source }, now, { batchSize: 3 + i }),
      ),
    );
    expect(closed.reduce((a, b) => a + b, 0)).toBe(40);
    for (const ticket of tickets) {
      expect(
        (await eventsOf(db.dataSource, ticket.id, 'status_changed')).filter((e) => e.data.to === 'resolved'),
      ).toHaveLength(1);
      expect(
        (await customerNotices(db.dataSource, ticket.id)).filter((d) =>
          d.payload.text?.includes('closed automatically'),
        ),
      ).toHaveLength(1);
    }
  });

  test('a ticket someone has locked is skipped, not waited on, and closed by the next run', async () => {
    const ticket = await pendingTicket(helpdesk, discord('locked'));
    clock.advance(8 * DAY);
    const runner = db.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT id FROM ticket WHERE id = $1 FOR UPDATE`, [ticket.id]);
      expect(await autoCloseDueTickets({ ...helpdesk.ctx, dataSource: sources[1] }, clock.now())).toBe(0);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await autoCloseDueTickets({ ...helpdesk.ctx, dataSource: sources[1] }, clock.now())).toBe(1);
    expect((await ticketState(db.dataSource, ticket.id)).status).toBe('resolved');
  });
});
