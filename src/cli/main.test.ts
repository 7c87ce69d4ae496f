import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Command } from 'commander';
import { buildProgram, fullProgram, prestartsPglite, startsAuditThreads } from './main.js';

function listing(program: Command): string[] {
  const help = program.createHelp();
  return help.visibleCommands(program).map((c) => `${help.subcommandTerm(c)} — ${help.subcommandDescription(c)}`);
}

test('the top-level help lists each command as its module registers it (the summaries in main.ts are not stale)', async () => {
  assert.deepEqual(listing(await buildProgram(['--help'])), listing(await fullProgram()));
});

test('a command line is given the one command it names, its own help included', async () => {
  assert.deepEqual(
    (await buildProgram(['validate', 'x.txt', '--format', 'json'])).commands.map((c) => c.name()),
    ['validate'],
  );
  assert.deepEqual(
    (await buildProgram(['help', 'audit'])).commands.map((c) => c.name()),
    ['audit'],
  );
  assert.deepEqual(
    (await buildProgram(['user', 'list', '-d', 'data'])).commands.map((c) => c.name()),
    ['org', 'user', 'token'],
  );
  const all = (await fullProgram()).commands.length;
  assert.equal((await buildProgram(['--help', 'import'])).commands.length, all);
  assert.equal((await buildProgram(['frobnicate'])).commands.length, all);
});

test('fiscus audit starts its threads at once, but not to show its help', () => {
  assert.equal(startsAuditThreads(['audit', 'folder', '-o', 'r.csv']), true);
  assert.equal(startsAuditThreads(['audit', '--help']), false);
  assert.equal(startsAuditThreads(['audit', '-h']), false);
  assert.equal(startsAuditThreads(['validate', 'x.txt']), false);
});

test('fiscus start and serve on PGlite start the PGlite thread at once, but not on PostgreSQL nor for their help', () => {
  assert.equal(prestartsPglite(['start'], {}), true);
  assert.equal(prestartsPglite(['serve', '--port', '0', '--data', 'd'], {}), true);
  assert.equal(prestartsPglite(['start'], { DATABASE_URL: 'postgres://localhost/fiscus' }), false);
  assert.equal(prestartsPglite(['start', '--help'], {}), false);
  assert.equal(prestartsPglite(['serve', '-h'], {}), false);
  assert.equal(prestartsPglite(['help', 'start'], {}), false);
  assert.equal(prestartsPglite(['validate', 'x.txt'], {}), false);
  assert.equal(prestartsPglite(['worker'], {}), false);
});
