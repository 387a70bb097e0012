// ESLint (flat config) with typescript-eslint: `npm run lint`, which `npm test` runs.
// No formatting rules and no formatter: a formatter that rewrites every file waits for a quiet moment.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/', 'build-tools/', 'dist/', 'coverage/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `const { dropped: _dropped, ...kept } = value` leaves a key out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests and dev tools build and pick apart GitHub's JSON payloads, which have no types here.
    files: ['test/**/*.ts', 'tools/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Heading keys drop decoration characters one by one, combining ones (U+20E3) included.
    files: ['src/core/normalize.ts'],
    rules: { 'no-misleading-character-class': 'off' },
  },
);
