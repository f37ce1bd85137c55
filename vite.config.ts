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
    // Everything loads from the local package, so preloading buys nothing; and in the content
    // script Vite's preload helper would walk the host page's <link>s and add its own to the page.
    modulePreload: false,
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
