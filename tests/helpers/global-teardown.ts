import fs from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const root = process.env.CHATDESK_TEST_ROOT;
  if (root) fs.rmSync(root, { recursive: true, force: true });
  const template = process.env.CHATDESK_SERVER_TEMPLATE;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (template && serverUrl) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.end();
  }
}
