import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PLATFORM_HOST_PATTERNS, platformOfUrl } from '@/utils/platforms/hosts';
import { adapterFor } from '@/utils/platforms/registry';
import { send } from '@/utils/messages';
import { startWatcher } from './watcher';
import { startOverlay } from './overlay/start';

export default defineContentScript({
  matches: [...PLATFORM_HOST_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    const platform = platformOfUrl(location.href);
    if (!platform) return;
    const adapter = adapterFor(location.href);
    // Saved replies work on every platform page, even where the adapter finds nothing to read.
    startOverlay(ctx, platform, adapter);
    if (!adapter) return;

    const watcher = startWatcher({
      doc: document,
      read: () => adapter.read(document, new URL(location.href)),
      report: (read, url) => {
        send({ type: 'snapshot', platform: adapter.id, url, read }).catch((error: unknown) => {
          // After an update the old content script loses its extension: stop quietly.
          if (!browser.runtime?.id || /context invalidated/i.test(String(error))) watcher.stop();
        });
      },
    });
    // SPA navigation (pushState) does not always mutate the DOM at once.
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.schedule());
    ctx.onInvalidated(() => watcher.stop());
  },
});
