import { browser, type Browser } from 'wxt/browser';
import { getDb } from '../db';
import { broadcastChanged } from '../messages';
import type { PlatformId } from '../platforms/contract';
import { platformOfUrl } from '../platforms/hosts';

/**
 * Queue actions from the popup, run in the background (the only writer of inbox data):
 * Done, Snooze and Open. Wired in entrypoints/background.ts as the `queue:*` handlers.
 */

/** Where a platform lists its conversations, for Open when a conversation has no thread URL. */
export const DM_HOME: Record<PlatformId, string> = {
  instagram: 'https://www.instagram.com/direct/inbox/',
  messenger: 'https://www.facebook.com/messages/',
  x: 'https://x.com/messages',
  linkedin: 'https://www.linkedin.com/messaging/',
  tiktok: 'https://www.tiktok.com/messages',
  whatsapp: 'https://web.whatsapp.com/',
  snapchat: 'https://www.snapchat.com/web',
};

const HOUR = 3_600_000;

/** Snooze for one hour. */
export function inOneHour(now: number): number {
  return now + HOUR;
}

/** Snooze until tomorrow morning, 09:00 local time. */
export function tomorrowMorning(now: number, hour = 9): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(hour, 0, 0, 0);
  return d.getTime();
}

/** Local midnight of the day `now` falls in. */
export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Update one conversation in one readwrite transaction; false when it does not exist. */
async function patchConversation(key: string, patch: (c: { doneAt?: number; snoozedUntil?: number }) => void): Promise<boolean> {
  const db = await getDb();
  const tx = db.transaction('conversations', 'readwrite');
  const record = await tx.store.get(key);
  if (!record) {
    await tx.done;
    return false;
  }
  patch(record);
  await tx.store.put(record);
  await tx.done;
  return true;
}

/**
 * Done: the conversation leaves the queue until newer activity (queue.ts compares `doneAt` with
 * the last activity). "Handled today" in the popup counts `doneAt` since midnight, so no event is
 * written here: a 'response' event would skew the response-time medians with non-replies.
 */
export async function markDone(key: string, now = Date.now()): Promise<{ ok: boolean }> {
  const ok = await patchConversation(key, (c) => {
    c.doneAt = now;
    delete c.snoozedUntil;
  });
  if (ok) broadcastChanged('inbox');
  return { ok };
}

/** Snooze until `until` (epoch ms); a time in the past simply ends the snooze. */
export async function snoozeConversation(key: string, until: number): Promise<{ ok: boolean }> {
  const ok = await patchConversation(key, (c) => {
    c.snoozedUntil = until;
  });
  if (ok) broadcastChanged('inbox');
  return { ok };
}

/**
 * The URL Open may navigate to: the stored thread URL when it is https on one of the platform's
 * own hosts (stored URLs come from page DOM: never trust them to be anything else), else null.
 */
export function safeThreadUrl(platform: PlatformId, url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || platformOfUrl(parsed) !== platform) return null;
    return parsed.href;
  } catch {
    return null;
  }
}

type Tab = Browser.tabs.Tab;

/** The tab Open should reuse: one already on the thread, else the most recently used of the platform. */
export function pickTab(tabs: readonly Tab[], platform: PlatformId, url: string | null): Tab | null {
  const ofPlatform = tabs.filter((t) => t.id !== undefined && t.url && platformOfUrl(t.url) === platform);
  if (url) {
    const exact = ofPlatform.find((t) => sameUrl(t.url!, url));
    if (exact) return exact;
  }
  let best: Tab | null = null;
  for (const tab of ofPlatform) {
    if (!best || (tab.lastAccessed ?? 0) > (best.lastAccessed ?? 0)) best = tab;
  }
  return best;
}

/** The same thread: the query (a link's "?ref=…", a tab's "?hl=en") and hash do not count. */
function sameUrl(a: string, b: string): boolean {
  const strip = (u: string) => u.split(/[?#]/)[0]!.replace(/\/$/, '');
  return strip(a) === strip(b);
}

/**
 * Open: focus a tab of the platform and go to the thread (no reload when it is already there), or
 * open a new tab on the thread, or on the platform's DM home when there is no thread URL.
 */
export async function openConversation(key: string): Promise<{ ok: boolean }> {
  const record = await (await getDb()).get('conversations', key);
  if (!record) return { ok: false };
  const url = safeThreadUrl(record.platform, record.url);
  const tab = pickTab(await browser.tabs.query({}), record.platform, url);
  if (tab?.id !== undefined) {
    const navigate = url && !sameUrl(tab.url ?? '', url) ? { url } : {};
    await browser.tabs.update(tab.id, { active: true, ...navigate });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    return { ok: true };
  }
  await browser.tabs.create({ url: url ?? DM_HOME[record.platform], active: true });
  return { ok: true };
}
