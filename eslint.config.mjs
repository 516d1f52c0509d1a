// A small rule set on purpose: what catches real bugs (promises nobody awaits, code nobody uses)
// and what keeps the core free of the platforms. Style is Prettier's job, not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['discord.js', '@slack/*', '**/bots/**', '**/http/**', '**/config'] }],
    },
  },
  {
    // Adapters see the core's plain types; entities and the database stay behind the services.
    files: ['src/bots/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/db', '**/db/**'] }],
    },
  },
);
