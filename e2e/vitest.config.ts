import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in Chromium against local servers. One file at a time (the
// machine has two cores and each file runs a browser); generous timeouts, every wait bounded.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/specs/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['e2e/support/global-setup.ts'],
  },
});
