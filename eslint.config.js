import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries from ARCHITECTURE.md, enforced here so that a wrong import fails `npm run lint`.
const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map(([group, message]) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'dev-dist/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs', 'bin/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      // Fastify plugins and handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        [
          ['**/server/**', '**/db/**', '**/cli/**'],
          'The web app knows the server only through contracts and HTTP.',
        ],
      ]),
    },
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: restrict([[['../*', '!./*'], 'contracts import only zod and each other.']]),
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict([
      [
        ['**/server/**', '**/db/**', '**/web/**', '**/cli/**', 'node:*'],
        'domain is pure: it imports contracts and libraries, and does no I/O.',
      ],
    ]),
  },
  {
    files: ['src/server/modules/**/*.ts'],
    ignores: [
      'src/server/modules/**/*.repository.ts',
      'src/server/modules/**/*.store.ts',
      'src/server/modules/**/*.test.ts',
      'src/server/modules/**/index.ts',
    ],
    rules: restrict([
      [
        ['**/db/connect*', '**/db/migrat*'],
        'Only repositories, container.ts, jobs and test helpers use the database.',
      ],
      [
        ['../*/*.repository*', '../*/*.service*', '../*/*.routes*', '../*/*.store*'],
        'Reach another module through its index.ts.',
      ],
    ]),
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts', 'src/server/test/**'],
    rules: restrict([[['**/test/*', '**/test/**'], 'Test helpers are imported only by tests.']]),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([
      [
        ['**/server/modules/**', '**/db/schema*', 'kysely'],
        'The CLI uses services from server/container.ts; it never writes SQL.',
      ],
    ]),
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts', 'src/server/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      'no-console': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['scripts/**', 'bin/**', 'bench/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
