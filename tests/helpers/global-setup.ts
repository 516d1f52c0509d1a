import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../../src/db/data-source';

/**
 * Once per test run: an embedded PostgreSQL folder with every migration applied (copied per test
 * file, since creating one costs seconds), and, when TEST_DATABASE_URL names a server, a template
 * database there that each test file clones.
 */
export default async function globalSetup(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-test-'));
  const templateDir = path.join(root, 'template');
  const database = await openDatabase({ dataDir: templateDir, poolSize: 2 });
  await database.close();
  process.env.CHATDESK_TEST_ROOT = root;
  process.env.CHATDESK_PGLITE_TEMPLATE = templateDir;

  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const templateName = `chatdesk_template_${process.pid}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
    await admin.query(`CREATE DATABASE ${templateName}`);
    await admin.end();
    const templateUrl = withDatabase(serverUrl, templateName);
    const server = await openDatabase({ databaseUrl: templateUrl, dataDir: '', poolSize: 2 });
    await server.close();
    process.env.CHATDESK_SERVER_TEMPLATE = templateName;
  }
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
