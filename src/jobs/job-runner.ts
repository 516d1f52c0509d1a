import { performance } from 'node:perf_hooks';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { DAY, type Clock } from '../core/clock';
import type { Logger } from '../log';

/**
 * Runs each scheduled job at most once per slot across every instance sharing the database.
 *
 * The (job, slot) row of `job_run` is the lock: the instance whose INSERT … ON CONFLICT DO NOTHING
 * returns a row runs the slot, every other instance skips it, however late it arrives. Advisory
 * locks are not used: PGlite shares them between connections, and on servers a lagging instance
 * took the lock after the first one had released it and ran the slot again.
 */

export type JobLogger = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

export interface JobRunnerDeps {
  dataSource: DataSource;
  clock: Clock;
  logger: JobLogger;
  stats?: JobStats;
}

export type JobRunStatus = 'ran' | 'failed' | 'skipped';

/** What a run has done so far: a job adds each committed batch, so a run failing half-way still tells. */
export interface JobProgress {
  rowsAffected: number;
}

export interface JobRunResult {
  job: string;
  slot: Date;
  /** `skipped`: another instance (or an earlier call) had claimed the slot. */
  status: JobRunStatus;
  rowsAffected: number;
  error?: Error;
}

/** Runs are kept this long for looking back; older rows are pruned by the job's own runs. */
const KEEP_RUNS_FOR_MS = 30 * DAY;

/** Slots are named by the minute: instances whose timers fire a few hundred ms apart agree on it. */
export function truncateToMinute(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000);
}

/**
 * Claims (job, slot) and, only if this call won the claim, runs `work` (which counts the rows it
 * changed in `progress`, or returns the count) and records how it went. Never throws: a failed run is logged, recorded and counted,
 * and the next slot tries again (each run does everything due by its time, so it catches up).
 */
export async function runJobSlot(
  deps: JobRunnerDeps,
  job: string,
  slot: Date,
  instanceId: string,
  work: (progress: JobProgress) => Promise<number | void>,
): Promise<JobRunResult> {
  const { dataSource, clock, logger, stats } = deps;
  const log = { job, slot: slot.toISOString(), instance: instanceId };

  let claimed: boolean;
  try {
    // Outside any transaction: the claim must be visible to other instances at once.
    const rows: unknown[] = await dataSource.query(
      `INSERT INTO job_run (job, slot, instance, started_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (job, slot) DO NOTHING RETURNING job`,
      [job, slot, instanceId, clock.now()],
    );
    claimed = rows.length === 1;
  } catch (error) {
    // Database unreachable, for instance: nothing was claimed, so nothing is recorded.
    const err = asError(error);
    logger.error({ ...log, err }, `job ${job}: could not claim its slot: ${err.message}`);
    stats?.recordFailure(job, 0, 0);
    return { job, slot, status: 'failed', rowsAffected: 0, error: err };
  }
  if (!claimed) {
    logger.debug(log, `job ${job}: slot already claimed elsewhere`);
    stats?.recordSkipped(job);
    return { job, slot, status: 'skipped', rowsAffected: 0 };
  }

  const started = performance.now();
  const progress: JobProgress = { rowsAffected: 0 };
  let failure: Error | undefined;
  try {
    const returned = await work(progress);
    if (typeof returned === 'number') progress.rowsAffected = returned;
  } catch (error) {
    failure = asError(error);
  }
  const { rowsAffected } = progress;
  const seconds = (performance.now() - started) / 1000;

  try {
    await dataSource.query(
      `UPDATE job_run SET finished_at = $3, rows_affected = $4, error = $5 WHERE job = $1 AND slot = $2`,
      [job, slot, clock.now(), rowsAffected, failure ? describeError(failure) : null],
    );
    if (!failure) {
      await dataSource.query(`DELETE FROM job_run WHERE job = $1 AND slot < $2`, [
        job,
        new Date(slot.getTime() - KEEP_RUNS_FOR_MS),
      ]);
    }
  } catch (error) {
    // The run itself is done (its writes committed batch by batch); only its record is incomplete.
    logger.warn({ ...log, err: asError(error) }, `job ${job}: could not record the end of its run`);
  }

  if (failure) {
    logger.error(
      { ...log, err: failure, rowsAffected, seconds },
      `job ${job} failed: ${failure.message}; the next slot tries again`,
    );
    stats?.recordFailure(job, rowsAffected, seconds);
    return { job, slot, status: 'failed', rowsAffected, error: failure };
  }
  // A run that changed nothing is routine (every minute, on every instance): debug, so it does not drown the log.
  logger[rowsAffected > 0 ? 'info' : 'debug']({ ...log, rowsAffected, seconds }, `job ${job} ran`);
  stats?.recordSuccess(job, rowsAffected, seconds);
  return { job, slot, status: 'ran', rowsAffected };
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

function describeError(error: Error): string {
  return `${error.name}: ${error.message}`.slice(0, 2000);
}

/**
 * This instance's job figures for /metrics. Counters add up across instances; the "last" gauges
 * are this instance's own runs (take the max across instances for the helpdesk's last run).
 * Without a registry the metrics exist but are not exposed (tests, benchmarks).
 */
export class JobStats {
  private readonly runs: Counter<'job' | 'outcome'>;
  private readonly errors: Counter<'job'>;
  private readonly rows: Counter<'job'>;
  private readonly lastRun: Gauge<'job'>;
  private readonly lastSuccess: Gauge<'job'>;
  private readonly lastDuration: Gauge<'job'>;
  private readonly lastRows: Gauge<'job'>;

  constructor(
    registry?: Registry,
    private readonly clock: Clock = { now: () => new Date() },
  ) {
    const registers = registry ? [registry] : [];
    this.runs = new Counter({
      name: 'helpdesk_job_runs_total',
      help: 'Job slots this instance handled, by outcome: ran, failed, or skipped (claimed by another instance)',
      labelNames: ['job', 'outcome'],
      registers,
    });
    this.errors = new Counter({
      name: 'helpdesk_job_errors_total',
      help: 'Job runs that failed on this instance',
      labelNames: ['job'],
      registers,
    });
    this.rows = new Counter({
      name: 'helpdesk_job_rows_affected_total',
      help: 'Tickets changed by job runs on this instance',
      labelNames: ['job'],
      registers,
    });
    this.lastRun = new Gauge({
      name: 'helpdesk_job_last_run_timestamp_seconds',
      help: 'When a run of the job last ended on this instance (success or failure), Unix time',
      labelNames: ['job'],
      registers,
    });
    this.lastSuccess = new Gauge({
      name: 'helpdesk_job_last_success_timestamp_seconds',
      help: 'When a run of the job last succeeded on this instance, Unix time',
      labelNames: ['job'],
      registers,
    });
    this.lastDuration = new Gauge({
      name: 'helpdesk_job_last_duration_seconds',
      help: 'How long the last run of the job took on this instance',
      labelNames: ['job'],
      registers,
    });
    this.lastRows = new Gauge({
      name: 'helpdesk_job_last_rows_affected',
      help: 'Tickets changed by the last run of the job on this instance',
      labelNames: ['job'],
      registers,
    });
  }

  recordSuccess(job: string, rowsAffected: number, seconds: number): void {
    this.runs.inc({ job, outcome: 'ran' });
    this.lastSuccess.set({ job }, this.clock.now().getTime() / 1000);
    this.recordEnd(job, rowsAffected, seconds);
  }

  recordFailure(job: string, rowsAffected: number, seconds: number): void {
    this.runs.inc({ job, outcome: 'failed' });
    this.errors.inc({ job });
    this.recordEnd(job, rowsAffected, seconds);
  }

  recordSkipped(job: string): void {
    this.runs.inc({ job, outcome: 'skipped' });
  }

  private recordEnd(job: string, rowsAffected: number, seconds: number): void {
    this.rows.inc({ job }, rowsAffected);
    this.lastRun.set({ job }, this.clock.now().getTime() / 1000);
    this.lastDuration.set({ job }, seconds);
    this.lastRows.set({ job }, rowsAffected);
  }
}
