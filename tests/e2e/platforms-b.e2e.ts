import { afterEach, beforeEach, expect, test } from 'vitest';
import { launchExtension, waitFor, type Extension } from './harness';

/**
 * LinkedIn, WhatsApp, TikTok and Snapchat fixtures opened at their real URLs in Chromium with the
 * built extension: the content script picks the adapter, the watcher reports, the background
 * turns the snapshot into the toolbar badge. Then the page changes the way the platform would
 * and the badge follows within a second. A fresh browser per test: the badge sums platforms and
 * keeps a closed platform's last numbers.
 */
let ext: Extension;
beforeEach(async () => {
  ext = await launchExtension();
});
afterEach(async () => ext?.close());

const badgeIs = (text: string, timeout = 5000) => waitFor(() => ext.badge(), (b) => b.text === text, timeout);

test('LinkedIn: the nav badge reaches the toolbar and follows a row turning unread', async () => {
  const page = await ext.openPlatform(
    'https://www.linkedin.com/messaging/thread/2-ZDQ2YjM0ZjgtOWIxYi00ZDRjLWE1NzktYmU1MDc4YzA3NTRlXzAxMA==/',
    'linkedin/current.html',
  );
  const badge = await badgeIs('3');
  expect(badge.title).toContain('LinkedIn 3');

  // A new message marks the open (read) row unread and LinkedIn bumps its nav counter.
  await page.evaluate(() => {
    const row = document.querySelector('li.msg-conversation-listitem')!;
    row.querySelector('.msg-conversation-card')!.classList.add('msg-conversation-card__convo-item-container--unread');
    const count = document.createElement('div');
    count.className = 'msg-conversation-card__unread-count';
    count.textContent = '1';
    row.querySelector('.msg-conversation-card__row.pr2')!.append(count);
    document.querySelector('a[href*="/messaging/?"] .notification-badge__count')!.textContent = '4';
  });
  await badgeIs('4', 1000);
});

test('LinkedIn: a page still loading reports its title count and what is missing', async () => {
  await ext.openPlatform('https://www.linkedin.com/messaging/', 'linkedin/title-only.html');
  await badgeIs('4');
  const state = await waitFor(
    () =>
      ext.inWorker(
        () =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open('dm-desk');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('platforms').objectStore('platforms').get('linkedin');
              get.onsuccess = () => resolve(get.result ?? null);
              get.onerror = () => reject(get.error);
            };
          }),
      ),
    (s) => !!s,
  );
  expect((state as { missing: string[] }).missing).toEqual(['conversation list']);
});

test('WhatsApp: unread chats that are not muted make the badge, and it follows new messages', async () => {
  const page = await ext.openPlatform('https://web.whatsapp.com/', 'whatsapp/current.html');
  // Mamá (2) and محمد (1) are unread; the muted family group with 5 does not count.
  const badge = await badgeIs('2');
  expect(badge.title).toContain('WhatsApp 2');

  // Ana López writes again: her read row gets an unread count.
  await page.evaluate(() => {
    const row = [...document.querySelectorAll('#pane-side [role="listitem"]')].find((r) =>
      r.querySelector('span[title="Ana López"]'),
    )!;
    const cell = row.querySelector('[role="gridcell"][aria-colindex="1"]')!;
    const count = document.createElement('span');
    count.setAttribute('aria-label', '1 unread message');
    count.textContent = '1';
    cell.append(count);
  });
  await badgeIs('3', 1000);

  // A new chat arrives at the top of the list.
  await page.evaluate(() => {
    const list = document.querySelector('#pane-side [role="grid"]')!;
    const first = list.querySelector('[role="listitem"]')!;
    const copy = first.cloneNode(true) as Element;
    const name = copy.querySelector('span[title]')!;
    name.setAttribute('title', 'Nuevo Cliente');
    name.textContent = 'Nuevo Cliente';
    copy.querySelector('img')!.setAttribute('src', 'https://pps.whatsapp.net/v/t61.24694-24/new_n.jpg?oe=1');
    list.prepend(copy);
  });
  await badgeIs('4', 1000);
});

test('TikTok: the inbox icon total reaches the toolbar and follows a new message', async () => {
  const page = await ext.openPlatform('https://www.tiktok.com/messages?lang=en', 'tiktok/current-2026.html');
  await badgeIs('3');
  await page.evaluate(() => {
    document.querySelector('[data-e2e="top-dm-icon"] sup')!.textContent = '4';
  });
  await badgeIs('4', 1000);
});

test('TikTok Business Suite: the messages frame is read from the suite page, and its changes are followed', async () => {
  // The suite page holds the DM app in a same-origin frame; the content script runs in the top
  // frame only, and reads the frame's document through it.
  await ext.serve('https://www.tiktok.com/messages', 'tiktok/current-2026.html');
  const page = await ext.openPlatform('https://www.tiktok.com/business-suite/messages?from=homepage', {
    html: `<!DOCTYPE html><html><head><title>TikTok Business Suite</title></head><body><main>
      <iframe src="/messages?allow_label=true&amp;lang=en&amp;scene=business" style="width:900px;height:700px"></iframe></main></body></html>`,
  });
  await badgeIs('3');
  const popup = await ext.openPopup();
  const names = () => popup.locator('[role="row"] .queue-name').allTextContents();
  await expect.poll(names, { timeout: 5000 }).toEqual(expect.arrayContaining(['Ana López ✨']));
  // A new message inside the frame: no mutation of the suite page itself.
  await page.frames()[1]!.evaluate(() => {
    document.querySelector('[data-e2e="top-dm-icon"] sup')!.textContent = '4';
  });
  await badgeIs('4', 1000);
});

test('Snapchat: the title count reaches the toolbar and follows the title', async () => {
  const page = await ext.openPlatform(
    'https://www.snapchat.com/web/7a9e3c52-18b4-4f0d-8c6e-5d2a1b9f3e22',
    'snapchat/current.html',
  );
  await badgeIs('2');
  await page.evaluate(() => {
    document.title = '(3) Snapchat';
  });
  await badgeIs('3', 1000);
});
