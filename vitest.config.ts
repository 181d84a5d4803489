import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Relative times and dates in fixtures are read in one time zone, whatever the machine's.
process.env.TZ = 'UTC';

// Unit and component tests: jsdom, fake-indexeddb, WXT's fake browser API.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
  },
});
