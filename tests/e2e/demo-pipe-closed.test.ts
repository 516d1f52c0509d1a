import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run demo | head`: once the reader of its output has gone, the demo stops as on Ctrl-C and
 * removes its temporary folder (it once died on the closed pipe and left the folder behind).
 */
const root = path.join(__dirname, '..', '..');

beforeAll(() => {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.js')], {
    stdio: 'inherit',
    timeout: 180_000,
  });
  expect(build.status).toBe(0);
}, 200_000);

test('the demo whose output pipe closes stops and removes its folder', async () => {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'demo', 'main.js'), '--fast'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    let seen = '';
    const folder = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const found = /Data: (\S+) \(removed when the demo stops\)/.exec(seen);
        if (found) resolve(found[1]);
      });
      child.on('exit', () => reject(new Error(`the demo ended before naming its folder:\n${seen}`)));
    });
    expect(fs.existsSync(folder)).toBe(true);
    // What `head` does once it has its lines: it closes its end of the pipe.
    child.stdout.destroy();
    const code = await Promise.race([
      exited,
      new Promise<'still running'>((r) => setTimeout(() => r('still running'), 60_000)),
    ]);
    expect(code).not.toBe('still running');
    expect(fs.existsSync(folder)).toBe(false);
  } finally {
    child.kill('SIGKILL');
  }
}, 120_000);
