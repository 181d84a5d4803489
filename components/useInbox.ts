import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb, type PlatformStateRecord } from '@/utils/db';
import { messageSchemas } from '@/utils/messages';
import { defaultSettings, getSettings, watchSettings, type Settings } from '@/utils/settings';
import { loadInbox, type InboxData } from './inboxData';

/** Call `callback` whenever the background says `store` changed; returns the unsubscribe function. */
export function onStoreChanged(store: 'inbox' | 'replies' | 'settings', callback: () => void): () => void {
  const listener = (raw: unknown) => {
    const parsed = messageSchemas.changed.safeParse(raw);
    if (parsed.success && parsed.data.store === store) callback();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * `load`'s value, re-read whenever the background says `store` changed, with a `reload` for
 * callers that know they changed it. Answers that arrive out of order are dropped.
 */
export function useReloadingStore<T>(
  store: 'inbox' | 'replies',
  load: () => Promise<T>,
): { value: T | undefined; error: string | null; reload: () => void } {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);
  const live = useRef(true);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    loadRef.current().then(
      (v) => {
        if (!live.current || mine !== generation.current) return;
        setValue(v);
        setError(null);
      },
      (e: unknown) => {
        if (!live.current || mine !== generation.current) return;
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  }, []);

  useEffect(() => {
    live.current = true;
    reload();
    const off = onStoreChanged(store, reload);
    return () => {
      live.current = false;
      off();
    };
  }, [store, reload]);
  return { value, error, reload };
}

/** Re-run `load` whenever the background says `store` changed. */
export function useStore<T>(store: 'inbox' | 'replies', load: () => Promise<T>): T | undefined {
  return useReloadingStore(store, load).value;
}

export function usePlatformStates(): PlatformStateRecord[] | undefined {
  return useStore('inbox', async () => (await getDb()).getAll('platforms'));
}

/** Conversations, platform states and today's responses, kept current. */
export function useInbox() {
  return useReloadingStore<InboxData>('inbox', () => loadInbox());
}

/** The current time, refreshed every `everyMs` (wait times and SLA states move with it). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** Settings, kept current; defaults until they are read. */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  useEffect(() => {
    let live = true;
    getSettings().then(
      (s) => live && setSettings(s),
      () => undefined,
    );
    const off = watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      off();
    };
  }, []);
  return settings;
}
