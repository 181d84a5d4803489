import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { hostPatterns, platformOfUrl, type PlatformId } from '@/utils/platforms/hosts';
import type { PlatformAdapter } from '@/utils/platforms/contract';
import { send } from '@/utils/messages';
import { defaultSettings, getSettings, watchSettings, type Settings } from '@/utils/settings';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startWatcher } from './watcher';
import { startOverlay } from './overlay/start';

/**
 * The content script of one platform: each platform has its own (entrypoints/<platform>.content.ts),
 * so a page loads its own adapter and not the six others (the budget is per page load).
 */
export function platformContentScript(adapter: PlatformAdapter) {
  return defineContentScript({
    matches: hostPatterns(adapter.id),
    runAt: 'document_idle',
    main(ctx) {
      const platform = adapter.id;
      if (platformOfUrl(location.href) !== platform) return;

      // A platform switched off in the options gets nothing from DM Desk: no reading, no overlay.
      // Switching it back on starts both without a reload.
      let stop: (() => void) | null = null;
      const apply = (settings: Settings) => {
        const enabled = settings.enabledPlatforms.includes(platform);
        if (enabled && !stop) stop = start(ctx, platform, adapter);
        else if (!enabled && stop) {
          stop();
          stop = null;
        }
      };
      getSettings().then(apply, () => apply(defaultSettings()));
      const unwatch = watchSettings(apply);
      ctx.onInvalidated(() => {
        unwatch();
        stop?.();
      });
    },
  });
}

/** Read the page and mount the overlay; returns what stops both. */
function start(ctx: ContentScriptContext, platform: PlatformId, adapter: PlatformAdapter): () => void {
  // Saved replies work on every platform page, even where the adapter finds nothing to read.
  const stopOverlay = startOverlay(ctx, platform, adapter);

  // After an update the old content script loses its extension: stop quietly.
  const lost = (error: unknown) => {
    if (!browser.runtime?.id || /context invalidated/i.test(String(error))) watcher.stop();
  };
  const watcher = startWatcher({
    doc: document,
    read: () => adapter.read(document, new URL(location.href)),
    report: (read, url) => {
      send({ type: 'snapshot', platform: adapter.id, url, read }).catch(lost);
    },
    readTotal: () => adapter.total(document),
    shadowHosts: adapter.shadowHosts ? () => adapter.shadowHosts!(document) : undefined,
    frames: adapter.frames ? () => adapter.frames!(document) : undefined,
    reportTotal: (unreadTotal, url) => {
      send({ type: 'total', platform: adapter.id, url, unreadTotal }).catch(lost);
    },
  });
  // SPA navigation (pushState) does not always mutate the DOM at once.
  const onLocation = () => watcher.schedule();
  ctx.addEventListener(window, 'wxt:locationchange', onLocation);
  return () => {
    watcher.stop();
    window.removeEventListener('wxt:locationchange', onLocation);
    stopOverlay();
  };
}
