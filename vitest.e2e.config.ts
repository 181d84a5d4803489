import { defineConfig } from 'vitest/config';
import path from 'node:path';

// End-to-end: the built extension in real Chromium. One file at a time: this is a 2-core machine
// and each file starts its own browser.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
  },
});
