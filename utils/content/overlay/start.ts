import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PlatformAdapter, PlatformId } from '@/utils/platforms/contract';
import { handleMessages, send } from '@/utils/messages';
import { getSettings, watchSettings } from '@/utils/settings';
import { mountOverlay } from './index';

/**
 * Mounts the overlay on a platform page and wires it to the extension: replies from the
 * background (cached, refreshed on the "changed" broadcast and when the dialog opens), live
 * settings, and the popup's `page:context` / `composer:insert` messages. Works without an adapter
 * too (a platform whose adapter is missing or broken): the focused editor is the composer.
 */
export function startOverlay(ctx: ContentScriptContext, platform: PlatformId, adapter: PlatformAdapter | null): () => void {
  const alive = () => !!browser.runtime?.id;
  const overlay = mountOverlay({
    doc: document,
    platform,
    adapter,
    loadReplies: async () => (alive() ? (await send<'replies:list'>({ type: 'replies:list', platform })).replies : []),
    onUsed: (id) => {
      if (alive()) send<'reply:used'>({ type: 'reply:used', id }).catch(() => undefined);
    },
  });
  getSettings()
    .then((settings) => overlay.setSettings(settings))
    .catch(() => undefined);
  const unwatch = watchSettings((settings) => overlay.setSettings(settings));
  const unlisten = handleMessages({
    changed: (message) => {
      if (message.store === 'replies') void overlay.refreshReplies();
    },
    'page:context': () => {
      const context = overlay.context();
      return {
        platform,
        contact: context.contact,
        composer: !!context.composer,
        ...(context.maxLength ? { maxLength: context.maxLength } : {}),
      };
    },
    'composer:insert': async (message) => {
      const outcome = await overlay.insert(message.text, message.replyId ? { replyId: message.replyId } : {});
      return { ok: outcome.ok, method: outcome.method, ...(outcome.error ? { error: outcome.error } : {}) };
    },
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unlisten();
    unwatch();
    overlay.destroy();
  };
  ctx.onInvalidated(stop);
  return stop;
}
