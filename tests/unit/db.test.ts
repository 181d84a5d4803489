import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME, DB_VERSION, getDb } from '@/utils/db';

afterEach(async () => {
  await closeDb();
  indexedDB.deleteDatabase(DB_NAME);
});

describe('database', () => {
  it('creates every store at the current version', async () => {
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['conversations', 'events', 'platforms', 'replies']);
    expect([...db.transaction('conversations').store.indexNames].sort()).toEqual(['lastSeen', 'platform']);
  });
});
