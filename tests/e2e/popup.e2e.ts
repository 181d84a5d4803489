import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { seedInbox } from './inbox-seed';
import { manyReplies, seedReplies } from './replies-seed';
import { launchExtension, type Extension } from './harness';

/**
 * The popup of the built extension in Chromium, over 5,000 conversations seeded straight into the
 * extension's real IndexedDB from the service worker. Every queue action goes through the real
 * background handlers.
 *
 * Seed layout (see seedInbox): conversation i is "Contact iiii" on platform PLATFORMS[i % 7],
 * waiting for 5000 - i minutes, so "Contact 0000" is the oldest; Instagram threads have URLs
 * https://www.instagram.com/direct/t/e2e-<i>/.
 */
const N = 5000;
const POLL = { timeout: 15_000, interval: 100 };
const thread = (i: number) => `https://www.instagram.com/direct/t/e2e-${i}/`;
const threadPage = (i: number) => ({ html: `<!doctype html><title>Thread ${i}</title><main>Thread ${i}</main>` });

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
  // The popup's own code creates the database (versioned upgrade); then the worker fills it.
  const first = await ext.openPopup();
  await first.getByText('Nothing waiting').waitFor();
  await first.close();
  await ext.inWorker(seedInbox);
  await seedReplies(ext, manyReplies(2000));
  for (const i of [7, 14, 21]) await ext.serve(thread(i), threadPage(i));
});
afterAll(async () => ext?.close());

/** Runs in the service worker: the stored doneAt / snoozedUntil of a few conversations. */
async function readMarks(): Promise<Record<string, { doneAt?: number; snoozedUntil?: number }>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('dm-desk');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const keys = ['instagram:e2e-0', 'messenger:e2e-1', 'x:e2e-2'];
  const store = db.transaction('conversations').objectStore('conversations');
  const out: Record<string, { doneAt?: number; snoozedUntil?: number }> = {};
  for (const key of keys) {
    const row = await new Promise<{ doneAt?: number; snoozedUntil?: number } | undefined>((resolve) => {
      const r = store.get(key);
      r.onsuccess = () => resolve(r.result as never);
    });
    out[key] = { doneAt: row?.doneAt, snoozedUntil: row?.snoozedUntil };
  }
  db.close();
  return out;
}

const rowNames = (popup: Page) => popup.locator('[role="row"] .queue-name').allTextContents();
const firstRowName = async (popup: Page) => (await rowNames(popup))[0];
const row = (popup: Page, name: string) => popup.locator('[role="row"]', { has: popup.locator('.queue-name', { hasText: name }) });
const focusedRowName = (popup: Page) =>
  popup.evaluate(() => document.activeElement?.closest('[role="row"]')?.querySelector('.queue-name')?.textContent ?? null);
const pageAt = (url: string) => ext.context.pages().find((p) => p.url() === url);

test('renders 5,000 conversations oldest first, as a virtualised window', async () => {
  const popup = await ext.openPopup();
  const grid = popup.getByRole('grid');
  await expect.poll(() => grid.getAttribute('aria-rowcount'), POLL).toBe(String(N));
  expect(await popup.getByTestId('queue-count').textContent()).toBe(String(N));
  const names = await rowNames(popup);
  expect(names.slice(0, 3)).toEqual(['Contact 0000', 'Contact 0001', 'Contact 0002']);
  expect(names.length).toBeGreaterThan(3);
  expect(names.length).toBeLessThan(40); // only a window of rows is in the DOM
  expect(await row(popup, 'Contact 0000').locator('.sla').textContent()).toContain('Overdue');

  // Scrolling far down brings far rows in and keeps the DOM small.
  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(() => rowNames(popup), POLL).toContain('Contact 4999');
  expect((await rowNames(popup)).length).toBeLessThan(40);

  // Health line and chips
  await expect.poll(() => popup.getByRole('region', { name: 'Reading problems' }).textContent(), POLL).toContain(
    'LinkedIn: conversation list not found',
  );
  expect(await popup.locator('button[data-platform="instagram"]').textContent()).toMatch(/Instagram 1 unread stale · 2h/);
  expect(await popup.locator('button[data-platform="x"]').textContent()).toMatch(/X 40 unread/);
  await popup.close();
});

test('a chip filters the queue and All resets it', async () => {
  const popup = await ext.openPopup();
  await expect.poll(() => firstRowName(popup), POLL).toBe('Contact 0000');
  const linkedin = popup.locator('button[data-platform="linkedin"]');
  await linkedin.click();
  expect(await linkedin.getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => firstRowName(popup), POLL).toBe('Contact 0003');
  const platforms = await popup.locator('[role="row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-platform')));
  expect(new Set(platforms)).toEqual(new Set(['linkedin']));
  expect(await popup.getByTestId('queue-count').textContent()).toBe(String(Math.ceil((N - 3) / 7)));
  await popup.locator('button[data-platform="all"]').click();
  await expect.poll(() => firstRowName(popup), POLL).toBe('Contact 0000');
  await popup.close();
});

test('Done removes an item and it stays done after a reload; Snooze removes one', async () => {
  const popup = await ext.openPopup();
  await expect.poll(() => firstRowName(popup), POLL).toBe('Contact 0000');
  await row(popup, 'Contact 0000').getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => firstRowName(popup), POLL).toBe('Contact 0001');
  // The row leaves on the background's change broadcast; the status follows its answer, which
  // comes after the badge update: either may land first.
  await expect.poll(() => popup.getByRole('status').textContent(), POLL).toBe('Contact 0000 marked done');

  await popup.reload();
  await expect.poll(() => popup.getByRole('grid').getAttribute('aria-rowcount'), POLL).toBe(String(N - 1));
  expect(await firstRowName(popup)).toBe('Contact 0001');

  await row(popup, 'Contact 0001').getByRole('button', { name: 'Snooze' }).click();
  await popup.getByRole('menuitem', { name: '1 hour' }).click();
  await expect.poll(() => firstRowName(popup), POLL).toBe('Contact 0002');
  expect(await popup.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(N - 2));

  const marks = await ext.inWorker(readMarks);
  expect(marks['instagram:e2e-0']?.doneAt).toBeGreaterThan(Date.now() - 120_000);
  const until = marks['messenger:e2e-1']?.snoozedUntil ?? 0;
  expect(until - Date.now()).toBeGreaterThan(55 * 60_000);
  expect(until - Date.now()).toBeLessThanOrEqual(60 * 60_000);
  await popup.close();
});

test('Open opens a tab on the thread, then reuses that platform tab for the next thread', async () => {
  const popup = await ext.openPopup();
  await popup.locator('button[data-platform="instagram"]').click();
  await expect.poll(() => firstRowName(popup), POLL).toBe('Contact 0007');
  expect(pageAt(thread(7))).toBeUndefined();

  const opened = ext.context.waitForEvent('page');
  await row(popup, 'Contact 0007').getByRole('button', { name: 'Open' }).click();
  const tab = await opened;
  await expect.poll(() => tab.url(), POLL).toBe(thread(7));
  expect(await tab.title()).toBe('Thread 7');

  // An Instagram tab exists now: Open goes there instead of opening another tab.
  const pagesBefore = ext.context.pages().length;
  await row(popup, 'Contact 0014').getByRole('button', { name: 'Open' }).click();
  await expect.poll(() => tab.url(), POLL).toBe(thread(14));
  expect(ext.context.pages().length).toBe(pagesBefore);
  expect(await tab.evaluate(() => document.visibilityState)).toBe('visible');
  await popup.close();
});

test('keyboard: focus starts on the oldest row, j/k move, Enter opens, e marks done', async () => {
  const popup = await ext.openPopup();
  await popup.bringToFront();
  // Earlier tests marked 0000 done and snoozed 0001: the oldest waiting is 0002, and focus is there.
  await expect.poll(() => focusedRowName(popup), POLL).toBe('Contact 0002');

  // Tab order: the tabs, the chips, then the one tab stop of the grid (its active row).
  await popup.locator('button[data-platform="instagram"]').focus();
  await popup.keyboard.press('Enter');
  await expect.poll(() => firstRowName(popup), POLL).toBe('Contact 0007');
  for (let i = 0; i < 7; i++) await popup.keyboard.press('Tab'); // the other six chips, then the grid
  expect(await focusedRowName(popup)).toBe('Contact 0007');

  await popup.keyboard.press('j');
  await popup.keyboard.press('j');
  expect(await focusedRowName(popup)).toBe('Contact 0021');
  await popup.keyboard.press('k');
  expect(await focusedRowName(popup)).toBe('Contact 0014');
  await popup.keyboard.press('ArrowDown');
  expect(await focusedRowName(popup)).toBe('Contact 0021');

  await popup.keyboard.press('Enter');
  await expect.poll(() => pageAt(thread(21))?.url(), POLL).toBe(thread(21));

  await popup.bringToFront();
  await popup.keyboard.press('e');
  await expect.poll(() => rowNames(popup), POLL).not.toContain('Contact 0021');
  // focus stays in the list, on the row that took its place
  await expect.poll(() => focusedRowName(popup), POLL).toBe('Contact 0028');
  await expect.poll(() => popup.getByRole('status').textContent(), POLL).toBe('Contact 0021 marked done');
  await popup.close();
});
