import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDb, DB_NAME, getDb, type ConversationRecord } from '@/utils/db';
import { HEAD_SIZE, startFirstRead, takeFirstRead, takeHead } from '@/components/firstRead';
import { loadInbox, loadQueueHead } from '@/components/inboxData';
import { buildQueue, isWaiting } from '@/utils/inbox/queue';

// The popup's preload script starts the inbox read before the page's bundle: first the head of the
// queue (through the waitingSince index), then the whole inbox. The page checks both with zod.
const conversation = (key: string, patch: Partial<ConversationRecord> = {}): ConversationRecord => ({
  key, platform: 'x', threadId: key.slice(2), name: key, unread: true,
  firstSeen: 1, lastSeen: 2, waitingSince: 1, time: 1, ...patch,
});

async function seed(rows: unknown[]) {
  const db = await getDb();
  const tx = db.transaction('conversations', 'readwrite');
  for (const row of rows) void tx.objectStore('conversations').put(row as ConversationRecord);
  await tx.done;
}

afterEach(async () => {
  await takeFirstRead(); // never leave one behind for the next test
  await closeDb();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});

const NOW = 10_000_000;
const keysOf = (rows: readonly { key: string }[]) => rows.map((r) => r.key);

/**
 * `doneFirst` conversations marked done first in the index (they count for nothing), then 300
 * waiting ones three to a waitingSince (ties: the batches end inside one), then 40 not waiting.
 */
function inbox(doneFirst = 10): ConversationRecord[] {
  const done = Array.from({ length: doneFirst }, (_, i) => conversation(`x:done-${i}`, { waitingSince: i, time: i, doneAt: 50 }));
  // Keys in reverse of their index order within a tie, so the queue's own tie order (key) shows.
  const waiting = Array.from({ length: 300 }, (_, i) =>
    conversation(`x:w-${String(999 - i).padStart(3, '0')}`, { waitingSince: 100 + Math.floor(i / 3), time: 100 + Math.floor(i / 3) }),
  );
  const answered = Array.from({ length: 40 }, (_, i) =>
    conversation(`x:answered-${i}`, { unread: false, lastFromMe: true, waitingSince: null, time: 5 }),
  );
  return [...done, ...waiting, ...answered];
}

describe('first read', () => {
  it('reads the stored rows once; loadInbox uses them and still skips damaged ones', async () => {
    await seed([conversation('x:a'), { ...conversation('x:b'), unread: 'yes' }]);
    startFirstRead();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const data = await loadInbox();
    expect(data.conversations.map((c) => c.key)).toEqual(['x:a']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('skipped 1 damaged conversation'));
    expect(await takeFirstRead()).toBeNull(); // taken
  });

  it('never creates the database: with none yet, the page reads (and creates) it itself', async () => {
    startFirstRead();
    expect(await takeHead()).toBeNull();
    expect(await takeFirstRead()).toBeNull();
    expect((await indexedDB.databases()).some((d) => d.name === DB_NAME)).toBe(false);
    expect((await loadInbox()).conversations).toEqual([]);
  });
});

describe('head of the queue', () => {
  // 10 done first: one request is enough; 60: the first batch has too few waiting, so the head
  // reads the tie its batch ended in, then a second, larger batch.
  it.each([10, 60])('holds at least HEAD_SIZE waiting conversations and every indexed one up to its cutoff, ties never split (%i done first)', async (doneFirst) => {
    const all = inbox(doneFirst);
    await seed(all);
    startFirstRead(NOW);
    const head = await takeHead();
    expect(head).not.toBeNull();
    expect(head!.complete).toBe(false);
    const rows = head!.conversations as ConversationRecord[];
    expect(rows.filter((r) => isWaiting(r, NOW)).length).toBeGreaterThanOrEqual(HEAD_SIZE);
    // Far fewer than the whole inbox was read.
    expect(rows.length).toBeLessThan(all.length / 2);
    // Everything in the index up to the last value read is there, nothing after it, nothing unindexed.
    const cutoff = Math.max(...rows.map((r) => r.waitingSince!));
    expect(keysOf(rows).sort()).toEqual(keysOf(all.filter((c) => c.waitingSince !== null && c.waitingSince <= cutoff)).sort());
  });

  it('gives the exact beginning of the whole queue, for any platform filter', async () => {
    const all = inbox().map((c, i) => ({ ...c, platform: i % 2 ? ('x' as const) : ('instagram' as const) }));
    await seed(all);
    startFirstRead(NOW);
    const head = await loadQueueHead();
    expect(head?.head).toEqual({ complete: false });
    for (const platform of [null, 'x', 'instagram'] as const) {
      const options = { now: NOW, slaMinutes: 10, platform };
      const fromHead = buildQueue(head!.conversations, options);
      expect(fromHead.length).toBeGreaterThan(10);
      expect(fromHead).toEqual(buildQueue(all, options).slice(0, fromHead.length));
    }
    // …and the whole read follows, all of it.
    expect(keysOf((await loadInbox()).conversations).sort()).toEqual(keysOf(all).sort());
    expect(await takeHead()).toBeNull(); // the read is taken: no head any more
  });

  it('is complete when the whole index fits in it', async () => {
    await seed([conversation('x:b', { waitingSince: 2 }), conversation('x:a', { waitingSince: 3 }), conversation('x:read', { waitingSince: null, unread: false })]);
    startFirstRead(NOW);
    const head = await loadQueueHead();
    expect(head?.head).toEqual({ complete: true });
    expect(keysOf(head!.conversations)).toEqual(['x:b', 'x:a']);
  });

  it('checks every record: a damaged one is skipped, and the whole read that follows logs it', async () => {
    await seed([conversation('x:good', { waitingSince: 2 }), { ...conversation('x:bad', { waitingSince: 1 }), name: 42 }]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    startFirstRead(NOW);
    expect(keysOf((await loadQueueHead())!.conversations)).toEqual(['x:good']);
    expect(keysOf((await loadInbox()).conversations)).toEqual(['x:good']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('skipped 1 damaged conversation'));
  });

  it('is not used once the background says the inbox changed', async () => {
    const listeners: ((message: unknown) => void)[] = [];
    vi.stubGlobal('chrome', {
      runtime: { onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l), removeListener: () => undefined } },
    });
    try {
      await seed([conversation('x:a')]);
      startFirstRead(NOW);
      expect(listeners).toHaveLength(1);
      listeners[0]!({ type: 'changed', store: 'replies' }); // another store: still good
      listeners[0]!({ type: 'changed', store: 'inbox' });
      expect(await takeHead()).toBeNull();
      expect(await loadQueueHead()).toBeNull();
      expect(await takeFirstRead()).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
