import 'dotenv/config';
import { MigrationExecutor } from 'typeorm';
import { loadSettings, SettingsError } from '../config';
import { databaseStartupError, StartupError } from '../startup-error';
import { DataDirLockedError } from './data-dir-lock';
import { createDataSource, openDatabase, type Database } from './data-source';
import { startEmbeddedPostgres } from './embedded';

/**
 * `npm run migrate` brings the configured store's schema up to date and lists what it applied;
 * `npm run migration:show` lists every migration and whether it ran; `npm run migration:revert`
 * undoes the last one. Each starts the embedded database itself when DATABASE_URL is empty.
 */
async function main(command: string | undefined): Promise<void> {
  const settings = loadSettings();
  if (command === 'show' || command === 'revert') {
    const database = await openWithoutMigrating(settings.DATABASE_URL, settings.DATA_DIR);
    try {
      if (command === 'show') await show(database);
      else await revert(database);
    } finally {
      await database.close();
    }
    return;
  }
  const database = await openDatabase({
    databaseUrl: settings.DATABASE_URL,
    dataDir: settings.DATA_DIR,
    poolSize: 2,
    onMigrated: (applied) => {
      for (const name of applied) console.log(`applied ${name}`);
    },
  });
  const total = await database.dataSource.query(`SELECT count(*)::int AS n FROM migrations`);
  console.log(`${database.description}: schema up to date (${total[0].n} migrations applied in all).`);
  await database.close();
}

/** The store, without running anything on it: show and revert look at the schema as it is. */
async function openWithoutMigrating(databaseUrl: string | undefined, dataDir: string): Promise<Database> {
  const embedded = databaseUrl ? null : await startEmbeddedPostgres(dataDir, { maxConnections: 4 });
  const dataSource = createDataSource(databaseUrl ?? embedded!.url, 2);
  try {
    await dataSource.initialize();
  } catch (error) {
    // Said as npm start and npm run migrate say it: the setting and what to do.
    await embedded?.stop();
    throw (databaseUrl && databaseStartupError(error, databaseUrl)) || error;
  }
  return {
    dataSource,
    embedded,
    description: embedded ? `embedded PostgreSQL (PGlite) in ${embedded.dataDir}` : 'PostgreSQL',
    async close() {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

async function show(database: Database): Promise<void> {
  const runner = database.dataSource.createQueryRunner();
  try {
    const executor = new MigrationExecutor(database.dataSource, runner);
    const executed = new Set((await executor.getExecutedMigrations()).map((m) => m.name));
    for (const migration of database.dataSource.migrations) {
      const name = migration.name ?? migration.constructor.name;
      console.log(`${executed.has(name) ? '[X]' : '[ ]'} ${name}`);
    }
  } finally {
    await runner.release();
  }
}

async function revert(database: Database): Promise<void> {
  const runner = database.dataSource.createQueryRunner();
  try {
    const executor = new MigrationExecutor(database.dataSource, runner);
    executor.transaction = 'each';
    const last = (await executor.getExecutedMigrations())[0];
    if (!last) {
      console.log('nothing to revert: no migration has run');
      return;
    }
    await executor.undoLastMigration();
    console.log(`reverted ${last.name}`);
  } finally {
    await runner.release();
  }
}

main(process.argv[2]).catch((error) => {
  // A wrong setting is its own one-line message; anything else keeps its stack for whoever debugs it.
  if (error instanceof SettingsError) for (const line of error.problems) console.error(line);
  // The embedded database's folder held by a running npm start is a fact to act on, not a bug: its message alone.
  else if (error instanceof StartupError || error instanceof DataDirLockedError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
