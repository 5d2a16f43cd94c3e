// Vite build of the web interface: `npm run build -w @vigie/web` writes packages/web/dist, which
// the server serves; `npm run dev -w @vigie/web` proxies /api to a server on 127.0.0.1:4000.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Keep every asset a file: the server's Content-Security-Policy forbids inline data.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:4000', changeOrigin: false } },
  },
});
