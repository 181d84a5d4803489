import { afterEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, waitFor, type Extension } from './harness';
import { generateInbox } from '../generators/instagram';

/**
 * The cross-network inbox in real Chromium: fixture pages at the platforms' real URLs, the built
 * extension's content script and service worker, real IndexedDB.
 *
 * Instagram is read by its adapter from the fixture pages below (same markup conventions as
 * tests/e2e/pages/instagram-inbox.html). No Messenger adapter is registered in this tree yet, so
 * the second platform's tab is a real www.facebook.com/messages tab whose snapshot is sent from
 * that tab's content-script world (through the DevTools protocol), exactly as an adapter would.
 */

const IG_INBOX = 'https://www.instagram.com/direct/inbox/';
const FB_MESSAGES = 'https://www.facebook.com/messages/t/100200300/';

interface Row {
  id: string;
  name: string;
  preview: string;
  unread: boolean;
}

/** A small Instagram inbox: nav badge with the total, rows in [role=listitem], unread marks. */
function instagramPage(total: number, rows: Row[]): string {
  const items = rows
    .map(
      (r) => `<div role="listitem"><a href="/direct/t/${r.id}/" role="link">
      <img alt="${r.name}'s profile picture" src="data:,">
      <div><span style="font-weight:${r.unread ? 600 : 400}">${r.name}</span></div>
      <div><span>${r.preview}</span><span> · </span><span>5m</span></div>
      ${r.unread ? '<div aria-label="Unread"></div>' : ''}</a></div>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>(${total}) Instagram</title></head><body>
  <nav><a href="/direct/inbox/" role="link"><svg aria-label="Messenger"></svg><div><span>${total}</span></div><span>Messages</span></a></nav>
  <div role="list" aria-label="Chats">${items}</div></body></html>`;
}

const IG_ROWS: Row[] = [
  { id: '340282366841710300949128', name: 'Ana López', preview: 'Is the blue one back in stock?', unread: true },
  { id: '340282366841710300949129', name: 'Ben Kim', preview: 'You: Thanks Ben!', unread: false },
];
const igPage = () => instagramPage(3, IG_ROWS);

const messengerSnapshot = (unreadTotal: number) => ({
  type: 'snapshot',
  platform: 'messenger',
  url: FB_MESSAGES,
  read: {
    unreadTotal,
    threads: [
      { id: '100200300', name: 'Chloé Martin', unread: true, lastFromMe: false, snippet: 'Do you ship to Lyon?' },
      { id: '100200301', name: 'Dev Patel', unread: true, lastFromMe: false },
      { id: '100200302', name: 'Eli Moss', unread: false, lastFromMe: true },
    ],
    active: { name: 'Chloé Martin' },
    missing: [],
  },
});

let ext: Extension;
afterEach(async () => {
  await ext?.close();
});

/** What the extension stored, read from an extension page (the worker may be stopped). */
async function stored(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('dm-desk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const [conversations, platforms, events] = await Promise.all([all('conversations'), all('platforms'), all('events')]);
    db.close();
    return {
      conversations: conversations as { key: string; unread: boolean; waitingSince: number | null }[],
      platforms: platforms as { platform: string; unreadTotal: number | null; tabs: number[]; lastSeen: number }[],
      events,
    };
  });
}

/** The badge as an extension page sees it (works while the worker is stopped). */
async function badgeFrom(page: Page) {
  return page.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
  }));
}

/** Evaluate in the content-script world of a platform tab: it can use chrome.runtime, the page cannot. */
async function inContentScript(ext: Extension, page: Page, expression: string): Promise<unknown> {
  const cdp = await ext.context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context as never));
  await cdp.send('Runtime.enable');
  const world = await waitFor(
    async () => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(ext.extensionId)),
    (c) => c !== undefined,
  );
  const result = await cdp.send('Runtime.evaluate', {
    contextId: world!.id,
    expression,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  return result.result.value;
}

const sendExpr = (message: unknown) =>
  `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((a) => a ?? null, (e) => 'error: ' + e.message)`;

test('two platforms in three tabs: two Instagram tabs count once', async () => {
  ext = await launchExtension();
  const ig1 = await ext.openPlatform(IG_INBOX, { html: igPage() });
  await waitFor(() => ext.badge(), (b) => b.text === '3');
  const ig2 = await ext.openPlatform(IG_INBOX, { html: igPage() });
  const fb = await ext.openPlatform(FB_MESSAGES, { html: '<!doctype html><title>Messenger | Facebook</title><main>Chats</main>' });
  expect(await inContentScript(ext, fb, sendExpr(messengerSnapshot(2)))).toEqual({ accepted: true });

  const options = await ext.openOptions();
  // Both Instagram tabs are listed, and their numbers count once: 3 + 2.
  const inbox = await waitFor(() => stored(options), (s) => s.platforms.find((p) => p.platform === 'instagram')?.tabs.length === 2);
  expect(inbox.platforms.map((p) => [p.platform, p.unreadTotal, p.tabs.length])).toEqual([
    ['instagram', 3, 2],
    ['messenger', 2, 1],
  ]);
  const badge = await ext.badge();
  expect(badge.text).toBe('5');
  expect(badge.title).toBe('DM Desk — Instagram 3 · Messenger 2');
  expect(inbox.conversations.map((c) => [c.key, c.waitingSince !== null]).sort()).toEqual([
    ['instagram:340282366841710300949128', true],
    ['instagram:340282366841710300949129', false],
    ['messenger:100200300', true],
    ['messenger:100200301', true],
    ['messenger:100200302', false],
  ]);
  // Closing one of the two Instagram tabs changes nothing but the tab list.
  await ig2.close();
  await waitFor(() => stored(options), (s) => s.platforms.find((p) => p.platform === 'instagram')?.tabs.length === 1);
  expect((await ext.badge()).text).toBe('5');
  expect((await ext.badge()).title).not.toContain('stale');
  await ig1.close();
});

test('a tab that leaves the platform and a closed tab: the badge keeps the number, the tooltip says stale', async () => {
  ext = await launchExtension();
  const ig = await ext.openPlatform(IG_INBOX, { html: igPage() });
  const leaving = await ext.openPlatform(IG_INBOX, { html: igPage() });
  await waitFor(() => ext.badge(), (b) => b.text === '3');
  const options = await ext.openOptions();
  await waitFor(() => stored(options), (s) => s.platforms[0]?.tabs.length === 2);
  // Navigating to a site DM Desk may not read (its url is hidden from the extension).
  await ext.serve('https://www.example.com/', { html: '<!doctype html><title>Elsewhere</title>' });
  await leaving.goto('https://www.example.com/');
  await waitFor(() => stored(options), (s) => s.platforms[0]?.tabs.length === 1);
  expect((await ext.badge()).title).toBe('DM Desk — Instagram 3');
  await ig.close();
  const after = await waitFor(() => stored(options), (s) => s.platforms[0]?.tabs.length === 0);
  expect(after.platforms[0]).toMatchObject({ platform: 'instagram', unreadTotal: 3 });
  const badge = await waitFor(() => ext.badge(), (b) => b.title.includes('stale'));
  expect(badge.text).toBe('3');
  expect(badge.title).toMatch(/^DM Desk — Instagram 3 \(stale, \d+m ago\)$/);
  // "Clear" (what the health view's button sends) forgets the stale numbers.
  expect(await options.evaluate(() => chrome.runtime.sendMessage({ type: 'platform:clear', platform: 'instagram' }))).toEqual({ ok: true });
  expect((await stored(options)).platforms).toEqual([]);
  expect(await ext.badge()).toMatchObject({ text: '', title: 'DM Desk' });
});

test('a stopped service worker: badge and queue intact, a new snapshot still updates them', async () => {
  ext = await launchExtension();
  const ig = await ext.openPlatform(IG_INBOX, { html: igPage() });
  await waitFor(() => ext.badge(), (b) => b.text === '3');
  const options = await ext.openOptions();
  const before = await waitFor(() => stored(options), (s) => s.conversations.length === 2);

  // Stop it through the DevTools protocol, and wait until Chromium reports it stopped.
  const cdp = await ext.context.newCDPSession(options);
  const versions = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updates }) => {
    for (const v of updates) if (v.scriptURL.includes(ext.extensionId)) versions.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await waitFor(async () => [...versions.values()], (s) => s.includes('running'));
  await cdp.send('ServiceWorker.stopAllWorkers');
  await waitFor(async () => [...versions.values()], (s) => s.length > 0 && s.every((status) => status === 'stopped'));

  // Nothing lived only in the worker: badge and stored queue are as they were.
  expect(await badgeFrom(options)).toEqual({ text: '3', title: 'DM Desk — Instagram 3' });
  expect(await stored(options)).toEqual(before);

  // The page changes: its content script's snapshot wakes the worker, which merges it.
  await ig.evaluate(() => {
    document.title = '(4) Instagram';
    document.querySelector('nav a span')!.textContent = '4';
    const list = document.querySelector('[role="list"]')!;
    const item = document.createElement('div');
    item.setAttribute('role', 'listitem');
    const link = document.createElement('a');
    link.href = '/direct/t/340282366841710300949130/';
    link.textContent = 'Cleo Park';
    const unread = document.createElement('div');
    unread.setAttribute('aria-label', 'Unread');
    link.append(unread);
    item.append(link);
    list.prepend(item);
  });
  const badge = await waitFor(() => badgeFrom(options), (b) => b.text === '4');
  // It was a restarted worker that did it.
  await waitFor(async () => [...versions.values()], (s) => s.includes('running'));
  expect(badge.title).toBe('DM Desk — Instagram 4');
  const after = await waitFor(() => stored(options), (s) => s.conversations.length === 3);
  expect(after.conversations.find((c) => c.key === 'instagram:340282366841710300949130')).toMatchObject({ unread: true });
  // The old queue entries are still there, untouched in what matters.
  for (const old of before.conversations) {
    expect(after.conversations.find((c) => c.key === old.key)).toMatchObject({ waitingSince: old.waitingSince });
  }
});

test('forged and malformed messages are dropped without touching stored state', async () => {
  ext = await launchExtension();
  const ig = await ext.openPlatform(IG_INBOX, { html: igPage() });
  await waitFor(() => ext.badge(), (b) => b.text === '3');
  const options = await ext.openOptions();
  const before = await waitFor(() => stored(options), (s) => s.conversations.length === 2);
  const badgeBefore = await ext.badge();

  // The page's own scripts cannot reach the extension at all.
  expect(await ig.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe(
    'undefined',
  );

  const valid = (platform: string, unreadTotal: unknown, threads: unknown[] = []) => ({
    type: 'snapshot',
    platform,
    url: IG_INBOX,
    read: { unreadTotal, threads, active: null, missing: [] },
  });
  const oversized = Array.from({ length: 2001 }, (_, i) => ({ id: `t${i}`, name: 'n', unread: true }));

  // From an extension page: wrong shapes are dropped (no answer); a well-formed one is refused,
  // since a snapshot must come from a tab of its platform.
  const fromPage = await options.evaluate(
    async (messages) =>
      Promise.all(
        messages.map((m) =>
          chrome.runtime.sendMessage(m).then(
            (answer) => answer ?? null,
            () => null,
          ),
        ),
      ),
    [valid('instagram', '99'), valid('myspace', 9), valid('instagram', 9, oversized), { type: 'snapshot' }, valid('instagram', 99)],
  );
  expect(fromPage).toEqual([null, null, null, null, { accepted: false }]);

  // From the Instagram tab's content-script world: claiming another platform is refused,
  // a wrong shape is dropped.
  expect(await inContentScript(ext, ig, sendExpr({ ...messengerSnapshot(40), url: FB_MESSAGES }))).toEqual({ accepted: false });
  expect(await inContentScript(ext, ig, sendExpr(valid('instagram', -1)))).not.toEqual({ accepted: true });

  // From the service worker itself (its messages reach the extension's other pages, not itself).
  await ext.inWorker(() =>
    chrome.runtime.sendMessage({ type: 'snapshot', platform: 'instagram', read: 'nope' }).then(
      () => undefined,
      () => undefined,
    ),
  );

  expect(await stored(options)).toEqual(before);
  expect(await ext.badge()).toEqual(badgeBefore);
});

test('a long inbox that never stops changing: no full read while it churns, the badge follows the counter within a second, and the list is read once it stops', async () => {
  ext = await launchExtension();
  // 2,000 rows (a full read costs milliseconds), 2 unread: the nav counter and the title say 2.
  const ig = await ext.openPlatform(IG_INBOX, { html: generateInbox({ rows: 2000, unreadEvery: 1000 }) });
  await waitFor(() => ext.badge(), (b) => b.text === '2', 15_000);
  const marks = () => ig.evaluate(() => ({ reads: performance.getEntriesByName('dm-desk:read').length }));
  await ig.waitForTimeout(1000);
  const before = await marks();

  // A change every 20 ms (row times, as a live inbox ticks); after 1.5 s the counter moves to 7.
  await ig.evaluate(() => {
    const times = document.querySelectorAll('abbr span');
    let n = 0;
    (window as unknown as { churn: number }).churn = window.setInterval(() => {
      n++;
      times[n % times.length]!.textContent = `${(n % 50) + 1}m`;
      if (n === 75) {
        document.querySelector('a[href="/direct/inbox/"] .x1gslohp span')!.textContent = '7';
        document.title = '(7) Instagram • Direct';
      }
    }, 20);
  });
  await waitFor(() => ext.badge(), (b) => b.text === '7', 6000);
  const during = await marks();
  // The page never settled, and a 2,000-row read costs milliseconds: the counter came from a
  // light read, the list was not read.
  expect(during.reads - before.reads).toBe(0);

  // The storm stops with a new first row: read in full as soon as the page settles (1-2 s).
  await ig.evaluate(() => {
    window.clearInterval((window as unknown as { churn: number }).churn);
    document.querySelector('[role="listitem"] span[dir="auto"]')!.textContent = 'Zoë Last';
  });
  await waitFor(marks, (m) => m.reads > during.reads, 4000);
  const options = await ext.openOptions();
  await waitFor(
    () => stored(options),
    (s) => s.conversations.some((c) => c.key === 'instagram:340282366841710300000000' && (c as { name?: string }).name === 'Zoë Last'),
  );
});
