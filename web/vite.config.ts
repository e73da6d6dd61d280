// The browser app: built into web/dist and served by `upskill serve` from the same origin (src/api/web-app.ts).
// In development (`npm run dev:web`) Vite proxies /api to a running `upskill serve` on port 3000.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is one large vendor chunk shared by every screen; the screens themselves load on demand.
    chunkSizeWarningLimit: 1200,
    // The phone's sign-in, online-learning and enrolment pages are entries of their own, without antd
    // (docs/attendance.md, docs/online-learning.md, docs/open-classes.md).
    rollupOptions: {
      input: { main: `${root}index.html`, signin: `${root}signin.html`, learn: `${root}learn.html`, enrol: `${root}enrol.html` },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
    // The web code imports the pure policy modules from ../src/policy.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
