/// <reference types="vitest/config" />
// One config for the app build and the test runner. Test projects:
//   unit  – build-time code and the extractor's golden files (Node)
//   app   – React components and routes with Testing Library (jsdom)
//   e2e   – the built site in Debian's Chromium through playwright-core
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { previewRoutes } from './src/ingest/preview-routes.ts';
import { CSP_META, SECURITY_HEADERS } from './src/shared/security-policy.ts';

/** Puts the Content Security Policy in the built index.html (not in dev, whose React preamble is inline). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'broadsheet-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    previewRoutes(),
    // The service worker (src/sw/service-worker.ts) precaches what Vite builds: the app shell. The site's
    // data is written after this build, so the worker caches it at run time (see src/sw/cache-policy.ts).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'service-worker.ts',
      registerType: 'prompt',
      injectRegister: false,
      injectManifest: { globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'] },
      manifest: {
        name: 'Broadsheet',
        short_name: 'Broadsheet',
        description: "Every outlet's copy of the news, grouped by story, readable offline.",
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#fbfaf7',
        theme_color: '#1b1b1b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  build: {
    outDir: 'dist',
    // The app must work from its own files: no inlined data: URIs that a strict CSP would block.
    assetsInlineLimit: 0,
  },
  // Every page the site has is a file (the list, each article's share page, 404.html): an unknown path is
  // a 404, not the app shell.
  appType: 'mpa',
  preview: { port: 4173, strictPort: true, headers: { ...SECURITY_HEADERS } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'tests/ingest/**/*.test.ts',
            'tests/shared/**/*.test.ts',
            'tests/golden/**/*.test.ts',
            'tests/lint/**/*.test.ts',
            'tests/sw/**/*.test.ts',
            'tests/bench/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['tests/app/**/*.test.tsx'],
          setupFiles: ['tests/app/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
