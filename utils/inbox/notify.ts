import { browser } from 'wxt/browser';
import type { PlatformId } from '../platforms/hosts';
import { PLATFORM_LABELS, platformOfUrl } from '../platforms/hosts';

/**
 * Optional desktop notification (settings.notifications, off by default): conversations started
 * waiting on a platform whose tab is not the active tab of the focused window.
 */

/** Is a tab of `platform` what the user is looking at right now? */
export async function platformInFront(platform: PlatformId): Promise<boolean> {
  try {
    const window = await browser.windows.getLastFocused({});
    if (!window?.focused || window.id === undefined) return false;
    const [active] = await browser.tabs.query({ active: true, windowId: window.id });
    return !!active?.url && platformOfUrl(active.url) === platform;
  } catch {
    return false;
  }
}

export interface NotifyInput {
  enabled: boolean;
  platform: PlatformId;
  /** How many conversations started waiting. */
  started: number;
}

/** Returns whether a notification was shown. */
export async function notifyWaiting({ enabled, platform, started }: NotifyInput): Promise<boolean> {
  if (!enabled || started <= 0) return false;
  if (await platformInFront(platform)) return false;
  const label = PLATFORM_LABELS[platform];
  await browser.notifications.create(`dm-desk:${platform}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png' as never),
    title: `DM Desk — ${label}`,
    message: started === 1 ? `A conversation is waiting for your reply on ${label}.` : `${started} conversations are waiting for your reply on ${label}.`,
  });
  return true;
}
