// Lint: type-aware rules (no floating promises, no explicit any) and the dependency direction
// between packages: core ← analysis, connectors, store ← server → client ← web, cli.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const pkg = (name) => [`@vigie/${name}`, `@vigie/${name}/*`];
const forbid = (names, extra = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...names.map((n) => ({ group: pkg(n), message: `dependency direction: this package may not import @vigie/${n} (see docs/architecture.md)` })),
        ...extra,
      ],
    },
  ],
});
const nodeBuiltins = { group: ['node:*'], message: 'core is pure: no I/O, no node:* imports' };

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'vigie-data/**', 'packages/web/vite.config.ts', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  { files: ['packages/core/src/**'], ignores: ['**/*.test.ts'], rules: forbid(['analysis', 'connectors', 'store', 'server', 'client', 'cli', 'web'], [nodeBuiltins]) },
  { files: ['packages/analysis/src/**'], rules: forbid(['connectors', 'store', 'server', 'client', 'cli', 'web']) },
  { files: ['packages/connectors/src/**'], rules: forbid(['analysis', 'store', 'server', 'client', 'cli', 'web']) },
  { files: ['packages/store/src/**'], rules: forbid(['analysis', 'connectors', 'server', 'client', 'cli', 'web']) },
  { files: ['packages/server/src/**'], rules: forbid(['client', 'cli', 'web']) },
  { files: ['packages/client/src/**'], rules: forbid(['analysis', 'connectors', 'store', 'server', 'cli', 'web']) },
  { files: ['packages/web/src/**'], rules: forbid(['analysis', 'connectors', 'store', 'server', 'cli']) },
  { files: ['packages/cli/src/**'], rules: forbid(['analysis', 'connectors', 'store', 'web']) },
);
