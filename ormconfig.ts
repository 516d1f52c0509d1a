import 'dotenv/config';
import { createDataSource } from './src/db/data-source';

/**
 * The TypeORM DataSource for the TypeORM CLI (e.g. `npx typeorm migration:show -d dist/ormconfig.js`).
 * It needs a running server: `DATABASE_URL`. The application itself opens its store through
 * `openDatabase`, which also starts the embedded PostgreSQL when no URL is set.
 */
export default createDataSource(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 4);
