import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import type { InboxRead, ThreadRow } from '@/utils/platforms/contract';
import { saveSettings } from '@/utils/settings';
import { deleteAllData, handleSnapshot, handleTotal, inboxHandlers } from '@/utils/inbox/handlers';
import { applySnapshot, clearPlatform, reconcileTabs, removeTab } from '@/utils/inbox/store';
import { onSettingsChanged, onTabRemoved, onTabUpdated, startUp, TICK_ALARM } from '@/utils/inbox/lifecycle';
import type { Message, MessageSender } from '@/utils/messages';

const NOW = Date.UTC(2026, 4, 4, 12, 0, 0);
const MIN = 60_000;
const IG = 'https://www.instagram.com/direct/inbox/';
const FB = 'https://www.facebook.com/messages/t/1';
const settings = { storePreviews: true, enabledPlatforms: ['instagram', 'messenger', 'x', 'linkedin'] as ('instagram' | 'messenger' | 'x' | 'linkedin')[] };

const row = (id: string, patch: Partial<ThreadRow> = {}): ThreadRow => ({ id, name: `Name ${id}`, unread: false, ...patch });
const read = (threads: ThreadRow[], unreadTotal: number | null = null): InboxRead => ({ unreadTotal, threads, active: null, missing: [] });
const snapshot = (platform: 'instagram' | 'messenger', url: string, r: InboxRead): Message<'snapshot'> => ({ type: 'snapshot', platform, url, read: r });
const fromTab = (id: number, url: string): MessageSender => ({ id: fakeBrowser.runtime.id, tab: { id, url } as never, url });

async function dump() {
  const db = await getDb();
  return {
    conversations: await db.getAll('conversations'),
    platforms: await db.getAll('platforms'),
    events: await db.getAll('events'),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(async () => {
  await closeDb();
  indexedDB.deleteDatabase(DB_NAME);
});

describe('applySnapshot', () => {
  it('merges conversations and per-platform totals; several tabs of one platform count once', async () => {
    await applySnapshot({ platform: 'instagram', tabId: 1, url: IG, read: read([row('a', { unread: true }), row('b')], 3) }, settings, NOW);
    await applySnapshot({ platform: 'instagram', tabId: 2, url: IG, read: read([row('a', { unread: true }), row('c', { unread: true })], 3) }, settings, NOW + 1);
    await applySnapshot({ platform: 'messenger', tabId: 3, url: FB, read: read([row('m', { unread: true })]) }, settings, NOW + 2);
    const { conversations, platforms } = await dump();
    expect(conversations.map((c) => c.key).sort()).toEqual(['instagram:a', 'instagram:b', 'instagram:c', 'messenger:m']);
    expect(platforms).toEqual([
      expect.objectContaining({ platform: 'instagram', unreadTotal: 3, unreadRows: 2, tabs: [1, 2] }),
      expect.objectContaining({ platform: 'messenger', unreadTotal: null, unreadRows: 1, tabs: [3] }),
    ]);
  });

  it('is correct under concurrent snapshots (no lost tab, no lost conversation)', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        applySnapshot({ platform: 'instagram', tabId: 10 + i, url: IG, read: read([row(`t${i}`, { unread: true })]) }, settings, NOW + i),
      ),
    );
    const { conversations, platforms } = await dump();
    expect(conversations).toHaveLength(12);
    expect(platforms[0]!.tabs).toEqual(Array.from({ length: 12 }, (_, i) => 10 + i));
  });

  it('ignores disabled platforms and drops previews when they are off', async () => {
    const off = await applySnapshot({ platform: 'messenger', tabId: 3, url: FB, read: read([row('m')]) }, { storePreviews: true, enabledPlatforms: ['instagram'] }, NOW);
    expect(off.accepted).toBe(false);
    await applySnapshot({ platform: 'instagram', tabId: 1, url: IG, read: read([row('a', { snippet: 'secret' })]) }, { storePreviews: false, enabledPlatforms: ['instagram'] }, NOW);
    const { conversations, platforms } = await dump();
    expect(platforms.map((p) => p.platform)).toEqual(['instagram']);
    expect(conversations[0]).not.toHaveProperty('snippet');
  });

  it('records a response event when a wait ends', async () => {
    await applySnapshot({ platform: 'instagram', tabId: 1, url: IG, read: read([row('a', { unread: true, snippet: 'Hi', time: NOW - 4 * MIN })]) }, settings, NOW);
    expect((await dump()).conversations[0]!.waitingSince).toBe(NOW - 4 * MIN);
    await applySnapshot({ platform: 'instagram', tabId: 1, url: IG, read: read([row('a', { snippet: 'You: hello', lastFromMe: true, time: NOW + MIN })]) }, settings, NOW + 2 * MIN);
    const { conversations, events } = await dump();
    expect(conversations[0]!.waitingSince).toBeNull();
    expect(events).toEqual([expect.objectContaining({ type: 'response', platform: 'instagram', key: 'instagram:a', start: NOW - 4 * MIN, at: NOW + MIN })]);
  });

  it('moves a tab that switched platform', async () => {
    await applySnapshot({ platform: 'instagram', tabId: 1, url: IG, read: read([], 1) }, settings, NOW);
    await applySnapshot({ platform: 'messenger', tabId: 1, url: FB, read: read([], 2) }, settings, NOW + 1);
    const { platforms } = await dump();
    expect(platforms.map((p) => [p.platform, p.tabs])).toEqual([
      ['instagram', []],
      ['messenger', [1]],
    ]);
  });
});

describe('tabs', () => {
  beforeEach(async () => {
    await applySnapshot({ platform: 'instagram', tabId: 1, url: IG, read: read([], 2) }, settings, NOW);
    await applySnapshot({ platform: 'instagram', tabId: 2, url: IG, read: read([], 2) }, settings, NOW);
    await applySnapshot({ platform: 'messenger', tabId: 3, url: FB, read: read([], 5) }, settings, NOW);
  });

  it('a closed tab leaves the platform with its last numbers, stale once no tab is left', async () => {
    await onTabRemoved(1);
    await onTabRemoved(2);
    const ig = (await dump()).platforms.find((p) => p.platform === 'instagram')!;
    expect(ig).toMatchObject({ tabs: [], unreadTotal: 2, lastSeen: NOW });
    expect((await browser.action.getTitle({})) as string).toMatch(/^DM Desk — Instagram 2 \(stale, \d+[mhd] ago\) · Messenger 5$/);
    expect(await browser.action.getBadgeText({})).toBe('7');
  });

  it('a tab that navigates off the platform is removed; within it, kept', async () => {
    await onTabUpdated(3, { url: 'https://www.facebook.com/messages/t/2' });
    await onTabUpdated(1, { url: 'https://example.com/' });
    await onTabUpdated(2, {});
    await onTabUpdated(2, { status: 'complete' }, { url: 'https://example.com/' });
    // Leaving for a host we may not read: Chromium hides the url; the tab is on no platform.
    await onTabUpdated(3, { status: 'loading' }, {});
    expect((await dump()).platforms.map((p) => [p.platform, p.tabs])).toEqual([
      ['instagram', [2]],
      ['messenger', []],
    ]);
    expect(await removeTab(99)).toBe(false);
  });

  it('on start-up, reconciles stored tabs with the open ones and creates the alarm once', async () => {
    await reconcileTabs([{ id: 1 }, { id: 2, url: IG }, { id: 3, url: 'https://example.com/' }, { id: 4, url: IG }]);
    expect((await dump()).platforms.map((p) => [p.platform, p.tabs])).toEqual([
      ['instagram', [2]],
      ['messenger', []],
    ]);
    const create = vi.spyOn(browser.alarms, 'create');
    await startUp();
    await startUp();
    expect(create).toHaveBeenCalledTimes(1);
    expect(await browser.alarms.get(TICK_ALARM)).toMatchObject({ periodInMinutes: 1 });
  });
});

describe('handlers', () => {
  it('refuses snapshots not sent from a tab of that platform, leaving the store untouched', async () => {
    await handleSnapshot(snapshot('instagram', IG, read([row('a', { unread: true })], 1)), fromTab(1, IG), NOW);
    const before = await dump();
    const forged = [
      handleSnapshot(snapshot('instagram', IG, read([], 50)), { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` }, NOW + 1),
      handleSnapshot(snapshot('messenger', FB, read([], 50)), fromTab(1, IG), NOW + 1),
      handleSnapshot(snapshot('instagram', FB, read([], 50)), fromTab(1, IG), NOW + 1),
    ];
    expect(await Promise.all(forged)).toEqual([{ accepted: false }, { accepted: false }, { accepted: false }]);
    expect(await dump()).toEqual(before);
  });

  it("a total between snapshots moves the platform's counter and the badge, and leaves the conversations", async () => {
    await saveSettings({ enabledPlatforms: ['instagram', 'messenger'] });
    await handleSnapshot(snapshot('instagram', IG, read([row('a', { unread: true }), row('b')], 2)), fromTab(1, IG), NOW);
    const before = await dump();
    expect(await browser.action.getBadgeText({})).toBe('2');
    const total = (unreadTotal: number): Message<'total'> => ({ type: 'total', platform: 'instagram', url: IG, unreadTotal });
    expect(await handleTotal(total(5), fromTab(1, IG), NOW + MIN)).toEqual({ accepted: true });
    const after = await dump();
    expect(after.conversations).toEqual(before.conversations);
    expect(after.platforms).toEqual([{ ...before.platforms[0], unreadTotal: 5, lastSeen: NOW + MIN }]);
    expect(await browser.action.getBadgeText({})).toBe('5');
    // Refused like a snapshot: another platform's page, an extension page; and a tab that never
    // sent a snapshot of the platform changes nothing.
    expect(await handleTotal({ ...total(9), platform: 'messenger', url: FB }, fromTab(1, IG), NOW + 2 * MIN)).toEqual({ accepted: false });
    expect(await handleTotal(total(9), { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` }, NOW + 2 * MIN)).toEqual({
      accepted: false,
    });
    await handleTotal(total(9), fromTab(7, IG), NOW + 2 * MIN);
    expect(await dump()).toEqual(after);
    expect(await browser.action.getBadgeText({})).toBe('5');
  });

  it('platform:clear forgets the numbers and unread state, keeps the conversations', async () => {
    await handleSnapshot(snapshot('instagram', IG, read([row('a', { unread: true }), row('b', { lastFromMe: false })], 2)), fromTab(1, IG), NOW);
    await inboxHandlers['platform:clear']!({ type: 'platform:clear', platform: 'instagram' }, {} as MessageSender);
    const { platforms, conversations, events } = await dump();
    expect(platforms).toEqual([]);
    expect(conversations.map((c) => [c.key, c.unread, c.waitingSince !== null])).toEqual([
      ['instagram:a', false, false],
      ['instagram:b', false, true],
    ]);
    expect(events).toEqual([]);
    expect(await browser.action.getBadgeText({})).toBe('');
  });

  it('data:delete-all empties every store and storage, resets the badge and says so', async () => {
    await saveSettings({ myName: 'Sam' });
    await handleSnapshot(snapshot('instagram', IG, read([row('a', { unread: true })], 1)), fromTab(1, IG), NOW);
    const db = await getDb();
    await db.put('replies', { id: 'r1' } as never);
    const sent = vi.spyOn(browser.runtime, 'sendMessage');
    await deleteAllData();
    expect(await dump()).toEqual({ conversations: [], platforms: [], events: [] });
    expect(await db.getAll('replies')).toEqual([]);
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await browser.action.getTitle({})).toBe('DM Desk');
    expect(sent.mock.calls.map(([m]) => m)).toEqual([
      { type: 'changed', store: 'inbox' },
      { type: 'changed', store: 'replies' },
    ]);
  });

  it('switching previews off forgets the stored ones', async () => {
    await handleSnapshot(snapshot('instagram', IG, read([row('a', { snippet: 'private' })])), fromTab(1, IG), NOW);
    await onSettingsChanged({ settings: { newValue: { storePreviews: false } } }, 'local');
    expect((await dump()).conversations[0]).not.toHaveProperty('snippet');
  });
});

describe('notifications', () => {
  const notify = () => vi.spyOn(browser.notifications, 'create').mockImplementation((() => Promise.resolve('id')) as never);
  const seed = () => handleSnapshot(snapshot('instagram', IG, read([row('a')], 0)), fromTab(1, IG), NOW);
  const news = () => handleSnapshot(snapshot('instagram', IG, read([row('a'), row('n', { unread: true })], 1)), fromTab(1, IG), NOW + MIN);

  it('none when the setting is off (the default)', async () => {
    const create = notify();
    await seed();
    await news();
    expect(create).not.toHaveBeenCalled();
  });

  it('one when on and the platform is not in front; none for the first read of a platform', async () => {
    await saveSettings({ notifications: true });
    const create = notify();
    vi.spyOn(browser.windows, 'getLastFocused').mockResolvedValue({ id: 1, focused: true } as never);
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 9, url: 'https://example.com/' }] as never);
    await handleSnapshot(snapshot('instagram', IG, read([row('old', { unread: true })], 1)), fromTab(1, IG), NOW);
    expect(create).not.toHaveBeenCalled();
    await news();
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![1]).toMatchObject({ title: 'DM Desk — Instagram', message: expect.stringContaining('waiting') });
  });

  it('none when the platform is the active tab of the focused window', async () => {
    await saveSettings({ notifications: true });
    const create = notify();
    vi.spyOn(browser.windows, 'getLastFocused').mockResolvedValue({ id: 1, focused: true } as never);
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 1, url: IG }] as never);
    await seed();
    await news();
    expect(create).not.toHaveBeenCalled();
  });
});
