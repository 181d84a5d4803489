import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, waitFor, type Extension } from './harness';

// The whole path: fixture page at an Instagram URL → content script reads it → background accepts
// the validated snapshot → toolbar badge → popup. Removing any link leaves the badge or popup empty.
let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

test('an Instagram inbox reaches the badge and the popup', async () => {
  expect((await ext.badge()).text).toBe('');
  await ext.openPlatform('https://www.instagram.com/direct/inbox/', { html: await readPage() });

  const badge = await waitFor(() => ext.badge(), (b) => b.text === '3');
  expect(badge.title).toContain('Instagram 3');

  const popup = await ext.openPopup();
  await popup.getByRole('button', { name: /^Instagram 3 unread$/ }).waitFor();
  await expect.poll(() => popup.getByTestId('total-unread').textContent()).toBe('3');
  // The unread conversation waits in the queue; the one we answered last does not.
  await popup.getByRole('row', { name: /Ana López/ }).waitFor();
  expect(await popup.getByRole('row', { name: /Ben Kim/ }).count()).toBe(0);
});

async function readPage(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  return readFileSync(new URL('./pages/instagram-inbox.html', import.meta.url), 'utf8');
}
