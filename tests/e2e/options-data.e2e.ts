import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, waitFor, type Extension } from './harness';
import { reply, seedReplies } from './replies-seed';

// The options page's settings, export, platform health and "Delete all data", against the
// extension's real storage and background.
let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
  await seedReplies(ext, [reply('greet', 'Greeting', 'Hi {{first_name|there}}!', { shortcut: '/hi' })]);
});
afterAll(async () => ext?.close());

const storedSettings = () =>
  ext.inWorker(async () => {
    const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
    return (await c.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
  });

const counts = () =>
  ext.inWorker(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('dm-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['replies', 'conversations', 'platforms'];
          const tx = db.transaction(names);
          const out: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (out[name] = request.result);
          }
          tx.oncomplete = () => (db.close(), resolve(out));
        };
      }),
  );

test('settings are saved to storage and read back', async () => {
  const options = await ext.openOptions();
  await options.getByLabel('Your name').fill('Sam Rivera');
  await options.getByLabel('Reply-time target (minutes)').fill('15');
  await options.getByRole('button', { name: 'Save settings' }).click();
  const saved = await waitFor(storedSettings, (s) => s?.myName === 'Sam Rivera');
  expect(saved).toMatchObject({ myName: 'Sam Rivera', slaMinutes: 15 });
  await options.reload();
  expect(await options.getByLabel('Your name').inputValue()).toBe('Sam Rivera');
  await options.close();
});

test('export downloads the library in the exchange format', async () => {
  const options = await ext.openOptions();
  await options.getByRole('button', { name: 'Edit Greeting' }).waitFor();
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export saved replies' }).click(),
  ]);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(file).toMatchObject({ format: 'dm-desk/replies', version: 1 });
  expect(file.replies).toEqual([expect.objectContaining({ id: 'greet', title: 'Greeting', shortcut: '/hi' })]);
  await options.close();
});

test('platform health shows what a page could not read', async () => {
  const page = await ext.openPlatform('https://www.linkedin.com/messaging/', 'linkedin/title-only.html');
  await waitFor(() => ext.badge(), (b) => b.text !== '');
  const options = await ext.openOptions();
  const linkedin = options.getByRole('region', { name: 'Platform health' }).locator('li[data-platform="linkedin"]');
  await linkedin.getByText('conversation list').waitFor();
  await expect.poll(() => linkedin.textContent()).toContain('Open in 1 tab');
  await page.close();
  await options.close();
});

test('Delete all data asks first, then removes everything and clears the badge', async () => {
  const options = await ext.openOptions();
  await options.getByRole('button', { name: 'Delete all data' }).click();
  const confirm = options.getByRole('alertdialog', { name: 'Delete all data?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect((await counts()).replies).toBe(1); // cancel keeps everything

  await options.getByRole('button', { name: 'Delete all data' }).click();
  await confirm.getByRole('button', { name: 'Delete everything' }).click();
  const after = await waitFor(counts, (c) => c.replies === 0 && c.platforms === 0);
  expect(after).toEqual({ replies: 0, conversations: 0, platforms: 0 });
  expect(await storedSettings()).toBeUndefined();
  expect((await ext.badge()).text).toBe('');
  await options.close();
});

test('a platform switched off in the options is neither read nor given the overlay, until switched on', async () => {
  const page = await ext.openPlatform('https://www.instagram.com/direct/inbox/', {
    html: '<!doctype html><title>(2) Instagram</title><nav><a href="/direct/inbox/"><span>2</span></a></nav><div contenteditable="true" role="textbox"></div>',
  });
  await page.waitForSelector('dm-desk-overlay', { state: 'attached' });
  const options = await ext.openOptions();
  const instagram = options.getByRole('group', { name: 'Enabled platforms' }).getByLabel('Instagram');
  await instagram.uncheck();
  await options.getByRole('button', { name: 'Save settings' }).click();
  await page.waitForSelector('dm-desk-overlay', { state: 'detached' });

  await instagram.check();
  await options.getByRole('button', { name: 'Save settings' }).click();
  await page.waitForSelector('dm-desk-overlay', { state: 'attached' });
  await waitFor(() => ext.badge(), (b) => b.title.includes('Instagram 2'));
  await page.close();
  await options.close();
});
