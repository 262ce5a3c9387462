/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The dev server proxies the API to a backend started with `fosterhub serve --port 8010`.
const backend = process.env.FOSTERHUB_BACKEND ?? 'http://127.0.0.1:8010'

export default defineConfig({
  plugins: [react()],
  build: {
    // The budget check reads the manifest to know which chunks the public area loads.
    manifest: true,
    sourcemap: true,
    target: 'es2022',
    // No inline scripts or data: modules: the CSP is script-src 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  css: {
    // GOV.UK Frontend keeps an IE 9-11 hack (`min-width: 0\0`) that Lightning CSS rejects;
    // recovering drops that one rule, which no supported browser uses.
    lightningcss: { errorRecovery: true },
    preprocessorOptions: {
      scss: {
        // GOV.UK Frontend's own deprecation notices are not ours to fix.
        quietDeps: true,
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': backend, '/healthz': backend },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
})
