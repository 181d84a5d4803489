import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { messageSchemas } from '@/utils/messages';
import type { Reply } from '@/utils/replies/model';
import { listReplies } from '@/utils/replies/store';
import { getSettings, watchSettings, type Settings } from '@/utils/settings';

/**
 * The saved replies, re-read when another page says they changed. `reload` is for the page's own
 * writes (a page does not receive its own broadcast).
 */
export function useReplies(): { replies: Reply[] | undefined; reload: () => Promise<void>; error: string | null } {
  const [replies, setReplies] = useState<Reply[]>();
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setReplies(await listReplies());
      setError(null);
    } catch (e) {
      setError(`Could not read the saved replies: ${(e as Error).message}`);
    }
  }, []);
  useEffect(() => {
    let live = true;
    const refresh = () => void (live && reload());
    refresh();
    const listener = (raw: unknown) => {
      const parsed = messageSchemas.changed.safeParse(raw);
      if (parsed.success && parsed.data.store === 'replies') refresh();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(listener);
    };
  }, [reload]);
  return { replies, reload, error };
}

/** The settings, kept current. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    void getSettings().then((s) => live && setSettings(s));
    const stop = watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}
