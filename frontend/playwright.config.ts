import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 8765)
export const baseURL = `http://127.0.0.1:${port}`

/**
 * Browser journeys in Debian's Chromium (never a downloaded browser) against a backend of their
 * own: scripts/e2e-server.sh migrates a fresh SQLite file, loads the demo region and serves the
 * build in dist/. Playwright gives every browser launch a fresh temporary profile.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  // The whole run: enough for every area's journeys (public, portal, staff, events, training, reports) on two workers.
  globalTimeout: 15 * 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'bash scripts/e2e-server.sh',
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { E2E_PORT: String(port) },
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
