import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// One build, shipped and tested alike. The offscreen document and the welcome and diagnostics
// pages are extra HTML inputs (crxjs only follows pages named in the manifest); static files the
// manifest names (managed-schema.json, icons, _locales) live in public/ and are copied as they are.
export default defineConfig({
  plugins: [crx({ manifest })],
  build: {
    target: 'chrome120',
    sourcemap: false,
    rolldownOptions: {
      input: {
        offscreen: 'src/offscreen/offscreen.html',
        welcome: 'src/welcome/welcome.html',
        diagnostics: 'src/diagnostics/diagnostics.html',
      },
    },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
