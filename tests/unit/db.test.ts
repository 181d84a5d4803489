import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { closeDb, DB_NAME, DB_VERSION, getDb, type ConversationRecord, type DmDeskDB } from '@/utils/db';

afterEach(async () => {
  await closeDb();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});

const conversation = (key: string, waitingSince: number | null, patch: Partial<ConversationRecord> = {}): ConversationRecord => ({
  key, platform: 'x', threadId: key.slice(2), name: key, unread: waitingSince !== null,
  firstSeen: 1, lastSeen: 2, waitingSince, ...patch,
});

describe('database', () => {
  it('creates every store at the current version', async () => {
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['conversations', 'events', 'platforms', 'replies']);
    expect([...db.transaction('conversations').store.indexNames].sort()).toEqual(['lastSeen', 'platform', 'waitingSince']);
  });

  it('upgrades a version 1 database with data in it: every record kept, waiting ones indexed in queue order', async () => {
    // A version 1 database as the previous release created it (its upgrade, copied).
    const v1 = await openDB<DmDeskDB>(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('replies', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
        const conversations = db.createObjectStore('conversations', { keyPath: 'key' });
        conversations.createIndex('platform', 'platform');
        conversations.createIndex('lastSeen', 'lastSeen');
        db.createObjectStore('platforms', { keyPath: 'platform' });
        const events = db.createObjectStore('events', { keyPath: 'id', autoIncrement: true });
        events.createIndex('at', 'at');
        events.createIndex('type', 'type');
      },
    });
    expect([...v1.transaction('conversations').store.indexNames].sort()).toEqual(['lastSeen', 'platform']);
    const rows = [
      conversation('x:late', 300),
      conversation('x:answered', null, { lastFromMe: true }),
      conversation('x:early', 100),
      conversation('x:tie-b', 200),
      conversation('x:tie-a', 200),
    ];
    const tx = v1.transaction(['conversations', 'replies', 'platforms', 'events'], 'readwrite');
    for (const row of rows) void tx.objectStore('conversations').put(row);
    void tx.objectStore('replies').put({ id: 'r1', title: 'Hi', body: 'Hello', tags: [], platforms: [], createdAt: 1, updatedAt: 1, useCount: 0 });
    void tx.objectStore('platforms').put({ platform: 'x', unreadTotal: 3, unreadRows: 1, lastSeen: 1, tabs: [], missing: [], active: null });
    void tx.objectStore('events').add({ type: 'response', at: 5, key: 'x:answered', start: 1 });
    await tx.done;
    v1.close();

    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect((await db.getAll('conversations')).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      [...rows].sort((a, b) => a.key.localeCompare(b.key)),
    );
    expect(await db.count('replies')).toBe(1);
    expect(await db.count('platforms')).toBe(1);
    expect(await db.count('events')).toBe(1);
    // Not waiting (null) is left out; the rest come by waitingSince, then key.
    expect((await db.getAllFromIndex('conversations', 'waitingSince')).map((c) => c.key)).toEqual([
      'x:early', 'x:tie-a', 'x:tie-b', 'x:late',
    ]);
  });

  it('keeps the waitingSince index current as records change', async () => {
    const db = await getDb();
    await db.put('conversations', conversation('x:a', 50));
    await db.put('conversations', conversation('x:b', 10));
    expect((await db.getAllKeysFromIndex('conversations', 'waitingSince'))).toEqual(['x:b', 'x:a']);
    await db.put('conversations', conversation('x:b', null));
    expect((await db.getAllKeysFromIndex('conversations', 'waitingSince'))).toEqual(['x:a']);
  });
});
