// `npm run demo` runs this first: it builds the TypeScript (as `npm run build`) only when a source
// is newer than the built demo, so a second `npm run demo` starts at once. Plain JavaScript: it
// runs before anything is compiled.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const built = path.join(root, 'dist', 'src', 'demo', 'main.js');
const sources = ['src', 'bench', 'ormconfig.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestChange(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

const builtAt = fs.statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (Math.max(...sources.map((s) => newestChange(path.join(root, s)))) > builtAt) {
  console.log('Building chatdesk (npm run build)…');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}
