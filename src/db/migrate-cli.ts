import 'dotenv/config';
import { loadSettings } from '../config';
import { openDatabase } from './data-source';

/** `npm run migrate`: brings the configured store's schema up to date and exits. */
async function main(): Promise<void> {
  const settings = loadSettings();
  const database = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: settings.DATA_DIR, poolSize: 2 });
  const applied = await database.dataSource.query(`SELECT name FROM migrations ORDER BY id`);
  console.log(`${database.description}: schema up to date (${applied.length} migrations applied).`);
  await database.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
