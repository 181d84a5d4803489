import { execSync } from 'node:child_process';
import { chromiumPath } from './harness';

/** Build the extension once for the whole end-to-end run (skip with E2E_SKIP_BUILD=1). */
export default function setup(): void {
  chromiumPath(); // fail early, with the install hint, when Chromium is missing
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execSync('npx wxt build', { stdio: 'inherit', env: process.env });
}
