import { browser } from 'wxt/browser';
import { getDb } from '../db';
import type { InboxRead, PlatformId } from '../platforms/contract';
import { PLATFORM_LABELS } from '../platforms/hosts';
import { broadcastChanged } from '../messages';

// First version: per-platform totals and the badge. Conversations and the queue come with the inbox work.

/** Store what one tab of a platform shows. */
export async function applySnapshot(platform: PlatformId, tabId: number | undefined, url: string, read: InboxRead, now = Date.now()) {
  const db = await getDb();
  const previous = await db.get('platforms', platform);
  const tabs = new Set(previous?.tabs ?? []);
  if (tabId !== undefined) tabs.add(tabId);
  await db.put('platforms', {
    platform,
    unreadTotal: read.unreadTotal,
    unreadRows: read.threads.filter((t) => t.unread && !t.muted).length,
    lastSeen: now,
    tabs: [...tabs],
    missing: read.missing,
    active: read.active,
    url,
  });
  await updateBadge();
  broadcastChanged('inbox');
}

export async function updateBadge(): Promise<void> {
  const db = await getDb();
  const states = await db.getAll('platforms');
  let total = 0;
  const parts: string[] = [];
  for (const state of states) {
    const count = state.unreadTotal ?? state.unreadRows;
    total += count;
    if (count > 0) parts.push(`${PLATFORM_LABELS[state.platform]} ${count}`);
  }
  await browser.action.setBadgeText({ text: total === 0 ? '' : total > 99 ? '99+' : String(total) });
  await browser.action.setTitle({ title: parts.length ? `DM Desk — ${parts.join(' · ')}` : 'DM Desk' });
}
