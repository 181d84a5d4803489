import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FIXTURES, launchExtension, waitFor, type Extension } from './harness';

/**
 * X Chat as of 2026 in Chromium with the built extension: the Chat app renders into an open
 * shadow root of [data-testid="xchatEmbedRoute"] (here a declarative shadow root around the
 * 2026 inbox fixture's <main>), where document queries and an observer of the document see
 * nothing. The rows reach the popup, and a new conversation inside the root is read.
 */
let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

const POLL = { timeout: 15_000, interval: 100 };

function shadowedChat(): { url: string; html: string } {
  const fixture = 'x/chat-tailwind-inbox-2026';
  const { url } = JSON.parse(readFileSync(path.join(FIXTURES, `${fixture}.json`), 'utf8')) as { url: string };
  const page = readFileSync(path.join(FIXTURES, `${fixture}.html`), 'utf8');
  const style = page.match(/<style>[^]*?<\/style>/)![0];
  const start = page.indexOf('<main');
  const end = page.indexOf('</main>') + '</main>'.length;
  const html = `${page.slice(0, start)}<div data-testid="xchatEmbedRoute" style="height:100%"><template shadowrootmode="open">${style}${page.slice(start, end)}</template></div>${page.slice(end)}`;
  return { url, html };
}

test('a Chat inside a shadow root: its rows reach the popup, and a new conversation in it is read', async () => {
  const { url, html } = shadowedChat();
  const page = await ext.openPlatform(url, { html });
  expect(await page.evaluate(() => document.querySelector('[data-testid^="dm-conversation-item-"]'))).toBeNull();
  expect(await page.evaluate(() => !!document.querySelector('[data-testid="xchatEmbedRoute"]')?.shadowRoot)).toBe(true);
  await waitFor(() => ext.badge(), (b) => /X 3/.test(b.title));

  const popup = await ext.openPopup();
  const names = () => popup.locator('[role="row"] .queue-name').allTextContents();
  await expect.poll(names, POLL).toEqual(expect.arrayContaining(['Ana López', 'Launch crew', 'Dr. Priya Raman']));

  // A new conversation arrives at the top of the list, inside the shadow root.
  await page.evaluate(() => {
    const root = document.querySelector('[data-testid="xchatEmbedRoute"]')!.shadowRoot!;
    const first = root.querySelector('[data-testid^="dm-conversation-item-"]')!;
    const row = first.cloneNode(true) as Element;
    row.setAttribute('data-testid', 'dm-conversation-item-1234567890:5555555555');
    row.querySelector('a')!.setAttribute('href', '/i/chat/1234567890-5555555555');
    row.querySelector('.font-bold')!.textContent = 'New Customer';
    row.querySelector('[dir="auto"]')!.textContent = 'Do you ship to Canada?';
    first.before(row);
  });
  await popup.reload();
  await expect.poll(names, POLL).toContain('New Customer');
  await popup.close();
  await page.close();
});
