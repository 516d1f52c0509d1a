import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockDataDir } from '../../src/db/data-dir-lock';

/**
 * `npm run migrate` and `npm run migration:show` as a new user meets them: run while `npm start`
 * holds the embedded database's folder, or against a server that is not there. Each ends with the
 * one line npm start would give, not a stack trace.
 */
const root = path.join(__dirname, '..', '..');
const script = path.join(root, 'src', 'db', 'migrate-cli.ts');
const register = path.join(root, 'tests', 'delivery', 'child', 'swc-register.js');

function run(args: string[], settings: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-migrate-cli-'));
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([n]) => n !== 'DATABASE_URL')), ...settings };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', register, script, ...args],
      { cwd, env, timeout: 60_000 },
      (error, _out, stderr) => {
        fs.rmSync(cwd, { recursive: true, force: true });
        resolve({ code: error ? Number(error.code ?? 1) : 0, stderr });
      },
    );
  });
}

test('migrate while npm start holds the data folder: the lock, in one line', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-locked-'));
  const lock = lockDataDir(dataDir); // this test process plays the running npm start
  try {
    const { code, stderr } = await run([], { DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^The data folder .* is in use by another chatdesk process \(pid \d+\)\. Stop that process/,
      ),
    ]);
  } finally {
    lock.release();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 90_000);

test('migration:show against a server that is not there: the setting and what to do, in one line', async () => {
  const { code, stderr } = await run(['show'], { DATABASE_URL: 'postgres://chatdesk@127.0.0.1:1/chatdesk' });
  expect(code).toBe(1);
  expect(stderr.trim().split('\n')).toEqual([
    'DATABASE_URL: nothing accepts connections at 127.0.0.1:1: start PostgreSQL there, or correct the host and port',
  ]);
}, 90_000);
