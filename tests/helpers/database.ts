import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { HelpdeskPolicy } from '../../src/core/policy';
import { TEST_POLICY } from './policy';
import { ManualClock } from '../../src/core/clock';
import { createHelpdesk, type Helpdesk } from '../../src/core/helpdesk';
import { openDatabase, type Database } from '../../src/db/data-source';
import { withDatabase } from './global-setup';

export type DatabaseKind = 'pglite' | 'postgres';

/** The stores database tests run on: PGlite always, and the PostgreSQL server when TEST_DATABASE_URL names one. */
export function databaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  kind: DatabaseKind;
  database: Database;
  dataSource: DataSource;
  /** Where the embedded store keeps its files (PGlite only). */
  dataDir: string | null;
  close(): Promise<void>;
}

/** A fresh, migrated, empty store of this kind, private to the caller. */
export async function freshDatabase(kind: DatabaseKind, poolSize = 10): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dataDir = path.join(process.env.CHATDESK_TEST_ROOT!, randomUUID());
    fs.cpSync(process.env.CHATDESK_PGLITE_TEMPLATE!, dataDir, { recursive: true });
    fs.rmSync(path.join(dataDir, 'chatdesk.lock'), { force: true });
    const database = await openDatabase({ dataDir, poolSize });
    return {
      kind,
      database,
      dataSource: database.dataSource,
      dataDir,
      async close() {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const name = `chatdesk_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.CHATDESK_SERVER_TEMPLATE}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), dataDir: '', poolSize });
  return {
    kind,
    database,
    dataSource: database.dataSource,
    dataDir: null,
    async close() {
      await database.close();
      const cleanup = new Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export interface TestHelpdesk extends TestDatabase {
  clock: ManualClock;
  helpdesk: Helpdesk;
}

/**
 * Declares a test suite once per store kind, each with its own fresh store, a manual clock and the
 * helpdesk services over them (`ctx()` inside tests).
 */
export function describeEachDatabase(
  title: string,
  body: (ctx: () => TestHelpdesk) => void,
  options: { policy?: Partial<HelpdeskPolicy>; kinds?: DatabaseKind[] } = {},
): void {
  for (const kind of options.kinds ?? databaseKinds()) {
    describe(`${title} [${kind}]`, () => {
      let current: TestHelpdesk | undefined;
      beforeAll(async () => {
        const db = await freshDatabase(kind);
        const clock = new ManualClock();
        const helpdesk = createHelpdesk({
          dataSource: db.dataSource,
          clock,
          policy: { ...TEST_POLICY, ...options.policy },
        });
        current = { ...db, clock, helpdesk };
      });
      afterAll(async () => {
        await current?.close();
      });
      body(() => {
        if (!current) throw new Error('the test database did not start');
        return current;
      });
    });
  }
}
