import { DB_NAME, DB_VERSION } from '@/utils/db-name';
import { isWaiting } from '@/utils/inbox/queue';
import type { ConversationRecord } from '@/utils/db';

/**
 * The popup's first read of the inbox, started by a tiny classic script in the popup's <head>
 * (entrypoints/popup-preload.ts) while the page's main bundle is still loading, in two steps:
 *
 * 1. the head: the platform states, today's events, and the first waiting conversations in queue
 *    order, through the conversations' `waitingSince` index (utils/db.ts): tens of records, enough
 *    for the first screens of the queue, so the first rows do not wait on 5,000;
 * 2. then the whole inbox, as the page reads it (`loadInbox`). Its rows are taken from IndexedDB
 *    only when the page asks for them (after the head has rendered): reading 5,000 values out of
 *    their requests is the costly part, and it no longer delays the first rows.
 *
 * The rows are raw here; the page checks them with zod as it does any read.
 * Raw IndexedDB, no imports beyond constants and one pure function: this file goes into a script
 * of its own.
 */
export interface RawInbox {
  conversations: unknown[];
  platforms: unknown[];
  events: unknown[];
  /** The events read are those at or after this time (local midnight when the read started). */
  since: number;
}

/**
 * The head of the queue: `conversations` are every record of the `waitingSince` index up to a
 * cutoff (ties included), in index order, waiting or not (done and snoozed ones are in the index):
 * whatever the page's queue filter and clock, the queue built from them is the exact beginning of
 * the queue built from the whole inbox.
 */
export interface RawHead extends RawInbox {
  /** The index was read to its end: the head holds every waiting conversation. */
  complete: boolean;
}

/** How many waiting conversations the head holds at least: a few screens of the queue. */
export const HEAD_SIZE = 50;

interface FirstRead {
  head: Promise<RawHead | null>;
  /** The whole inbox; the rows are taken from their requests when called. */
  result: Promise<(() => RawInbox) | null>;
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

/** A User Timing mark, for profiles of the popup's start (bench/profile-popup.ts). */
function mark(name: string): void {
  try {
    globalThis.performance?.mark?.(name);
  } catch {
    // no User Timing here
  }
}

/** Does a raw row count towards the head's size (it is checked properly on the page)? */
function waits(row: unknown, now: number): boolean {
  try {
    return typeof row === 'object' && row !== null && isWaiting(row as ConversationRecord, now);
  } catch {
    return false;
  }
}

/** The index key a row is filed under (the index holds only rows with a valid key there). */
const indexKey = (row: unknown) => (row as { waitingSince: IDBValidKey }).waitingSince;

/**
 * Reads the `waitingSince` index in order until it has HEAD_SIZE waiting rows, in batches that
 * double (done and snoozed rows may come first). A batch's last value may continue past the batch:
 * the head ends before that value when it has enough without it (one request in the usual case),
 * else reads that value's rows alone and goes on after it, so it never ends inside a tie.
 */
function readHead(index: IDBIndex, now: number, done: (rows: unknown[], complete: boolean) => void): void {
  const rows: unknown[] = [];
  let waiting = 0;
  let batch = HEAD_SIZE + 14;
  const take = (found: readonly unknown[]) => {
    for (const row of found) {
      rows.push(row);
      if (waits(row, now)) waiting++;
    }
  };
  const next = (range: IDBKeyRange | null) => {
    const request = index.getAll(range, batch);
    request.onsuccess = () => {
      const found = request.result;
      if (found.length < batch) {
        take(found);
        return done(rows, true);
      }
      const last = indexKey(found[found.length - 1]);
      take(found.filter((row) => indexedDB.cmp(indexKey(row), last) !== 0));
      if (waiting >= HEAD_SIZE) return done(rows, false);
      const tie = index.getAll(IDBKeyRange.only(last));
      tie.onsuccess = () => {
        take(tie.result);
        if (waiting >= HEAD_SIZE) return done(rows, false);
        batch *= 2;
        next(IDBKeyRange.lowerBound(last, true));
      };
    };
  };
  next(null);
}

/** Start reading; only an existing database of the current version is read (never created here). */
export function startFirstRead(now = Date.now()): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) return;
  mark('dm-desk:first-read');
  const since = new Date(now).setHours(0, 0, 0, 0);
  const read: FirstRead = { stale: false, head: Promise.resolve(null), result: Promise.resolve(null), unwatch: () => undefined };
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
  let resolveHead: (head: RawHead | null) => void = () => undefined;
  let resolveAll: (all: (() => RawInbox) | null) => void = () => undefined;
  read.head = new Promise((resolve) => (resolveHead = resolve));
  read.result = new Promise((resolve) => (resolveAll = resolve));
  const fail = () => {
    resolveHead(null);
    resolveAll(null);
  };

  /** Step 2, once the head is read: the whole inbox, left in its requests until asked for. */
  const readAll = (db: IDBDatabase) => {
    try {
      const tx = db.transaction(['conversations', 'platforms', 'events'], 'readonly');
      const conversations = tx.objectStore('conversations').getAll();
      const platforms = tx.objectStore('platforms').getAll();
      const events = tx.objectStore('events').index('at').getAll(IDBKeyRange.lowerBound(since));
      tx.oncomplete = () => {
        db.close();
        resolveAll(() => ({ conversations: conversations.result, platforms: platforms.result, events: events.result, since }));
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        resolveAll(null);
      };
    } catch {
      db.close();
      resolveAll(null);
    }
  };

  let request: IDBOpenDBRequest;
  try {
    request = indexedDB.open(DB_NAME, DB_VERSION);
  } catch {
    fail();
    holder[KEY] = read;
    return;
  }
  // No database yet (or an older one): leave creating and upgrading it to the page's getDb.
  request.onupgradeneeded = () => request.transaction?.abort();
  request.onerror = request.onblocked = fail;
  request.onsuccess = () => {
    const db = request.result;
    try {
      const tx = db.transaction(['conversations', 'platforms', 'events'], 'readonly');
      const platforms = tx.objectStore('platforms').getAll();
      const events = tx.objectStore('events').index('at').getAll(IDBKeyRange.lowerBound(since));
      let head: { rows: unknown[]; complete: boolean } = { rows: [], complete: false };
      readHead(tx.objectStore('conversations').index('waitingSince'), now, (rows, complete) => (head = { rows, complete }));
      tx.oncomplete = () => {
        mark('dm-desk:head-read');
        resolveHead({ conversations: head.rows, platforms: platforms.result, events: events.result, since, complete: head.complete });
        readAll(db);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        fail();
      };
    } catch {
      db.close();
      fail();
    }
  };
  holder[KEY] = read;
}

/** The read, unless it was taken or the inbox changed since it started. */
function current(): FirstRead | null {
  const read = (globalThis as Holder)[KEY];
  return read && !read.stale ? read : null;
}

/**
 * The head of the queue, for the popup's first rows: null when there was no first read (tests,
 * the options page), it failed, the whole read was already taken, or the inbox changed since.
 */
export async function takeHead(): Promise<RawHead | null> {
  const read = current();
  if (!read) return null;
  const head = await read.head;
  return read.stale ? null : head;
}

/**
 * The first read's whole inbox, once: null when there was none (tests, the options page, a second
 * call), it failed, or the inbox changed since it started.
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
  return read.stale || !rows ? null : rows();
}
