import { DATABASE_KINDS, type DatabaseKind } from './common';

/** What `npm run bench -- …` was asked for (see the usage in run.ts). */
export interface Options {
  json: boolean;
  quick: boolean;
  only: string[];
  kinds: DatabaseKind[];
  tickets: number | null;
  concurrency: number;
  jobsTickets: number | null;
  jobsPending: number | null;
  deliveries: number | null;
  profile: boolean;
}

const USAGE =
  'usage: node dist/bench/run.js [--json] [--quick] [--only NAME[,NAME]] [--db pglite|postgres] [--tickets N] [--concurrency N] ' +
  '[--jobs-tickets N] [--jobs-pending N] [--deliveries N] [--profile]';

export function parseArgs(argv: string[]): Options {
  const options: Options = {
    json: false,
    quick: false,
    only: [],
    kinds: [...DATABASE_KINDS],
    tickets: null,
    concurrency: 8,
    jobsTickets: null,
    jobsPending: null,
    deliveries: null,
    profile: false,
  };
  const count = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n <= 0)
      throw new UsageError(`${flag} needs a positive whole number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] =
      argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--json':
        options.json = true;
        break;
      case '--quick':
        options.quick = true;
        break;
      case '--profile':
        options.profile = true;
        break;
      case '--only': {
        const names = value();
        if (!names)
          throw new UsageError(
            '--only needs a benchmark name (open, dispatcher, jobs, look_alike, sla, memory, discord, slack, start)',
          );
        options.only.push(
          ...names
            .split(',')
            .map((n) => n.trim().toLowerCase())
            .filter(Boolean),
        );
        break;
      }
      case '--db': {
        const kinds = (value() ?? '').split(',').map((k) => k.trim());
        if (kinds.length === 0 || kinds.some((k) => !DATABASE_KINDS.includes(k as DatabaseKind)))
          throw new UsageError('--db is pglite or postgres');
        options.kinds = kinds as DatabaseKind[];
        break;
      }
      case '--tickets':
        options.tickets = count(flag, value());
        break;
      case '--concurrency':
        options.concurrency = count(flag, value());
        break;
      case '--jobs-tickets':
        options.jobsTickets = count(flag, value());
        break;
      case '--jobs-pending':
        options.jobsPending = count(flag, value());
        break;
      case '--deliveries':
        options.deliveries = count(flag, value());
        break;
      case '--help':
      case '-h':
        throw new UsageError(USAGE, 0);
      default:
        throw new UsageError(`unknown option ${argv[i]}\n${USAGE}`);
    }
  }
  return options;
}

export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
