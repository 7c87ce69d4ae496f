// Mutation testing (issue 15 item 8): `npm run mutate`, not part of `npm test`.
//
// StrykerJS has no runner of its own for node:test. The tap runner (@stryker-mutator/tap-runner,
// maintained in StrykerJS's own repository and the one its maintainers recommend for node:test) runs
// each test file in its own node process, where node:test prints TAP, and records coverage per test
// file: a mutant is tested by the files that reach it only. The `command` runner would run every
// test for every mutant.
//
// Scope: the domain, the rules, the scoring and the importers' shared code. `npm run mutate -- --mutate
// 'src/scoring/**/*.ts'` narrows a run; incremental mode keeps the results of mutants whose code and
// tests did not change, so a rerun tests only what changed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'tap',
  tap: {
    testFiles: [
      'src/domain/**/*.test.ts',
      'src/rules/**/*.test.ts',
      'src/scoring/**/*.test.ts',
      'src/importers/_lib/**/*.test.ts',
      // Not forms, table and narrative.test.ts: they read the development corpus beside the
      // repository (../shared/corpus), which the sandbox copy under .stryker-tmp cannot reach.
      'src/importers/genre/segment.test.ts',
      'src/importers/genre/forms/*.test.ts',
    ],
    // The file runs in this process (no --test), so the hook sees the mutants it reaches.
    nodeArgs: ['--import', 'tsx', '--test-reporter=tap', '-r', '{{hookFile}}', '{{testFile}}'],
    forceBail: true,
  },
  mutate: [
    'src/domain/**/*.ts',
    'src/rules/**/*.ts',
    'src/scoring/**/*.ts',
    'src/importers/_lib/**/*.ts',
    'src/importers/genre/*.ts',
    '!src/**/*.test.ts',
    // Test helpers and the model's schemas (declarations, no behaviour of their own).
    '!src/rules/_lib/test-doc.ts',
    '!src/domain/model.ts',
  ],
  // Only what the tests need is copied into the sandbox.
  ignorePatterns: ['/scratch', '/dist', '/data', '/reports', '/.perf', '/.test-artifacts'],
  coverageAnalysis: 'perTest',
  // Top-level code (catalogues, tables of constants) would need every test file for each of its mutants.
  ignoreStatic: true,
  // The machine's two cores are shared with other work.
  concurrency: 1,
  timeoutMS: 20000,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  // The first run of every test file, one at a time on a busy machine.
  dryRunTimeoutMinutes: 30,
};
