import { randomUUID } from 'node:crypto';
import os from 'node:os';
import cron, { type ScheduledTask, type TaskContext, type TaskOptions } from 'node-cron';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { HelpdeskPolicy, Settings } from '../config';
import type { Clock } from '../core/clock';
import type { ServiceContext } from '../core/services/context';
import { AUTO_CLOSE_JOB, autoCloseDueTickets } from './auto-close';
import {
  JobStats,
  runJobSlot,
  truncateToMinute,
  type JobLogger,
  type JobProgress,
  type JobRunResult,
} from './job-runner';
import { REMINDERS_JOB, sendDueReminders } from './reminders';
import { purgeExpired, RETENTION_JOB } from './retention';
import { SLA_SWEEP_JOB, sweepSlaClocks } from './sla-sweep';
import type { BatchOptions } from './ticket-batch';

/** What the jobs need to run a slot. */
export interface JobDeps {
  dataSource: DataSource;
  clock: Clock;
  policy: HelpdeskPolicy;
  /** Names this process in job_run (which instance ran which slot). */
  instanceId: string;
  logger: JobLogger;
  stats?: JobStats;
  /** Called after a batch wrote deliveries, so this process's dispatcher sends them at once. */
  onDeliveriesWritten?: () => void;
  /** Tickets per transaction (tests use small batches to see the loop). */
  batchSize?: number;
  /** Aborted when the process stops: a run ends after its current batch. */
  signal?: AbortSignal;
}

export type JobName = typeof AUTO_CLOSE_JOB | typeof REMINDERS_JOB | typeof SLA_SWEEP_JOB | typeof RETENTION_JOB;

type JobSetting = 'AUTO_CLOSE_CRON' | 'REMINDER_CRON' | 'SLA_SWEEP_CRON' | 'RETENTION_CRON';

type JobWork = (ctx: ServiceContext, now: Date, options: BatchOptions & { progress: JobProgress }) => Promise<number>;

/** Every job, in the order runDueJobs runs them: closing first, so nobody is reminded of a closed ticket. */
const JOBS: Array<{ name: JobName; setting: JobSetting; work: JobWork }> = [
  { name: AUTO_CLOSE_JOB, setting: 'AUTO_CLOSE_CRON', work: autoCloseDueTickets },
  { name: REMINDERS_JOB, setting: 'REMINDER_CRON', work: sendDueReminders },
  { name: SLA_SWEEP_JOB, setting: 'SLA_SWEEP_CRON', work: sweepSlaClocks },
  { name: RETENTION_JOB, setting: 'RETENTION_CRON', work: purgeExpired },
];

/** Runs one job for one slot if this instance claims it; it does everything due by `now`. */
export function runJob(deps: JobDeps, job: JobName, slot: Date, now: Date = deps.clock.now()): Promise<JobRunResult> {
  const definition = JOBS.find((j) => j.name === job);
  if (!definition) throw new Error(`unknown job ${job}`);
  const ctx: ServiceContext = {
    dataSource: deps.dataSource,
    clock: deps.clock,
    policy: deps.policy,
    onDeliveriesWritten: deps.onDeliveriesWritten,
  };
  return runJobSlot(deps, job, slot, deps.instanceId, (progress) =>
    definition.work(ctx, now, { batchSize: deps.batchSize, signal: deps.signal, progress }),
  );
}

/**
 * Runs every job for the slot of `now` (its minute), as the schedule would: what tests call to
 * run a slot without waiting for a timer. Never throws; each result says ran, skipped or failed.
 */
export async function runDueJobs(deps: JobDeps, now: Date = deps.clock.now()): Promise<JobRunResult[]> {
  const slot = truncateToMinute(now);
  const results: JobRunResult[] = [];
  for (const job of JOBS) results.push(await runJob(deps, job.name, slot, now));
  return results;
}

/** How ticks are made: node-cron's `schedule` by default; tests pass one that fires ticks by hand. */
export type Scheduler = (
  expression: string,
  onTick: (tick: Pick<TaskContext, 'date'>) => Promise<void>,
  options: TaskOptions,
) => Pick<ScheduledTask, 'destroy'>;

export interface StartJobsOptions extends Omit<JobDeps, 'instanceId' | 'stats' | 'signal'> {
  /** Each job's cron expression; a job without one (older callers) runs every minute. */
  settings: Pick<Settings, 'AUTO_CLOSE_CRON' | 'REMINDER_CRON'> &
    Partial<Pick<Settings, 'SLA_SWEEP_CRON' | 'RETENTION_CRON'>>;
  /** A random id naming this process by default. */
  instanceId?: string;
  /** The app's /metrics registry: the job figures are registered there. */
  registry?: Registry;
  scheduler?: Scheduler;
}

export interface RunningJobs {
  instanceId: string;
  stats: JobStats;
  /** Runs every job for the slot of `now` at once (as runDueJobs), with this instance's figures. */
  runDueJobs(now?: Date): Promise<JobRunResult[]>;
  /** No new ticks; runs in progress end after their current batch; resolves once they have, so the database can close after. */
  stop(): Promise<void>;
}

/**
 * Schedules each job on its cron setting. The slot of a tick is its scheduled time truncated to
 * the minute, the same on every instance however late its timer fires; the work then does
 * everything due by the clock's now. A tick still running when the next comes is not doubled.
 */
export function startJobs(options: StartJobsOptions): RunningJobs {
  const cronOf = (setting: JobSetting) => options.settings[setting] ?? '* * * * *';
  for (const job of JOBS) {
    const expression = cronOf(job.setting);
    if (!cron.validate(expression))
      throw new Error(`${job.setting} "${expression}" is not a cron expression (e.g. */5 * * * *)`);
  }
  const instanceId = options.instanceId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const stats = new JobStats(options.registry, options.clock);
  const stopController = new AbortController();
  const deps: JobDeps = {
    dataSource: options.dataSource,
    clock: options.clock,
    policy: options.policy,
    instanceId,
    logger: options.logger,
    stats,
    onDeliveriesWritten: options.onDeliveriesWritten,
    batchSize: options.batchSize,
    signal: stopController.signal,
  };
  const scheduler: Scheduler =
    options.scheduler ?? ((expression, onTick, taskOptions) => cron.schedule(expression, onTick, taskOptions));
  const inFlight = new Set<Promise<unknown>>();

  const track = <T>(run: Promise<T>): Promise<T> => {
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
    return run;
  };

  const tasks = JOBS.map((job) =>
    scheduler(
      cronOf(job.setting),
      async (tick) => {
        if (stopController.signal.aborted) return;
        await track(runJob(deps, job.name, truncateToMinute(tick.date), options.clock.now()));
      },
      { name: job.name, noOverlap: true, logger: cronLogger(options.logger) },
    ),
  );
  options.logger.info(
    {
      instance: instanceId,
      autoClose: cronOf('AUTO_CLOSE_CRON'),
      reminders: cronOf('REMINDER_CRON'),
      slaSweep: cronOf('SLA_SWEEP_CRON'),
      retention: cronOf('RETENTION_CRON'),
    },
    'scheduled jobs started',
  );

  let stopDone: Promise<void> | undefined;
  return {
    instanceId,
    stats,
    runDueJobs: (now) => track(runDueJobs(deps, now)),
    stop() {
      stopDone ??= (async () => {
        stopController.abort();
        await Promise.all(tasks.map((task) => task.destroy()));
        await Promise.allSettled([...inFlight]);
      })();
      return stopDone;
    },
  };
}

/** node-cron's own messages (a missed tick, say) go to the app's log rather than the console. */
function cronLogger(logger: JobLogger): NonNullable<TaskOptions['logger']> {
  const err = (message: string | Error, error?: Error) =>
    typeof message === 'string'
      ? { err: error, msg: `node-cron: ${message}` }
      : { err: message, msg: `node-cron: ${message.message}` };
  return {
    info: (message) => logger.info(`node-cron: ${message}`),
    warn: (message) => logger.warn(`node-cron: ${message}`),
    error: (message, error) => {
      const { err: e, msg } = err(message, error);
      logger.error({ err: e }, msg);
    },
    debug: (message, error) => {
      const { err: e, msg } = err(message, error);
      logger.debug({ err: e }, msg);
    },
  };
}
