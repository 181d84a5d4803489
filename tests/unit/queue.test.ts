import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '@/utils/db';
import { buildQueue, isWaiting, mostUrgent, slaState, type QueueItem } from '@/utils/inbox/queue';

const NOW = Date.UTC(2026, 4, 4, 12, 0, 0);
const MIN = 60_000;

function conv(id: string, patch: Partial<ConversationRecord> = {}): ConversationRecord {
  return {
    key: `instagram:${id}`,
    platform: 'instagram',
    threadId: id,
    name: id,
    unread: false,
    firstSeen: NOW - 60 * MIN,
    lastSeen: NOW,
    waitingSince: null,
    ...patch,
  };
}

describe('waiting', () => {
  it('is unread, or the last message is not ours', () => {
    expect(isWaiting(conv('a', { unread: true }), NOW)).toBe(true);
    expect(isWaiting(conv('b', { lastFromMe: false }), NOW)).toBe(true);
    expect(isWaiting(conv('c', { lastFromMe: true }), NOW)).toBe(false);
    // Unknown sender of the last message and read: nothing tells us they wait.
    expect(isWaiting(conv('d'), NOW)).toBe(false);
    expect(isWaiting(conv('e', { unread: true, muted: true }), NOW)).toBe(false);
  });

  it('done holds until newer activity', () => {
    const done = conv('a', { unread: true, time: NOW - 10 * MIN, doneAt: NOW - 5 * MIN });
    expect(isWaiting(done, NOW)).toBe(false);
    expect(isWaiting({ ...done, time: NOW - 1 * MIN }, NOW)).toBe(true);
  });

  it('snooze holds until its time', () => {
    const snoozed = conv('a', { unread: true, snoozedUntil: NOW + MIN });
    expect(isWaiting(snoozed, NOW)).toBe(false);
    expect(isWaiting(snoozed, NOW + MIN)).toBe(true);
  });
});

describe('buildQueue', () => {
  const rows = [
    conv('new', { unread: true, waitingSince: NOW - 2 * MIN }),
    conv('old', { unread: true, waitingSince: NOW - 30 * MIN }),
    conv('mid', { lastFromMe: false, waitingSince: NOW - 6 * MIN }),
    conv('answered', { lastFromMe: true, waitingSince: null }),
    { ...conv('li'), key: 'linkedin:li', platform: 'linkedin' as const, unread: true, waitingSince: NOW - 8 * MIN },
  ];

  it('lists waiting conversations oldest first, with wait and SLA state', () => {
    const queue = buildQueue(rows, { now: NOW, slaMinutes: 10 });
    expect(queue.map((q) => q.key)).toEqual(['instagram:old', 'linkedin:li', 'instagram:mid', 'instagram:new']);
    expect(queue.map((q) => q.sla)).toEqual(['overdue', 'soon', 'soon', 'ok']);
    expect(queue[0]!.waitMs).toBe(30 * MIN);
  });

  it('filters by platform', () => {
    expect(buildQueue(rows, { now: NOW, slaMinutes: 10, platform: 'linkedin' }).map((q) => q.key)).toEqual(['linkedin:li']);
    expect(buildQueue(rows, { now: NOW, slaMinutes: 10, platform: null })).toHaveLength(4);
  });

  it('falls back to the row time, then first seen, when no wait start is stored', () => {
    const queue = buildQueue(
      [conv('t', { unread: true, time: NOW - 3 * MIN }), conv('f', { unread: true, firstSeen: NOW - 4 * MIN })],
      { now: NOW, slaMinutes: 10 },
    );
    expect(queue.map((q) => [q.key, q.waitingSince])).toEqual([
      ['instagram:f', NOW - 4 * MIN],
      ['instagram:t', NOW - 3 * MIN],
    ]);
  });

  it('never reports a negative wait for a start in the future', () => {
    const [item] = buildQueue([conv('x', { unread: true, waitingSince: NOW + MIN })], { now: NOW, slaMinutes: 10 });
    expect(item!.waitMs).toBe(0);
    expect(item!.sla).toBe('ok');
  });

  it('orders equal starts by key, so the order is stable', () => {
    const same = [conv('b', { unread: true, waitingSince: NOW - MIN }), conv('a', { unread: true, waitingSince: NOW - MIN })];
    expect(buildQueue(same, { now: NOW, slaMinutes: 10 }).map((q) => q.key)).toEqual(['instagram:a', 'instagram:b']);
  });
});

describe('SLA', () => {
  it('is ok under half the target, soon from half, overdue from the target', () => {
    expect(slaState(4 * MIN + 59_999, 10)).toBe('ok');
    expect(slaState(5 * MIN, 10)).toBe('soon');
    expect(slaState(10 * MIN - 1, 10)).toBe('soon');
    expect(slaState(10 * MIN, 10)).toBe('overdue');
    expect(slaState(0, 1)).toBe('ok');
    expect(slaState(30_000, 1)).toBe('soon');
  });

  it('mostUrgent picks the worst state, null for an empty queue', () => {
    const item = (sla: QueueItem['sla']) => ({ sla }) as QueueItem;
    expect(mostUrgent([])).toBeNull();
    expect(mostUrgent([item('ok'), item('soon'), item('ok')])).toBe('soon');
    expect(mostUrgent([item('soon'), item('overdue'), item('ok')])).toBe('overdue');
  });
});
