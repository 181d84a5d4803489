import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb, type PlatformStateRecord } from '@/utils/db';
import { messageSchemas } from '@/utils/messages';
import { defaultSettings, getSettings, watchSettings, type Settings } from '@/utils/settings';
import { loadInbox, loadQueueHead, type InboxData } from './inboxData';

/** Call `callback` whenever the background says `store` changed; returns the unsubscribe function. */
export function onStoreChanged(store: 'inbox' | 'replies' | 'settings', callback: () => void): () => void {
  const listener = (raw: unknown) => {
    const parsed = messageSchemas.changed.safeParse(raw);
    if (parsed.success && parsed.data.store === store) callback();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Run `fn` once the browser has had a chance to paint what was just committed. */
function afterPaint(fn: () => void): void {
  let ran = false;
  const run = () => {
    if (ran) return;
    ran = true;
    fn();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  // A page that is not shown gets no frames: do not wait on one for long.
  setTimeout(run, typeof requestAnimationFrame === 'function' ? 100 : 0);
}

/**
 * `load`'s value, re-read whenever the background says `store` changed, with a `reload` for
 * callers that know they changed it. Answers that arrive out of order are dropped.
 *
 * `early`, when given, is asked once, first: a quick partial value (null for none) shown while the
 * first `load` runs, which starts only after that value has been painted.
 */
export function useReloadingStore<T>(
  store: 'inbox' | 'replies',
  load: () => Promise<T>,
  early?: () => Promise<T | null>,
): { value: T | undefined; error: string | null; reload: () => void } {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const earlyRef = useRef(early);
  const generation = useRef(0);
  const live = useRef(true);
  /** The first full load, waiting for the early value to be committed. */
  const afterEarly = useRef<(() => void) | null>(null);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    afterEarly.current = null;
    const current = () => live.current && mine === generation.current;
    const full = () =>
      loadRef.current().then(
        (v) => {
          if (!current()) return;
          setValue(v);
          setError(null);
        },
        (e: unknown) => {
          if (!current()) return;
          setError(e instanceof Error ? e.message : String(e));
        },
      );
    const first = earlyRef.current;
    earlyRef.current = undefined;
    if (!first) return void full();
    first().then(
      (v) => {
        if (!current()) return;
        if (v === null) return void full();
        afterEarly.current = full;
        setValue(v);
      },
      () => current() && void full(),
    );
  }, []);

  // The early value is on screen: now the full load.
  useEffect(() => {
    const next = afterEarly.current;
    if (!next) return;
    afterEarly.current = null;
    // Not cancelled on a re-render: the load is needed whatever happens; a newer reload supersedes it.
    afterPaint(next);
  }, [value]);

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
  // The preload script's head of the queue first (the first rows), then the whole inbox.
  return useReloadingStore<InboxData>('inbox', () => loadInbox(), loadQueueHead);
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
