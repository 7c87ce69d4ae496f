// @ts-check
// Lint (issue 15 item 8): eslint's and typescript-eslint's recommended rules, type-aware
// (recommendedTypeChecked through the TypeScript project service, which reads tsconfig.json), with
// zero warnings allowed (`npm run lint`, a step of scripts/test.sh). Formatting is prettier's alone:
// eslint-config-prettier, last, turns off every rule that could disagree with it.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // What git ignores (build output, data folders, scratch) and what is not code.
  globalIgnores(['dist/', 'data/', 'scratch/', 'tmp/', 'reports/', '.stryker-tmp/', '.test-artifacts/', 'samples/', 'docs/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test/describe/it return promises that the runner itself awaits at the top level.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] }],
      // `const { src, ...rest } = x` is how the code leaves keys out of a copy: the named keys are the point.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // An async function without await is how the code implements a promise-returning interface (pdf.js's
      // factories, exporters, storage backends, test hooks): a throw inside becomes a rejection, as callers expect.
      '@typescript-eslint/require-await': 'off',
      // Control characters are matched on purpose: refused in names and stored text, replaced in file names.
      'no-control-regex': 'off',
      // Chinese text is spaced with the ideographic space (U+3000) in templates and patterns; code itself is still checked.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }],
    },
  },
  // The libraries (reading, checking, rendering, the model) never print: a command or the server says what
  // is shown, through its own output or log. A stray print left from debugging fails the lint.
  { files: ['src/{domain,importers,rules,reports,scoring}/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-console': 'error' } },
  // The JavaScript files are outside tsconfig.json (no allowJs): linted without type information.
  { files: ['**/*.{js,mjs,cjs}'], extends: [tseslint.configs.disableTypeChecked] },
  // The web's own scripts run in the browser.
  { files: ['src/web/static/**/*.js'], languageOptions: { globals: globals.browser } },
  prettier,
);
