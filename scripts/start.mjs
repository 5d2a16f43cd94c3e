#!/usr/bin/env node
// `npm start` on a fresh clone: installs dependencies if needed, builds the web interface if it
// is missing or older than its sources, then starts Vigie (SQLite + demo) and prints the URL.
// Plain JavaScript with no dependency, because it runs before `npm install`.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules/.package-lock.json');
if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  console.log('Installing dependencies (first start takes a few minutes: better-sqlite3 compiles)…');
  run('npm ci --no-audit --no-fund');
}
const dist = join(root, 'packages/web/dist/index.html');
if (!existsSync(dist) || newest(join(root, 'packages/web/src')) > statSync(dist).mtimeMs) {
  console.log('Building the web interface…');
  run('npm run build:web --silent');
}
const child = spawn(process.execPath, [join(root, 'packages/cli/bin/vigie.js'), 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
