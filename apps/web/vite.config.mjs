// Builds the staff web app into dist/web, which the server serves under /app. `npm run dev:web`
// runs Vite's dev server with the API and the inbox socket proxied to a server on KONTAKT_API (default :3000).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const api = process.env.KONTAKT_API ?? 'http://127.0.0.1:3000';

/**
 * src/preload.ts is its own small entry, an async module script in index.html ahead of the main one: it starts
 * the inbox's first request while the browser is still fetching and compiling the main script.
 */
const preloadEntry = {
  name: 'kontakt-preload-entry',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, { bundle }) {
      const chunk = Object.values(bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'preload');
      if (!chunk) return html;
      return html.replace('<script type="module"', `<script type="module" async crossorigin src="/app/${chunk.fileName}"></script>\n    <script type="module"`);
    },
  },
};

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [preloadEntry],
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    rollupOptions: {
      input: { index: resolve(import.meta.dirname, 'index.html'), preload: resolve(import.meta.dirname, 'src/preload.ts') },
      // the preload entry and the little it imports in one file, so it runs after a single request; the main script shares it
      output: { manualChunks: (id) => (/src[\\/](preload|api|inbox[\\/]first-page)\.ts$/.test(id) ? 'preload' : undefined) },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
