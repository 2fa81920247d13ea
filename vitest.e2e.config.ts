import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// End-to-end tests: real Chromium driving the built extension (.output/chrome-mv3).
export default defineConfig({
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
  },
});
