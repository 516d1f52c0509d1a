#!/usr/bin/env node
// Compiles the TypeScript (npm run build) only when a source is newer than the last build, so
// `npm start` on an unchanged tree starts at once instead of paying tsc's ~25 s every time.
// A build that fails leaves no stamp, so the next start tries again.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const inputs = ['src', 'bench', 'chaos', 'ormconfig.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestChange(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

function builtAt() {
  try {
    return fs.statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

const newestSource = Math.max(...inputs.map((input) => newestChange(path.join(root, input))));
if (builtAt() >= newestSource) process.exit(0);

const started = Date.now();
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  // An install without dev dependencies (npm ci --omit=dev) has no compiler: run what is built.
  const missing =
    'chatdesk: TypeScript is not installed (an install with --omit=dev?), so the sources are not compiled';
  if (fs.existsSync(path.join(root, 'dist', 'src', 'main.js'))) {
    console.warn(`${missing}; running the build in dist/`);
    process.exit(0);
  }
  if (process.argv.includes('--at-install')) {
    console.warn(`${missing}; build with npm run build where dev dependencies are installed, and copy dist/`);
    process.exit(0);
  }
  console.error(`${missing} and there is no build in dist/: install with npm ci, or build elsewhere and copy dist/`);
  process.exit(1);
}
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
fs.mkdirSync(path.dirname(stamp), { recursive: true });
fs.writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
// The stamp says when the compiled sources were read: anything changed during the build is newer.
fs.utimesSync(stamp, new Date(started), new Date(started));
