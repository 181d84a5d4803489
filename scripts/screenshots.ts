/**
 * README screenshots from the built extension, on the test fixtures (no real accounts):
 *   npx wxt build && npx vite-node scripts/screenshots.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, launchExtension, waitFor } from '../tests/e2e/harness';
import { buildEditorPages } from '../tests/e2e/editors/build';
import { HOTKEY, dialog, openEditorPage } from '../tests/e2e/overlay-helpers';

const OUT = path.resolve(__dirname, '../docs/screenshots');
const fixtureUrl = (platform: string, name: string) =>
  (JSON.parse(readFileSync(path.join(FIXTURES, platform, `${name}.json`), 'utf8')) as { url: string }).url;

/** Runs in the service worker: a realistic queue (raw IndexedDB; the function is serialised). */
async function seedMorning(): Promise<void> {
  const now = Date.now();
  const min = 60_000;
  const rows: [string, string, string, string, number, boolean][] = [
    ['instagram', 'ig-1', 'Ana López', 'Is the blue one back in stock? 💙', 23, true],
    ['whatsapp', 'wa-1', 'Marco Bianchi', 'Ciao! My order #4821 has not arrived yet', 14, true],
    ['linkedin', 'li-1', 'Priya Natarajan', 'Would love to discuss a collaboration', 9, true],
    ['messenger', 'fb-1', 'Jonas Weber', 'Do you ship to Austria?', 6, false],
    ['x', 'x-1', 'Kim Soo-ah', 'Loved the launch! Any discount codes?', 4, true],
    ['tiktok', 'tt-1', 'lea.moves', 'What song is in your last video?', 2, true],
    ['snapchat', 'sc-1', 'Omar Haddad', 'New Chat', 1, true],
  ];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('dm-desk');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction('conversations', 'readwrite');
  for (const [platform, id, name, snippet, minutes, unread] of rows) {
    const since = now - minutes * min;
    tx.objectStore('conversations').put({
      key: `${platform}:${id}`, platform, threadId: id, name, snippet, unread, lastFromMe: false,
      time: since, firstSeen: since, lastSeen: now, waitingSince: since,
    });
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function main() {
  await buildEditorPages();
  const ext = await launchExtension({ starterReplies: true });
  try {
    // Two platform tabs open (real fixtures), and a morning's queue across networks.
    for (const [platform, name] of [
      ['linkedin', 'title-only'],
      ['instagram', 'home-feed'],
    ] as const) {
      await ext.openPlatform(fixtureUrl(platform, name), `${platform}/${name}.html`);
    }
    await waitFor(() => ext.badge(), (b) => b.text !== '', 10_000);
    await ext.inWorker(seedMorning);
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await ext.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      await popup.getByRole('grid').waitFor();
      await popup.waitForTimeout(300);
      await popup.screenshot({ path: path.join(OUT, `popup-queue-${scheme}.png`) });
      await popup.close();
    }

    const options = await ext.openOptions();
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.getByRole('button', { name: /^Edit / }).first().waitFor();
    await options.screenshot({ path: path.join(OUT, 'options-library.png') });

    const opened = await openEditorPage(ext, 'instagram');
    await opened.page.setViewportSize({ width: 900, height: 640 });
    await opened.page.click(opened.spec.composer);
    await opened.page.keyboard.press(HOTKEY);
    await dialog(opened.page).getByRole('option').first().waitFor();
    await opened.page.screenshot({ path: path.join(OUT, 'overlay-dialog.png') });
  } finally {
    await ext.close();
  }
  console.log(`screenshots written to ${OUT}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
