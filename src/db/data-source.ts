import 'reflect-metadata';
import { types } from 'pg';
import { DataSource, MigrationExecutor } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { databaseStartupError, dataDirStartupError } from '../startup-error';

// bigint (ids, counts) as JavaScript numbers: our values stay far below 2^53.
types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));

export function createDataSource(url: string, poolSize: number): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Off: TypeORM's logger prints queries, and failed ones with their parameters (people's text).
    logging: false,
    // A server that swallows packets must not hold start-up (or a request) for minutes.
    connectTimeoutMS: 10_000,
    extra: { max: poolSize },
  });
}

/** Key of the advisory lock that keeps two instances from migrating one server at once. */
const MIGRATION_LOCK_KEY = 7_340_001;

/**
 * Runs pending migrations. On a server, instances starting together take turns through a session
 * advisory lock on a connection of its own; PGlite serves one process, so it needs none (and its
 * advisory locks are shared between connections).
 */
export async function runMigrations(dataSource: DataSource, embedded: boolean): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    // Lock and migrations share one connection, so a pool of one cannot wait on itself.
    if (!embedded) await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    return (await executor.executePendingMigrations()).map((m) => m.name);
  } finally {
    if (!embedded) await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

export interface Database {
  dataSource: DataSource;
  embedded: EmbeddedPostgres | null;
  /** What is in use, for logs and /healthz: never the password. */
  description: string;
  close(): Promise<void>;
}

/**
 * Opens the configured store: the PostgreSQL server at `databaseUrl`, or else an embedded one kept
 * in `dataDir`; then brings its schema up to date.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  poolSize: number;
  /** Told the names of the migrations this start applied (none when the schema was current). */
  onMigrated?: (applied: string[]) => void;
}): Promise<Database> {
  const embedded = options.databaseUrl
    ? null
    : await startEmbeddedPostgres(options.dataDir, { maxConnections: options.poolSize + 2 }).catch((error: unknown) => {
        throw dataDirStartupError(error, options.dataDir) ?? error;
      });
  const url = options.databaseUrl ?? embedded!.url;
  const dataSource = createDataSource(url, options.poolSize);
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource, embedded !== null);
    options.onMigrated?.(applied);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw (options.databaseUrl ? databaseStartupError(error, options.databaseUrl) : undefined) ?? error;
  }
  return {
    dataSource,
    embedded,
    description: embedded ? `embedded PostgreSQL (PGlite) in ${embedded.dataDir}` : `PostgreSQL at ${redactUrl(url)}`,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/** Query parameters that carry a secret (libpq's `password`, `sslpassword`, and the like). */
const SECRET_PARAMETER = /pass|secret|token|key/i;

/** A database URL fit for a log: the password masked, in the userinfo and in the query. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const name of [...parsed.searchParams.keys()])
      if (SECRET_PARAMETER.test(name)) parsed.searchParams.set(name, '***');
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
