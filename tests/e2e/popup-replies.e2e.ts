import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, waitFor, type Extension } from './harness';
import { openEditorPage } from './overlay-helpers';
import { reply, seedReplies, useCounts } from './replies-seed';

// The popup's Replies tab against the current tab: a preview rendered for the open conversation,
// Insert into that tab's composer (read back from the Lexical editor's own state), and Copy when
// the tab has no composer.
let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension({ permissions: ['clipboard-read', 'clipboard-write'] });
  await seedReplies(ext, [reply('greet', 'Greeting', 'Hi {{first_name|there}}!'), reply('bye', 'Closing', 'Talk soon.')]);
});
afterAll(async () => ext?.close());

async function tabIdOf(urlPattern: string): Promise<number> {
  const worker = await ext.worker();
  return worker.evaluate(async (pattern) => {
    const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
    const [tab] = await c.tabs.query({ url: pattern });
    return tab!.id!;
  }, urlPattern);
}

test('Insert puts the personalised reply into the current tab’s composer', async () => {
  const opened = await openEditorPage(ext, 'instagram');
  const tabId = await tabIdOf('https://www.instagram.com/direct/t/*');
  const popup = await ext.openPopup(`?tab=${tabId}`);
  await popup.getByRole('tab', { name: 'Replies' }).click();
  const greeting = popup.getByRole('listitem').filter({ hasText: 'Greeting' });
  await greeting.getByText('Hi Ana!').waitFor();
  await greeting.getByRole('button', { name: 'Insert' }).click();

  expect(await waitFor(() => opened.state(), (s) => s === 'Hi Ana!')).toBe('Hi Ana!');
  await popup.getByRole('status').filter({ hasText: 'Reply inserted' }).waitFor();
  expect((await waitFor(() => useCounts(ext), (c) => c.greet === 1)).greet).toBe(1);
  expect(await opened.sends()).toBe(0); // inserted, never sent
});

test('Copy when the current tab has no composer: the clipboard holds the reply', async () => {
  const page = await ext.openPlatform('https://www.instagram.com/direct/inbox/', {
    html: '<!doctype html><title>(1) Instagram</title><main><a href="/direct/inbox/">Messages</a></main>',
  });
  const tabId = await tabIdOf('https://www.instagram.com/direct/inbox/*');
  const popup = await ext.openPopup(`?tab=${tabId}`);
  await popup.getByRole('tab', { name: 'Replies' }).click();
  const greeting = popup.getByRole('listitem').filter({ hasText: 'Greeting' });
  await greeting.getByText('Hi there!').waitFor(); // no open conversation: the fallback
  await greeting.getByRole('button', { name: 'Copy' }).click();
  await popup.getByRole('status').filter({ hasText: 'copied' }).waitFor();
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe('Hi there!');
  await page.close();
});
