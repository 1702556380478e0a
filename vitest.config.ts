import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (node: core, server, Electron host with electron mocked),
 * `renderer` (jsdom + Testing Library) and `integration` (real keyring, real oathtool;
 * run inside scripts/with-keyring.sh by `npm test`).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/core/**/*.test.ts', 'test/unit/server/**/*.test.ts', 'test/unit/electron/**/*.test.ts', 'test/unit/contract/**/*.test.ts', 'test/unit/web-host/**/*.test.ts', 'test/unit/lint/**/*.test.ts', 'test/unit/docs/**/*.test.ts', 'test/unit/scripts/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/unit/renderer/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
