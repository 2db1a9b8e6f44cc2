import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium (apt-get install chromium) against a real `chorus serve` on a
// fresh embedded database with the demo organisation; nothing is downloaded.
// E2E_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 3199);
export const E2E_PASSWORD = 'e2e-demo-password';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'rm -rf .data-e2e && node src/main.ts serve',
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      CHORUS_DATA_DIR: '.data-e2e',
      CHORUS_DEMO: 'true',
      CHORUS_DEMO_PASSWORD: E2E_PASSWORD,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      // A send the network never confirms becomes "needs decision" after ten attempts: with these short
      // back-offs (0.1 s doubling) and a sandbox time-out of 3 s that takes about a minute, not an hour.
      CHORUS_PUBLISH_RETRY_SECONDS: '0.1',
      CHORUS_NETWORK_TIMEOUT_MS: '3000',
    },
  },
});
