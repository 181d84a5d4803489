import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME, getDb, type ConversationRecord } from '@/utils/db';
import { prune } from '@/utils/inbox/prune';
import { computeResponseStats, median, responseTimeStats } from '@/utils/inbox/stats';

const NOW = Date.UTC(2026, 4, 4, 12, 0, 0);
const DAY = 24 * 60 * 60_000;
const MIN = 60_000;

const conv = (id: string, lastSeen: number): ConversationRecord => ({
  key: `instagram:${id}`,
  platform: 'instagram',
  threadId: id,
  name: id,
  unread: false,
  firstSeen: lastSeen,
  lastSeen,
  waitingSince: null,
});

afterEach(async () => {
  await closeDb();
  indexedDB.deleteDatabase(DB_NAME);
});

describe('prune', () => {
  it('removes conversations unseen for 30 days and events older than 90 days', async () => {
    const db = await getDb();
    await db.put('conversations', conv('fresh', NOW - 29 * DAY));
    await db.put('conversations', conv('old', NOW - 31 * DAY));
    await db.add('events', { type: 'response', at: NOW - 89 * DAY, start: NOW - 89 * DAY - MIN, platform: 'instagram' });
    await db.add('events', { type: 'reply-used', at: NOW - 91 * DAY, replyId: 'r' });
    expect(await prune(NOW)).toEqual({ conversations: 1, events: 1 });
    expect((await db.getAll('conversations')).map((c) => c.threadId)).toEqual(['fresh']);
    expect((await db.getAll('events')).map((e) => e.type)).toEqual(['response']);
  });

  it('keeps at most the cap, dropping the least recently seen first', async () => {
    const db = await getDb();
    const tx = db.transaction('conversations', 'readwrite');
    for (let i = 0; i < 25; i++) void tx.store.put(conv(`c${String(i).padStart(2, '0')}`, NOW - i * MIN));
    await tx.done;
    await prune(NOW, { maxConversations: 10 });
    const kept = (await db.getAll('conversations')).map((c) => c.threadId).sort();
    expect(kept).toEqual(Array.from({ length: 10 }, (_, i) => `c${String(i).padStart(2, '0')}`));
  });

  it('keeps 10,000 by default', async () => {
    const db = await getDb();
    const tx = db.transaction('conversations', 'readwrite');
    for (let i = 0; i < 10_005; i++) void tx.store.put(conv(`c${i}`, NOW - i));
    await tx.done;
    expect((await prune(NOW)).conversations).toBe(5);
    expect(await db.count('conversations')).toBe(10_000);
    expect(await db.get('conversations', 'instagram:c10004')).toBeUndefined();
    expect(await db.get('conversations', 'instagram:c0')).toBeDefined();
  });
});

describe('response-time stats', () => {
  const response = (platform: 'instagram' | 'linkedin', minutes: number, daysAgo: number) => ({
    type: 'response' as const,
    platform,
    start: NOW - daysAgo * DAY - minutes * MIN,
    at: NOW - daysAgo * DAY,
  });

  it('median of odd and even counts, null for none', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('per platform over 7 and 30 days, with replies used', () => {
    const stats = computeResponseStats(
      [
        response('instagram', 2, 1),
        response('instagram', 4, 2),
        response('instagram', 30, 10),
        response('instagram', 99, 31), // outside both windows
        response('linkedin', 60, 20),
        { type: 'reply-used', at: NOW - DAY, replyId: 'a' },
        { type: 'reply-used', at: NOW - 8 * DAY, replyId: 'a' },
      ],
      NOW,
    );
    expect(stats.platforms).toEqual([
      { platform: 'instagram', days7: { medianMs: 3 * MIN, count: 2 }, days30: { medianMs: 4 * MIN, count: 3 } },
      { platform: 'linkedin', days7: { medianMs: null, count: 0 }, days30: { medianMs: 60 * MIN, count: 1 } },
    ]);
    expect(stats.repliesUsed).toEqual({ days7: 1, days30: 2 });
  });

  it('reads the events store', async () => {
    const db = await getDb();
    await db.add('events', response('instagram', 8, 1));
    await db.add('events', { type: 'response', at: NOW, platform: 'instagram' } as never); // no start: ignored
    const stats = await responseTimeStats(NOW);
    expect(stats.platforms).toEqual([{ platform: 'instagram', days7: { medianMs: 8 * MIN, count: 1 }, days30: { medianMs: 8 * MIN, count: 1 } }]);
  });
});
