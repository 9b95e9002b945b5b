// Browser tests of the widget: real headless Chromium from apt (never a
// downloaded browser), pages served from 127.0.0.1 by scripts/serve.mjs.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.ES_TEST_PORT || 8123);

export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '*.spec.js',
  globalSetup: './tests/browser/global-setup.js',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  // Two cores, shared: one worker keeps the timings that the perf test
  // records meaningful and the run stable.
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
    screenshot: 'off',
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
