import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, type Extension } from './harness';

// The options page of the built extension in Chromium, with real IndexedDB: import a JSON file and
// a CSV file through the file input, confirm each report, and find the replies in the library and
// in the database the background reads.
let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

interface StoredReply {
  id: string;
  title: string;
  body: string;
  shortcut?: string;
  tags: string[];
}

/** Every stored reply, read in the service worker straight from IndexedDB. */
function storedReplies(): Promise<StoredReply[]> {
  return ext.inWorker(
    () =>
      new Promise<StoredReply[]>((resolve, reject) => {
        const open = indexedDB.open('dm-desk');
        // No database yet: do not create an empty one (it would lack the stores); report none.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          try {
            const req = db.transaction('replies').objectStore('replies').getAll();
            req.onsuccess = () => {
              resolve(req.result as StoredReply[]);
              db.close();
            };
            req.onerror = () => reject(req.error);
          } catch (e) {
            db.close();
            reject(e);
          }
        };
      }),
  );
}

const JSON_FILE = {
  name: 'replies.json',
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify({
      format: 'dm-desk/replies',
      version: 1,
      replies: [
        { title: 'E2E order status', body: 'Hi {{first_name|there}}, your order is on its way.', shortcut: '/e2e-order', tags: ['orders'] },
        { title: 'E2E typo', body: 'Hi {{frist_name}}' },
      ],
    }),
  ),
};
const CSV_FILE = {
  name: 'other-tool.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    '\uFEFFTitle,Body,Shortcut,Tags,Folder\r\n' +
      '"E2E, pricing","Hi {{first_name}}, our prices:\r\n- basic\r\n- pro",/e2e-price,"sales; pricing",misc\r\n' +
      'E2E clash,x,/E2E-ORDER,,misc\r\n',
  ),
};

test('imports a JSON file and a CSV file through the options page', async () => {
  const before = (await storedReplies()).length;
  const page = await ext.openOptions();
  const library = page.getByRole('region', { name: 'Saved replies' });
  await library.getByText(/saved replies$/).waitFor();

  // JSON: the report comes first; nothing is stored until Confirm.
  await page.getByLabel('Import saved replies').setInputFiles(JSON_FILE);
  const jsonReport = page.getByRole('region', { name: 'Import report for replies.json' });
  await jsonReport.waitFor();
  expect(await jsonReport.textContent()).toContain('To add: 1');
  expect(await jsonReport.textContent()).toContain('Row 2: Unknown variable {{frist_name}}');
  expect(await storedReplies()).toHaveLength(before);
  await jsonReport.getByRole('button', { name: 'Confirm import' }).click();
  await page.getByRole('status').filter({ hasText: 'Imported replies.json: 1 reply added' }).waitFor();
  await library.getByRole('button', { name: 'Edit E2E order status' }).waitFor();

  // CSV from another tool: BOM, quoted commas and line breaks, an extra column, a shortcut clash.
  await page.getByLabel('Import saved replies').setInputFiles(CSV_FILE);
  const csvReport = page.getByRole('region', { name: 'Import report for other-tool.csv' });
  await csvReport.waitFor();
  const csvText = await csvReport.textContent();
  expect(csvText).toContain('To add: 1');
  expect(csvText).toContain('Skipped: 1');
  expect(csvText).toContain('Row 3: “E2E clash” — Shortcut /E2E-ORDER is already used by “E2E order status”.');
  await csvReport.getByRole('button', { name: 'Confirm import' }).click();
  await library.getByRole('button', { name: 'Edit E2E, pricing' }).waitFor();

  // The library lists both, and search finds the CSV one by its shortcut.
  await library.getByRole('searchbox', { name: 'Search replies' }).fill('/e2e-pr');
  await expect.poll(() => library.getByRole('list', { name: 'Saved replies' }).getByRole('listitem').first().textContent()).toContain('E2E, pricing');

  // And IndexedDB, as the background sees it.
  const stored = await storedReplies();
  expect(stored).toHaveLength(before + 2);
  const pricing = stored.find((r) => r.title === 'E2E, pricing');
  expect(pricing).toMatchObject({ shortcut: '/e2e-price', tags: ['sales', 'pricing'], body: 'Hi {{first_name}}, our prices:\n- basic\n- pro' });
  expect(stored.find((r) => r.title === 'E2E order status')).toMatchObject({ shortcut: '/e2e-order', tags: ['orders'] });
  expect(stored.some((r) => r.title === 'E2E typo' || r.title === 'E2E clash')).toBe(false);
});

test('a refused file leaves the library unchanged; Cancel writes nothing', async () => {
  const before = await storedReplies();
  const page = await ext.openOptions();
  await page.getByLabel('Import saved replies').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "dm-desk/replies", ') });
  await page.getByRole('alert').filter({ hasText: 'Cannot import bad.json: This is not valid JSON' }).waitFor();

  await page.getByLabel('Import saved replies').setInputFiles({ name: 'new.csv', mimeType: 'text/csv', buffer: Buffer.from('title,body\nNever,stored\n') });
  const report = page.getByRole('region', { name: 'Import report for new.csv' });
  await report.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('status').filter({ hasText: 'Import cancelled; nothing was changed.' }).waitFor();
  expect(await storedReplies()).toEqual(before);
});

test('creates a reply in the editor and deletes it with undo', async () => {
  const page = await ext.openOptions();
  const library = page.getByRole('region', { name: 'Saved replies' });
  await library.getByRole('button', { name: 'New reply' }).click();
  const form = page.getByRole('form', { name: 'New reply' });
  await form.getByLabel('Title').fill('E2E welcome');
  await form.getByLabel('Body').fill('Welcome, {{first_name}}!');
  await expect.poll(() => form.getByTestId('reply-preview').textContent()).toBe('Welcome, Ana!');
  await form.getByRole('button', { name: 'Create reply' }).click();
  await library.getByRole('button', { name: 'Edit E2E welcome' }).waitFor();
  expect((await storedReplies()).some((r) => r.title === 'E2E welcome')).toBe(true);

  await library.getByRole('button', { name: 'Delete E2E welcome' }).click();
  await library.getByRole('button', { name: 'Undo' }).click();
  await library.getByRole('button', { name: 'Edit E2E welcome' }).waitFor();
  expect((await storedReplies()).some((r) => r.title === 'E2E welcome')).toBe(true);
});
