import { defineConfig } from 'vitest/config';

// Three tiers of fast tests (the browser tier lives in e2e/ and runs under Playwright):
// - node: pure logic (src/shared), the service worker and the offscreen shell with fakes;
// - dom: content script, options, popup, welcome and diagnostics pages in happy-dom;
// - emulators: the local Genesys Cloud and ServiceNow stand-ins (plain node);
// - meta: conventions over the whole tree (manifest permissions, import rules, HTML sinks).
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/{shared,background,offscreen}/**/*.test.ts', 'scripts/**/*.test.ts'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['src/{content,options,popup,welcome,diagnostics}/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'emulators',
          environment: 'node',
          include: ['emulators/**/*.test.ts'],
          exclude: ['emulators/**/contract/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: { name: 'meta', environment: 'node', include: ['meta/**/*.test.ts'] },
      },
    ],
  },
});
