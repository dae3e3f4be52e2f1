// The people's console (ADR 0040): built into dist/console, served at http://localhost:3000 by
// scripts/console-server.ts, which also routes /api to the services by the ingress's path map.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: {
    // The domain library's browser entry point (tsconfig.base.json maps it for TypeScript).
    alias: {
      '@samad/request-lifecycle/browser': `${root}libs/request-lifecycle/src/browser.ts`,
    },
  },
  build: { outDir: `${root}dist/console`, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: {
    port: Number(process.env.CONSOLE_DEV_PORT ?? 5173),
    // vite dev: the APIs from a running console server (npm start), so dev also has one origin.
    proxy: Object.fromEntries(
      ['/api', '/.well-known', '/open311', '/asyncapi'].map((p) => [
        p,
        `http://127.0.0.1:${process.env.CONSOLE_PORT ?? 3000}`,
      ]),
    ),
  },
});
