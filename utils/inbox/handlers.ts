import { browser } from 'wxt/browser';
import { broadcastChanged, type Handlers, type Message, type MessageSender } from '../messages';
import { platformOfUrl } from '../platforms/hosts';
import { getSettings } from '../settings';
import { resetBadge, updateBadge } from './badge';
import { notifyWaiting } from './notify';
import { applySnapshot, applyTotal, clearAllStores, clearPlatform } from './store';

/**
 * Why a schema-valid snapshot is still refused, or null. `handleMessages` has already checked the
 * shape and that the sender is this extension; a snapshot must also come from a tab's content
 * script on that platform's host and describe a URL of that platform, so an extension page or a
 * content script on another platform cannot write another platform's numbers.
 */
export function snapshotRejectReason(message: Message<'snapshot' | 'total'>, sender: MessageSender): string | null {
  if (sender.tab?.id === undefined) return 'not sent from a tab';
  const from = sender.url ?? sender.tab.url;
  if (!from || platformOfUrl(from) !== message.platform) return `sent from a page that is not ${message.platform}`;
  if (platformOfUrl(message.url) !== message.platform) return `url is not a ${message.platform} page`;
  return null;
}

export async function handleSnapshot(message: Message<'snapshot'>, sender: MessageSender, now = Date.now()): Promise<{ accepted: boolean }> {
  const reason = snapshotRejectReason(message, sender);
  if (reason) {
    console.warn('[DM Desk] dropped snapshot:', reason);
    return { accepted: false };
  }
  const settings = await getSettings();
  const result = await applySnapshot(
    { platform: message.platform, tabId: sender.tab?.id, url: message.url, read: message.read },
    settings,
    now,
  );
  if (!result.accepted) return { accepted: false };
  await updateBadge(now);
  broadcastChanged('inbox');
  if (result.known) {
    await notifyWaiting({ enabled: settings.notifications, platform: message.platform, started: result.started.length }).catch(
      (error: unknown) => console.warn('[DM Desk] notification failed', error),
    );
  }
  return { accepted: true };
}

/** A counter between snapshots (see applyTotal): refused as a snapshot would be; the badge follows it. */
export async function handleTotal(message: Message<'total'>, sender: MessageSender, now = Date.now()): Promise<{ accepted: boolean }> {
  const reason = snapshotRejectReason(message, sender);
  if (reason) {
    console.warn('[DM Desk] dropped total:', reason);
    return { accepted: false };
  }
  const changed = await applyTotal({ platform: message.platform, tabId: sender.tab?.id, unreadTotal: message.unreadTotal }, await getSettings(), now);
  if (changed) {
    await updateBadge(now);
    broadcastChanged('inbox');
  }
  return { accepted: true };
}

/** "Delete all data": every store (replies too), storage.local, the badge. */
export async function deleteAllData(): Promise<void> {
  await clearAllStores();
  await browser.storage.local.clear();
  await resetBadge();
  broadcastChanged('inbox');
  broadcastChanged('replies');
}

/** Background handlers for the inbox (wired in entrypoints/background.ts). */
export const inboxHandlers: Handlers = {
  snapshot: (message, sender) => handleSnapshot(message, sender),
  total: (message, sender) => handleTotal(message, sender),
  'platform:clear': async (message) => {
    await clearPlatform(message.platform);
    await updateBadge();
    broadcastChanged('inbox');
    return { ok: true };
  },
  'data:delete-all': async () => {
    await deleteAllData();
    return { ok: true };
  },
};
