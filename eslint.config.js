import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

const SQLITE_RESTRICTION = {
  name: 'better-sqlite3',
  message: 'Only src/store knows SQLite: use the Store interface (src/store/types.ts).',
};

const PURE_CORE_RESTRICTIONS = {
  paths: [
    { name: 'discord.js', message: 'The core stays free of Discord: render in src/discord.' },
    SQLITE_RESTRICTION,
    { name: 'node:fs', message: 'The core does no I/O: load in src/knowledge or src/cli.' },
    { name: 'node:fs/promises', message: 'The core does no I/O.' },
    { name: 'node:process', message: 'The core reads no environment: take a parameter.' },
  ],
  patterns: [{ group: ['@discordjs/*'], message: 'The core stays free of Discord.' }],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'bench/out/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  regexp.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
      // `noUncheckedIndexedAccess` types every indexed read as possibly undefined; the engine's
      // hot loops index typed arrays within their bounds, where `!` states what the loop proves.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Plain JavaScript config files are outside the TypeScript project.
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  // Storage behind an interface. The pure core's block below replaces this rule with its longer
  // list (which includes SQLite), so it must come after this one.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/store/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [SQLITE_RESTRICTION] }] },
  },
  {
    files: ['src/engine/**/*.ts', 'src/trivia/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', PURE_CORE_RESTRICTIONS],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The core reads no environment: take a parameter.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness is a parameter.' },
        { object: 'Date', property: 'now', message: 'The clock is a parameter.' },
      ],
    },
  },
);
