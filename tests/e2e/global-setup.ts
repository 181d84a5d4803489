import { execSync } from 'node:child_process';
import { chromiumPath } from './harness';
import { buildEditorPages } from './editors/build';

/**
 * Build the extension once for the whole end-to-end run (skip with E2E_SKIP_BUILD=1), and the
 * editor test pages (rebuilt only when their sources changed).
 */
export default async function setup(): Promise<void> {
  chromiumPath(); // fail early, with the install hint, when Chromium is missing
  await buildEditorPages();
  if (process.env.E2E_SKIP_BUILD === '1') return;
  // The production build a user installs: vitest sets NODE_ENV=test, which would bundle React's development build.
  execSync('npx wxt build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
