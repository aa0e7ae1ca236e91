import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import {
  pageChunk,
  preloadEarly,
  preloadForPages,
  stylesheetAfterShell,
} from './scripts/vite-preload-early.js';
import { endpointTablePlugin } from './scripts/vite-endpoint-table.js';
import { keepOffFirstScreen } from './scripts/vite-keep-off-first-screen.js';
import { precompress } from './scripts/vite-precompress.js';

// The web app: root is the repository, entry index.html -> /src/web/boot.ts then /src/web/main.tsx,
// built into dist/web
// (the server serves it from there). No `test` block here: vitest.config.ts is separate.
const apiPort = process.env.API_PORT ?? '3000';
/** What every first screen loads: the entry, the app it starts, the typed client (its contracts come later). */
const firstScreen = ['src/web/boot.ts', 'src/web/main.tsx', 'src/web/lib/client.ts'];
/** The pages a family opens cold at the airport (boot.ts preloads them; see preloadForPages). */
const tripPages = {
  trip: 'src/web/features/trips/TripPage.tsx',
  'trip/checklist': 'src/web/features/trips/TripChecklistPage.tsx',
  'trip/carry': 'src/web/features/trips/TripCarryPage.tsx',
  'trip/people': 'src/web/features/trips/TripPeoplePage.tsx',
};

export default defineConfig({
  root: '.',
  publicDir: 'public',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Only the modules a group names move into it, not everything they import (React and the
          // contracts stay in the first screen's chunks).
          includeDependenciesRecursively: false,
          // The trip page in one file rather than a dozen (see pageChunk).
          groups: [pageChunk('trip-day', 'src/web/features/trips/TripPage.tsx', firstScreen)],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
  plugins: [
    react(),
    // Every endpoint's method and path, without the zod contracts (checked later, client.ts).
    endpointTablePlugin(),
    // The app, which boot.ts (the entry) starts, and the typed client every first screen calls
    // through: fetch them beside the entry.
    preloadEarly(firstScreen.slice(1)),
    // A trip's pages, opened cold at the airport: boot.ts fetches the one at the address at once.
    preloadForPages(tripPages),
    // zod and the contracts load after the trip page (client.ts): the build fails if they creep back
    // in. The trip's other pages (checklist, carry, people) still load them with their forms.
    keepOffFirstScreen([...firstScreen, tripPages.trip], [/\/node_modules\/zod\//]),
    // The skeleton in index.html paints without waiting for the stylesheet.
    stylesheetAfterShell(),
    VitePWA({
      registerType: 'autoUpdate',
      strategies: 'generateSW',
      // A separate file rather than an inline script: the server's CSP allows only 'self' scripts.
      injectRegister: 'script-defer',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png', 'theme.js'],
      manifest: {
        name: 'Alongside',
        short_name: 'Alongside',
        description:
          'Bring the one you carry along: trips, packing and the days that matter, for your family.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#faf7f2',
        theme_color: '#2f5d54',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // Pages the server itself renders: the API, calendar feeds, unsubscribe links and the
        // unlisted tribute pages (a family member opening their own link must reach the server).
        navigateFallbackDenylist: [
          /^\/api\//,
          /^\/calendar\/[^/]+\.ics$/,
          /^\/unsubscribe\//,
          /^\/tribute\//,
        ],
        cleanupOutdatedCaches: true,
        // Take charge of the page that installed the worker, so a trip opened on the very first visit
        // is already kept for offline use (the app then asks again for what is on screen). An update
        // still waits until the app's tabs are closed, so one page never mixes two versions.
        clientsClaim: true,
        // A trip stays usable at the airport without signal: its pages, packing list and what to
        // carry (API reads) go to the network first and fall back to the last answer; the app shell
        // comes from the precache (navigateFallback). Signing out empties these caches.
        runtimeCaching: [
          {
            // The travel packet: one copy per trip, the last one opened (whatever its paper or
            // name), kept under the address without its query so it opens offline with any choice.
            urlPattern: ({ url, request }) =>
              request.method === 'GET' && /^\/api\/trips\/[^/]+\/packet\.pdf$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'alongside-packets',
              networkTimeoutSeconds: 10,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 20, maxAgeSeconds: 60 * 24 * 3600 },
              plugins: [
                {
                  cacheKeyWillBeUsed: async ({ request }) => {
                    const url = new URL(request.url);
                    url.search = '';
                    return url.href;
                  },
                },
              ],
            },
          },
          {
            // Trips cover /api/trips/:id, its checklist and its travel-rules.
            urlPattern: ({ url, request }) =>
              request.method === 'GET' &&
              /^\/api\/(session|trips|loved-ones|keepsakes|family\/members|checklist-templates|calendar|inbox)(\/|$)/.test(
                url.pathname,
              ),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'alongside-api',
              networkTimeoutSeconds: 6,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600 },
            },
          },
        ],
      },
    }),
    // Last: .br and .gz copies of the built text files, the service worker included.
    precompress(),
  ],
});
