// ESLint (flat config) with typescript-eslint. Beyond the recommended rules it enforces the
// house's layering (DESIGN.md): who may import `electron`, where raw ipcMain/ipcRenderer may
// appear, and what the renderer, the core, the server and the contract may import.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the one wrapper: electron/main/handle.ts (ipcMain) or electron/preload/preload.ts (ipcRenderer).',
};
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload import electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.ci-tmp/**', 'coverage/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/electron/**', '**/server/**'], message: 'The renderer talks only to window.signin; types come from contract/.' },
            { group: ['node:*'], message: 'The renderer runs in a sandboxed page: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc] }] },
  },
  {
    files: ['electron/main/handle.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/web-host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/electron/main/**', '**/main/**', '**/renderer/**', '**/preload/**'], message: 'The core and the web host stand below the Electron host and beside the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'The directory service depends only on contract/.' }] },
      ],
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [{ group: ['**/electron/**', '**/renderer/**', '**/server/**', 'node:*'], message: 'The contract is pure types and schemas.' }] },
      ],
    },
  },
  {
    // Playwright fixtures that need no other fixture are written `async ({}, use)`.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}', '*.config.ts', 'scripts/**/*.{js,mjs,cjs}', 'build/**/*.cjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
