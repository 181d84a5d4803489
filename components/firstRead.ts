import { DB_NAME, DB_VERSION } from '@/utils/db-name';

/**
 * The popup's first read of the inbox, started by a tiny classic script in the popup's <head>
 * (entrypoints/popup-preload.ts) while the page's main bundle is still loading: reading 5,000
 * conversations takes the database tens of milliseconds, which now overlap loading and starting
 * React instead of following them. The rows are raw here; `loadInbox` checks them with zod as it
 * does any read.
 *
 * Raw IndexedDB, no imports beyond two constants: this file goes into a script of its own.
 */
export interface RawInbox {
  conversations: unknown[];
  platforms: unknown[];
  events: unknown[];
  /** The events read are those at or after this time (local midnight when the read started). */
  since: number;
}

interface FirstRead {
  result: Promise<RawInbox | null>;
  /** The background said the inbox changed after the read started: the rows may be old. */
  stale: boolean;
  /** Stop watching for that (once the page's own listener is in place). */
  unwatch(): void;
}

const KEY = '__dmDeskFirstRead';
type Holder = { [KEY]?: FirstRead };

type ChangedListener = (message: unknown) => void;
interface RuntimeEvents {
  runtime?: { onMessage?: { addListener(l: ChangedListener): void; removeListener(l: ChangedListener): void } };
}

/** Start reading; only an existing database of the current version is read (never created here). */
export function startFirstRead(now = Date.now()): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) return;
  const since = new Date(now).setHours(0, 0, 0, 0);
  const read: FirstRead = { stale: false, result: Promise.resolve(null), unwatch: () => undefined };
  const runtime = ((globalThis as { chrome?: RuntimeEvents }).chrome ?? (globalThis as { browser?: RuntimeEvents }).browser)?.runtime;
  const onChanged: ChangedListener = (message) => {
    const m = message as { type?: unknown; store?: unknown } | null;
    if (m && m.type === 'changed' && m.store === 'inbox') read.stale = true;
  };
  try {
    runtime?.onMessage?.addListener(onChanged);
    read.unwatch = () => runtime?.onMessage?.removeListener(onChanged);
  } catch {
    // no runtime messaging here: nothing to watch
  }
  read.result = new Promise<RawInbox | null>((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB_NAME, DB_VERSION);
    } catch {
      return resolve(null);
    }
    // No database yet (or an older one): leave creating and upgrading it to the page's getDb.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      try {
        const tx = db.transaction(['conversations', 'platforms', 'events'], 'readonly');
        const conversations = tx.objectStore('conversations').getAll();
        const platforms = tx.objectStore('platforms').getAll();
        const events = tx.objectStore('events').index('at').getAll(IDBKeyRange.lowerBound(since));
        tx.oncomplete = () => {
          db.close();
          resolve({ conversations: conversations.result, platforms: platforms.result, events: events.result, since });
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          resolve(null);
        };
      } catch {
        db.close();
        resolve(null);
      }
    };
  });
  holder[KEY] = read;
}

/**
 * The first read's rows, once: null when there was none (tests, the options page, a second call),
 * it failed, or the inbox changed since it started.
 */
export async function takeFirstRead(): Promise<RawInbox | null> {
  const holder = globalThis as Holder;
  const read = holder[KEY];
  if (!read) return null;
  delete holder[KEY];
  const rows = await read.result;
  try {
    read.unwatch();
  } catch {
    // the runtime went away: nothing to remove
  }
  return read.stale ? null : rows;
}
