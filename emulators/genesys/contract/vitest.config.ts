// Contract suite: the real genesys-cloud-webrtc-sdk bundle in headless Chromium against the
// emulator. One browser per file, files in sequence, generous timeouts (each wait has its own).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'genesys-contract',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
