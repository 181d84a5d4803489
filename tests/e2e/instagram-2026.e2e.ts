import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FIXTURES, launchExtension, waitFor, type Extension } from './harness';

/**
 * Instagram's 2026 inbox in Chromium with the built extension: thread rows are buttons without
 * links, and the rail's Messages link points at the unread thread (the one thread link on the
 * page). The rows reach the popup's queue and the rail's count the badge; the rail link is no row.
 */
let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

const FIXTURE = 'instagram/thread-list-2026-thread.html';
const POLL = { timeout: 15_000, interval: 100 };

test('the 2026 thread list reaches the badge and the popup queue', async () => {
  const { url } = JSON.parse(readFileSync(path.join(FIXTURES, FIXTURE.replace(/\.html$/, '.json')), 'utf8')) as { url: string };
  const page = await ext.openPlatform(url, FIXTURE);
  await waitFor(() => ext.badge(), (b) => b.text === '2' && b.title.includes('Instagram 2'));

  const popup = await ext.openPopup();
  const names = () => popup.locator('[role="row"] .queue-name').allTextContents();
  await expect.poll(names, POLL).toEqual(expect.arrayContaining(['Quang Trọng', 'minh.le']));
  expect(await names()).not.toContain('Messages');
  expect(await names()).not.toContain('Your note');

  // A message in a read row: it turns bold with the dot and its label, and the rail counts it.
  await page.evaluate(() => {
    const row = [...document.querySelectorAll('[aria-label="Thread list"] [role="button"]')].find((el) => el.textContent?.includes('Instagram User'))!;
    row.querySelectorAll('.xo1l8bm').forEach((el) => el.classList.replace('xo1l8bm', 'x1s688f'));
    row.querySelectorAll('span[dir="auto"]')[1]!.firstElementChild!.textContent = 'Có ship COD không shop?';
    row.querySelector('.x6s0dn4')!.innerHTML = '<span data-visualcompletion="ignore"><div class="x1ey2m1c"></div><div>Unread</div></span>';
    document.querySelector('a[href^="/direct/t/"] .x1gslohp span')!.textContent = '3';
  });
  await waitFor(() => ext.badge(), (b) => b.text === '3');
  await popup.reload();
  await expect.poll(names, POLL).toEqual(expect.arrayContaining(['Quang Trọng', 'minh.le', 'Instagram User']));
  await popup.close();
  await page.close();
});
