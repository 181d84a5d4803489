import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { closeDb, DB_NAME, getDb, type ConversationRecord, type PlatformStateRecord } from '@/utils/db';
import { BADGE_COLORS, badgeText, computeBadge, formatAge, updateBadge } from '@/utils/inbox/badge';
import { onTick, TICK_ALARM } from '@/utils/inbox/lifecycle';
import { saveSettings } from '@/utils/settings';

const NOW = Date.UTC(2026, 4, 4, 12, 0, 0);
const MIN = 60_000;
const settings = { slaMinutes: 10, enabledPlatforms: ['instagram', 'linkedin', 'messenger'] as ('instagram' | 'linkedin' | 'messenger')[] };

/** "#RRGGBB" → [r, g, b, 255], as browsers report badge colours. */
const rgba = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);
const state = (platform: PlatformStateRecord['platform'], patch: Partial<PlatformStateRecord> = {}): PlatformStateRecord => ({
  platform,
  unreadTotal: null,
  unreadRows: 0,
  lastSeen: NOW,
  tabs: [1],
  missing: [],
  active: null,
  ...patch,
});
const waiting = (key: string, since: number): ConversationRecord => ({
  key: `instagram:${key}`,
  platform: 'instagram',
  threadId: key,
  name: key,
  unread: true,
  firstSeen: since,
  lastSeen: NOW,
  waitingSince: since,
});

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  await closeDb();
  indexedDB.deleteDatabase(DB_NAME);
});

describe('badge text', () => {
  it('is empty at 0, the number up to 99, then 99+', () => {
    expect([0, 1, 99, 100, 5000].map(badgeText)).toEqual(['', '1', '99', '99+', '99+']);
  });

  it('adds each platform once: its own total when it reports one, else its unread rows', () => {
    const view = computeBadge(
      [state('instagram', { unreadTotal: 3, unreadRows: 1 }), state('linkedin', { unreadTotal: null, unreadRows: 1 }), state('messenger')],
      [],
      settings,
      NOW,
    );
    expect(view.text).toBe('4');
    expect(view.title).toBe('DM Desk — Instagram 3 · LinkedIn 1');
  });

  it('ignores disabled platforms', () => {
    const view = computeBadge([state('instagram', { unreadTotal: 3 }), state('x', { unreadTotal: 4 })], [], settings, NOW);
    expect(view.total).toBe(3);
  });
});

describe('badge tooltip', () => {
  it('marks stale platforms with their age', () => {
    const view = computeBadge([state('instagram', { unreadTotal: 3, tabs: [], lastSeen: NOW - 2 * 60 * MIN }), state('linkedin', { unreadRows: 1 })], [], settings, NOW);
    expect(view.title).toBe('DM Desk — Instagram 3 (stale, 2h ago) · LinkedIn 1');
    expect(view.text).toBe('4');
  });

  it('formats ages in minutes, hours, days', () => {
    expect([0, 59 * 1000, 5 * MIN, 61 * MIN, 25 * 60 * MIN].map(formatAge)).toEqual(['1m', '1m', '5m', '1h', '1d']);
  });

  it('says just "DM Desk" with nothing unread', () => {
    expect(computeBadge([state('instagram', { unreadTotal: 0 })], [], settings, NOW).title).toBe('DM Desk');
  });
});

describe('badge colour', () => {
  const states = [state('instagram', { unreadTotal: 1 })];
  it('follows the most urgent SLA state of the queue', () => {
    expect(computeBadge(states, [waiting('a', NOW - MIN)], settings, NOW).color).toBe(BADGE_COLORS.ok);
    expect(computeBadge(states, [waiting('a', NOW - MIN), waiting('b', NOW - 6 * MIN)], settings, NOW).color).toBe(BADGE_COLORS.soon);
    expect(computeBadge(states, [waiting('a', NOW - MIN), waiting('b', NOW - 11 * MIN)], settings, NOW).color).toBe(BADGE_COLORS.overdue);
    expect(computeBadge(states, [], settings, NOW).color).toBe(BADGE_COLORS.none);
  });

  it('uses the SLA setting', () => {
    expect(computeBadge(states, [waiting('a', NOW - 6 * MIN)], { ...settings, slaMinutes: 60 }, NOW).sla).toBe('ok');
  });

  it('turns as time passes, on the alarm, without new snapshots', async () => {
    const db = await getDb();
    await db.put('platforms', state('instagram', { unreadTotal: 1 }));
    await db.put('conversations', waiting('a', NOW));
    await updateBadge(NOW);
    expect(await browser.action.getBadgeBackgroundColor({})).toEqual(rgba(BADGE_COLORS.ok));
    await onTick({ name: TICK_ALARM }, NOW + 6 * MIN);
    expect(await browser.action.getBadgeBackgroundColor({})).toEqual(rgba(BADGE_COLORS.soon));
    await onTick({ name: TICK_ALARM }, NOW + 10 * MIN);
    expect(await browser.action.getBadgeBackgroundColor({})).toEqual(rgba(BADGE_COLORS.overdue));
    await saveSettings({ slaMinutes: 30 });
    await updateBadge(NOW + 10 * MIN);
    expect(await browser.action.getBadgeBackgroundColor({})).toEqual(rgba(BADGE_COLORS.ok));
  });

  it('skips damaged records instead of failing', async () => {
    const db = await getDb();
    await db.put('platforms', state('instagram', { unreadTotal: 2 }));
    await db.put('platforms', { platform: 'linkedin', unreadTotal: 'lots' } as never);
    const view = await updateBadge(NOW);
    expect(view?.text).toBe('2');
  });
});

describe('Firefox MV2', () => {
  it('paints through browserAction when there is no action API', async () => {
    const { paintBadge } = await import('@/utils/inbox/badge');
    const { browser } = await import('wxt/browser');
    const calls: string[] = [];
    const browserAction = {
      setBadgeText: async ({ text }: { text: string }) => void calls.push(`text:${text}`),
      setBadgeBackgroundColor: async () => void calls.push('color'),
      setTitle: async ({ title }: { title: string }) => void calls.push(`title:${title}`),
    };
    const saved = Object.getOwnPropertyDescriptor(browser, 'action');
    Object.defineProperty(browser, 'action', { value: undefined, configurable: true });
    Object.defineProperty(browser, 'browserAction', { value: browserAction, configurable: true });
    try {
      await paintBadge({ text: '4', color: '#B42318', title: 'DM Desk — Instagram 4' });
    } finally {
      if (saved) Object.defineProperty(browser, 'action', saved);
      delete (browser as unknown as Record<string, unknown>).browserAction;
    }
    expect(calls).toEqual(['text:4', 'color', 'title:DM Desk — Instagram 4']);
  });
});
