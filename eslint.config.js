// The dependency rule of docs/architecture.md, enforced here rather than in a wiki page:
// src/domain is pure (no Prisma, no Telegram, no scheduler, no other layer), src/app (the use
// cases) knows no transport, and nothing imports the composition root.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layers = ['db', 'bot', 'jobs', 'cli', 'files', 'generated'];

export default tseslint.config(
  { ignores: ['node_modules/', 'src/generated/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main.ts'], message: 'Nothing imports the composition root.' }] }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['telegraf', '@prisma/client', 'prisma', 'node-cron', 'exceljs', 'better-sqlite3',
          '@prisma/adapter-better-sqlite3'].map((name) => ({ name, message: 'src/domain is pure: no I/O libraries.' })),
        patterns: [
          { group: layers.map((l) => `**/${l}/**`), message: 'src/domain imports nothing from the other layers.' },
          { group: ['telegraf/*', '@prisma/*', 'node-cron/*'], message: 'src/domain is pure: no I/O libraries.' },
        ],
      }],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'telegraf', message: 'src/app knows no transport: it returns whom to tell, the transport tells them.' }],
        patterns: [
          { group: ['**/bot/**', '**/dashboard/**', '**/cli/**', '**/jobs/**', 'telegraf/*'], message: 'src/app imports only src/db and src/domain.' },
          { group: ['**/main.ts'], message: 'Nothing imports the composition root.' },
        ],
      }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass the clock in: src/domain never reads it.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the clock in: src/domain never reads it.' }],
    },
  },
);
