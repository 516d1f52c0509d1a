import type { DataSource } from 'typeorm';
import { defaultPolicy } from '../src/config';
import { truncateToMinute } from '../src/jobs/job-runner';
import { runJob, type JobDeps, type JobName } from '../src/jobs/schedule';
import { createLogger } from '../src/log';
import { median, timed } from './common';

/**
 * What the job benchmarks (bench/jobs.ts, bench/sla-sweep.ts) share: a scheduled job next to
 * hand-written SQL doing the same writes, on the same filled database. Each side runs, what it
 * wrote is digested, and the changed rows are put back before the other side runs.
 */

/** Every figure is measured at this instant; the data is filled relative to it. */
export const NOW = new Date('2026-06-01T12:00:00.000Z');

/** The job as scheduled (`runJob`: slot claim, batches, run record), at NOW. */
export function scheduledJob(dataSource: DataSource, job: JobName, batchSize: number): () => Promise<number> {
  const deps: JobDeps = {
    dataSource,
    clock: { now: () => NOW },
    policy: defaultPolicy,
    instanceId: 'bench',
    logger: createLogger('silent'),
    batchSize,
  };
  return async () => {
    // The benchmark's restore empties job_run, so every round may claim the slot again.
    const result = await runJob(deps, job, truncateToMinute(NOW), NOW);
    if (result.status !== 'ran') throw result.error ?? new Error(`the ${job} job did not run (${result.status})`);
    return result.rowsAffected;
  };
}

/** Dead rows left by a side would slow the next one down; VACUUM runs outside any transaction. */
export async function vacuum(ds: DataSource): Promise<void> {
  for (const table of ['ticket', 'ticket_event', 'delivery']) await ds.query(`VACUUM ANALYZE ${table}`);
}

/** Both sides start with the table read once: the first side would otherwise pay for the cold cache. */
export async function warmTicketTable(ds: DataSource): Promise<void> {
  await vacuum(ds);
  await ds.query(`SELECT count(*), sum(length(title)) FROM ticket`);
}

/** Digests (count and md5) of the events and deliveries a side wrote, ids aside, which differ by construction. */
export const EVENT_AND_DELIVERY_DIGESTS = `
  (SELECT count(*) || ' ' || md5(coalesce(string_agg(concat_ws('|', ticket_id, actor_id, kind, data::text, created_at), ',' ORDER BY ticket_id, kind, data::text), ''))
     FROM ticket_event) AS events,
  (SELECT count(*) || ' ' || md5(coalesce(string_agg(concat_ws('|', ticket_id, platform, destination, kind, payload::text, status, not_before, created_at), ','
                                          ORDER BY ticket_id, kind, payload::text), ''))
     FROM delivery) AS deliveries,
  (SELECT count(*)::text FROM delivery d JOIN ticket_event e ON e.id = d.event_id WHERE e.ticket_id <> d.ticket_id) AS foreign_events`;

export interface Sides<Writes extends Record<string, string>> {
  /** Names the comparison in progress lines and mismatches ("auto-close"). */
  label: string;
  rounds: number;
  log: (line: string) => void;
  job: () => Promise<number>;
  hand: () => Promise<number>;
  /** Puts back what a side changed, so the next side starts alike. */
  restore: () => Promise<void>;
  /** What a side wrote, to compare the two. */
  writes: () => Promise<Writes>;
}

/**
 * Times each side `rounds` times on the same data, alternating which goes first, after one
 * untimed pass: restoring moves the changed rows within the table, so only the very first run
 * would see the table as filled. Figures are the medians; what the two sides wrote differently
 * (or how many tickets they changed) comes back as mismatches.
 */
export async function compareSides<Writes extends Record<string, string>>(
  sides: Sides<Writes>,
): Promise<{ jobMs: number; handMs: number; rows: number; mismatches: string[] }> {
  const { label, rounds, log } = sides;
  log(`${label}: one untimed pass`);
  await sides.hand();
  await sides.restore();
  const side = (run: () => Promise<number>) => ({ run, ms: [] as number[], rows: 0, writes: null as Writes | null });
  const timings = { job: side(sides.job), hand: side(sides.hand) };
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0 ? (['job', 'hand'] as const) : (['hand', 'job'] as const)) {
      log(`${label}: ${name === 'job' ? 'the job' : 'hand-written SQL'} (round ${round + 1} of ${rounds})`);
      const timing = timings[name];
      const run = await timed(timing.run);
      timing.ms.push(run.ms);
      timing.rows = run.result;
      timing.writes ??= await sides.writes();
      await sides.restore();
    }
  }
  const mismatches: string[] = [];
  const [jobWrites, handWrites] = [timings.job.writes!, timings.hand.writes!];
  for (const key of Object.keys(jobWrites)) {
    if (jobWrites[key] !== handWrites[key])
      mismatches.push(`${label} ${key}: job ${jobWrites[key]}, hand SQL ${handWrites[key]}`);
  }
  if (timings.job.rows !== timings.hand.rows)
    mismatches.push(`${label} tickets: job ${timings.job.rows}, hand SQL ${timings.hand.rows}`);
  return { jobMs: median(timings.job.ms), handMs: median(timings.hand.ms), rows: timings.job.rows, mismatches };
}
