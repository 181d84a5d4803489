import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { messageSchemas } from '@/utils/messages';

type Store = 'inbox' | 'replies' | 'settings';

/**
 * Load once, then again whenever the background broadcasts `changed` for one of `stores`.
 * Returns the value (undefined while loading) and the load error, if any.
 */
export function useChangedStores<T>(stores: readonly Store[], load: () => Promise<T>): { value: T | undefined; error: string | null } {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const key = stores.join(',');
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void load().then(
        (v) => {
          if (!live) return;
          setValue(v);
          setError(null);
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    refresh();
    const listener = (raw: unknown) => {
      const parsed = messageSchemas.changed.safeParse(raw);
      if (parsed.success && stores.includes(parsed.data.store)) refresh();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(listener);
    };
    // load is a stable module function at every call site; stores is compared by its key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { value, error };
}
