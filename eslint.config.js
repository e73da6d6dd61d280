// ESLint (flat config) with typescript-eslint, run by `npm run lint` and .ci/run. Besides the usual
// checks it holds the layers apart (docs/architecture.md): each rule below names what a layer may not
// import. Known exceptions are listed where they are allowed, each with the reason; they are debts.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (name, patterns) => ({ group: patterns, message: `${name} (see docs/architecture.md, "Layers")` });

export default tseslint.config(
  { ignores: ['dist/', 'web/dist/', 'node_modules/', '.scratch/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      // The code base's own conventions (STYLE.md): `_`-prefixed names are deliberately unused, and a
      // non-null assertion follows a check the compiler cannot see.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Chinese text uses the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipComments: true, skipJSXText: true, skipRegExps: true },
      ],
    },
  },
  {
    files: ['web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Tests poke at untyped JSON answers and keep names that document a fixture.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-vars': 'warn' },
  },

  // ---- Layers --------------------------------------------------------------------------------------
  // The policy engine is pure: no store, services, API, CLI, database driver or web framework.
  {
    files: ['src/policy/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('The policy engine is pure: it imports nothing of store, services, demo, api or cli', [
              '**/store/**',
              '**/services/**',
              '**/demo/**',
              '**/api/**',
              '**/cli/**',
            ]),
            layer('The policy engine does no I/O', [
              'kysely',
              'kysely/*',
              'pg',
              'fastify',
              '@fastify/*',
              '@electric-sql/*',
              'node:fs',
              'node:child_process',
            ]),
          ],
        },
      ],
    },
  },
  // The store knows tables, not use cases.
  {
    files: ['src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [layer('The store imports no services, demo, api or cli', ['**/services/**', '**/demo/**', '**/api/**', '**/cli/**'])],
        },
      ],
    },
  },
  {
    files: ['src/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer('Use cases import no demo, api or cli', ['**/demo/**', '**/api/**', '**/cli/**'])] },
      ],
    },
  },
  // The demo seed sits above the use cases (it drives them, as the CLI does) and beside the CLI, which runs it.
  {
    files: ['src/demo/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('The demo seed imports no api or cli', ['**/api/**', '**/cli/**'])] }],
    },
  },
  {
    files: ['src/api/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('The API imports no demo or cli', ['**/demo/**', '**/cli/**'])] }],
    },
  },
  // The shared vocabulary (roles, areas, statuses and their Chinese names) is the lowest layer, beside
  // the policy engine: server and browser import it, so it imports nothing of either.
  {
    files: ['src/vocabulary/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('The shared vocabulary imports nothing of the system: it is read by server and browser alike', [
              '../*',
              'kysely',
              'pg',
              'fastify',
              'node:*',
            ]),
          ],
        },
      ],
    },
  },
  // The browser app runs the policy modules and a shared browser-safe vocabulary; of the server it may
  // name types only (`import type`: erased from the bundle, so no server code reaches the browser).
  {
    files: ['web/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/services/**',
                '**/src/store/**',
                '**/src/api/**',
                '**/src/cli/**',
                'kysely',
                'pg',
                'fastify',
                '@electric-sql/*',
              ],
              allowTypeImports: true,
              message:
                'The web app imports only policy and the shared vocabulary; of the server, types only (docs/architecture.md, "Layers")',
            },
          ],
        },
      ],
    },
  },
);
