// Builds the staff web app into dist/web, which the server serves under /app. `npm run dev:web`
// runs Vite's dev server with the API and the inbox socket proxied to a server on KONTAKT_API (default :3000).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const api = process.env.KONTAKT_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  build: { outDir: resolve(import.meta.dirname, '../../dist/web'), emptyOutDir: true, target: 'es2022', reportCompressedSize: true },
  server: {
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
