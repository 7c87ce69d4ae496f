#!/usr/bin/env node
// Entry point: runs the compiled JavaScript in dist/ (built by `npm install` through `prepare`, or
// `npm run build`). In a development checkout whose dist/ is missing, or older than a file of src/
// (edited since the last build), it runs the TypeScript sources through tsx instead, so a command never
// runs code older than the sources beside it, and says so in one line when stderr is a terminal (a
// program reading stderr, as the tests do, gets only the command's own lines).
// FISCUS_RUN=dist runs dist/ without comparing (the bench, while others edit a shared checkout);
// FISCUS_RUN=src runs the sources through tsx.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Why dist/ cannot be used for this checkout's sources, or null when it can. */
function distStale() {
  let built;
  try {
    built = Number(readFileSync(`${root}dist/.build-stamp`, 'utf8'));
  } catch {
    return 'dist/ 不存在或未构建完成';
  }
  // An installed package carries no src/: nothing to compare with.
  if (!existsSync(`${root}src`)) return null;
  for (const e of readdirSync(`${root}src`, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name.endsWith('.test.ts') || e.name === 'README.md') continue;
    const path = `${e.parentPath}/${e.name}`;
    if (statSync(path).mtimeMs > built) return `dist/ 早于 ${path.slice(root.length)}`;
  }
  return null;
}

const mode = process.env['FISCUS_RUN'];
const why = mode === 'dist' ? null : mode === 'src' ? 'FISCUS_RUN=src' : distStale();
let main;
if (why === null) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  if (mode !== 'src' && process.stderr.isTTY) process.stderr.write(`fiscus：${why}，经 tsx 运行源码（npm run build 重新编译）\n`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
