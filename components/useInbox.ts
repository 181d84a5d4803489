import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb, type PlatformStateRecord } from '@/utils/db';
import { messageSchemas } from '@/utils/messages';

/** Re-run `load` whenever the background says `store` changed. */
export function useStore<T>(store: 'inbox' | 'replies', load: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    const refresh = () => void load().then((v) => live && setValue(v));
    refresh();
    const listener = (raw: unknown) => {
      const parsed = messageSchemas.changed.safeParse(raw);
      if (parsed.success && parsed.data.store === store) refresh();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(listener);
    };
    // load is a stable module function at every call site
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return value;
}

export function usePlatformStates(): PlatformStateRecord[] | undefined {
  return useStore('inbox', async () => (await getDb()).getAll('platforms'));
}
