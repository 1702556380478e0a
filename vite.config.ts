import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server's React Refresh preamble is an inline script, which the strict CSP in
 * renderer/index.html forbids. Drop the meta tag while serving only; the built page keeps it.
 */
const cspOnlyInBuild: Plugin = {
  name: 'sign-in-helper:csp-only-in-build',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/i, ''),
};

/** The renderer: built to dist/renderer, served by Electron (custom protocol) or the web host. */
export default defineConfig({
  root: 'renderer',
  // Relative asset URLs work both under the Electron protocol and at the web host's '/'.
  base: './',
  plugins: [react(), cspOnlyInBuild],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts or data: module preloads: everything the CSP allows is 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
