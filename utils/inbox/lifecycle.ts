import { browser, type Browser } from 'wxt/browser';
import { broadcastChanged } from '../messages';
import { platformOfUrl } from '../platforms/hosts';
import { updateBadge } from './badge';
import { prune } from './prune';
import { dropPreviews, reconcileTabs, removeTab } from './store';

/** Tab, alarm and start-up handling for the inbox; background.ts registers these at top level. */

export const TICK_ALARM = 'dm-desk:tick';

/** Every minute: SLA colour as time passes, and pruning. */
export async function ensureTickAlarm(): Promise<void> {
  // create() with an existing name restarts its period: a worker woken more often than once a
  // minute would never see it fire, so create it only when missing.
  if (await browser.alarms.get(TICK_ALARM)) return;
  await browser.alarms.create(TICK_ALARM, { periodInMinutes: 1 });
}

export async function onTick(alarm: { name: string }, now = Date.now()): Promise<void> {
  if (alarm.name !== TICK_ALARM) return;
  const pruned = await prune(now);
  await updateBadge(now);
  if (pruned.conversations) broadcastChanged('inbox');
}

export async function onTabRemoved(tabId: number): Promise<void> {
  if (await removeTab(tabId)) {
    await updateBadge();
    broadcastChanged('inbox');
  }
}

/**
 * A tab navigated. Without the "tabs" permission Chromium tells us the new url only for hosts we
 * have permission for (the platforms): a loading tab whose url we cannot see has left them all.
 */
export async function onTabUpdated(tabId: number, change: { url?: string; status?: string }, tab?: { url?: string }): Promise<void> {
  if (change.url === undefined && change.status !== 'loading') return;
  const url = change.url ?? tab?.url;
  // Still on a platform: it stays listed for that one only. Elsewhere: listed nowhere.
  if (await removeTab(tabId, url ? platformOfUrl(url) : null)) {
    await updateBadge();
    broadcastChanged('inbox');
  }
}

/** On every worker start: tabs may have closed while it slept. */
export async function startUp(): Promise<void> {
  await ensureTickAlarm();
  const tabs = await browser.tabs.query({});
  const changed = await reconcileTabs(tabs as Browser.tabs.Tab[]);
  await updateBadge();
  if (changed) broadcastChanged('inbox');
}

export async function onSettingsChanged(changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string): Promise<void> {
  if (area !== 'local' || !('settings' in changes)) return;
  const next = changes.settings?.newValue as { storePreviews?: unknown } | undefined;
  if (next && next.storePreviews === false) await dropPreviews();
  await updateBadge();
  broadcastChanged('inbox');
}
