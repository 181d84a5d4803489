import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '@/utils/db';
import type { ThreadRow } from '@/utils/platforms/contract';
import { mergeConversation, mergePlatformState, mergeTime, rowWaits, uniqueRows } from '@/utils/inbox/merge';

const T0 = Date.UTC(2026, 4, 4, 9, 0, 0);
const MIN = 60_000;
const ctx = (now: number, storePreviews = true) => ({ platform: 'instagram' as const, now, storePreviews });
const row = (patch: Partial<ThreadRow> = {}): ThreadRow => ({ id: 't1', name: 'Ana López', unread: false, ...patch });

/** Fold a sequence of rows seen at successive times, as successive snapshots would. */
function replay(steps: [number, Partial<ThreadRow>, Partial<ConversationRecord>?][]) {
  let record: ConversationRecord | undefined;
  const events = [];
  const starts: boolean[] = [];
  for (const [now, patch, edit] of steps) {
    if (record && edit) record = { ...record, ...edit };
    const merged = mergeConversation(record, row(patch), ctx(now));
    record = merged.record;
    starts.push(merged.started);
    if (merged.response) events.push(merged.response);
  }
  return { record: record!, events, starts };
}

describe('conversation merge', () => {
  it('keys conversations platform:threadId and keeps firstSeen', () => {
    const first = mergeConversation(undefined, row(), ctx(T0)).record;
    expect(first.key).toBe('instagram:t1');
    const second = mergeConversation(first, row({ name: 'Ana' }), ctx(T0 + MIN)).record;
    expect(second).toMatchObject({ firstSeen: T0, lastSeen: T0 + MIN, name: 'Ana' });
  });

  it('drops previews when storePreviews is off, also ones stored earlier', () => {
    const kept = mergeConversation(undefined, row({ snippet: 'Is the blue one back?' }), ctx(T0)).record;
    expect(kept.snippet).toBe('Is the blue one back?');
    const dropped = mergeConversation(kept, row({ snippet: 'Is the blue one back?' }), ctx(T0 + MIN, false)).record;
    expect(dropped).not.toHaveProperty('snippet');
  });

  it('starts a wait when unread, at the message time, and ends it with a response event when answered', () => {
    const { record, events, starts } = replay([
      [T0, { unread: true, snippet: 'Hi?', lastFromMe: false, time: T0 - 2 * MIN }],
      [T0 + 5 * MIN, { unread: false, snippet: 'Hi?', lastFromMe: false, time: T0 - 2 * MIN }],
      [T0 + 9 * MIN, { unread: false, snippet: 'You: Sure!', lastFromMe: true, time: T0 + 8 * MIN }],
    ]);
    expect(starts).toEqual([true, false, false]);
    expect(record.waitingSince).toBeNull();
    // Read but not answered kept it waiting; the answer at 8 min ended it.
    expect(events).toEqual([{ type: 'response', platform: 'instagram', key: 'instagram:t1', start: T0 - 2 * MIN, at: T0 + 8 * MIN }]);
  });

  it('ends a wait when read with our message last, using the time it was seen read', () => {
    const { events } = replay([
      [T0, { unread: true, lastFromMe: true }],
      [T0 + 3 * MIN, { unread: false, lastFromMe: true }],
    ]);
    expect(events).toEqual([{ type: 'response', platform: 'instagram', key: 'instagram:t1', start: T0, at: T0 + 3 * MIN }]);
  });

  it('starts a second wait when they write again', () => {
    const { events, starts, record } = replay([
      [T0, { unread: true, snippet: 'a', time: T0 }],
      [T0 + MIN, { unread: false, snippet: 'You: b', lastFromMe: true, time: T0 + MIN }],
      [T0 + 60 * MIN, { unread: true, snippet: 'c', lastFromMe: false, time: T0 + 59 * MIN }],
    ]);
    expect(starts).toEqual([true, false, true]);
    expect(events).toHaveLength(1);
    expect(record.waitingSince).toBe(T0 + 59 * MIN);
  });

  it('records no response when a wait ends by muting', () => {
    const { events, record } = replay([
      [T0, { unread: true }],
      [T0 + MIN, { unread: true, muted: true }],
    ]);
    expect(events).toEqual([]);
    expect(record.waitingSince).toBeNull();
  });

  it('done holds while nothing new happens, even as relative labels drift', () => {
    const { record } = replay([
      [T0, { unread: true, snippet: 'Hi?', time: T0 - 50 * MIN }],
      // marked done at T0 + 1 min; the label drifts from "50m" to "1h" to "2h".
      [T0 + 20 * MIN, { unread: true, snippet: 'Hi?', time: T0 + 20 * MIN - 60 * MIN }, { doneAt: T0 + MIN }],
      [T0 + 90 * MIN, { unread: true, snippet: 'Hi?', time: T0 + 90 * MIN - 120 * MIN }],
    ]);
    expect(record.doneAt).toBe(T0 + MIN);
    expect(record.time).toBe(T0 - 50 * MIN);
  });

  it('done ends with newer activity: a new message, or unread again', () => {
    const newer = replay([
      [T0, { unread: true, snippet: 'Hi?', time: T0 }],
      [T0 + 10 * MIN, { unread: true, snippet: 'Still there?', time: T0 + 9 * MIN }, { doneAt: T0 + 2 * MIN }],
    ]);
    expect(newer.record.doneAt).toBeUndefined();
    // The old wait is not carried over: a new one starts with the new message.
    expect(newer.record.waitingSince).toBe(T0 + 9 * MIN);
    expect(newer.starts).toEqual([true, true]);

    const unreadAgain = replay([
      [T0, { unread: false, lastFromMe: true }],
      [T0 + 10 * MIN, { unread: true, lastFromMe: true }, { doneAt: T0 + 2 * MIN }],
    ]);
    expect(unreadAgain.record.doneAt).toBeUndefined();
  });

  it('a done conversation that is then answered counts as handled at the Done time', () => {
    const { events } = replay([
      [T0, { unread: true, snippet: 'Hi?', time: T0 }],
      [T0 + 30 * MIN, { unread: false, snippet: 'You: ok', lastFromMe: true, time: T0 + 29 * MIN }, { doneAt: T0 + 4 * MIN }],
    ]);
    expect(events).toEqual([{ type: 'response', platform: 'instagram', key: 'instagram:t1', start: T0, at: T0 + 4 * MIN }]);
  });

  it('keeps snooze, and never stores a time in the future', () => {
    const first = mergeConversation(undefined, row({ unread: true, time: T0 + 5 * MIN }), ctx(T0)).record;
    expect(first.time).toBe(T0);
    const second = mergeConversation({ ...first, snoozedUntil: T0 + 60 * MIN }, row({ unread: true }), ctx(T0 + MIN)).record;
    expect(second.snoozedUntil).toBe(T0 + 60 * MIN);
  });
});

describe('time drift', () => {
  it('keeps the stored time unless the row changed or the label moved past its resolution', () => {
    expect(mergeTime(undefined, T0, false, T0)).toBe(T0);
    expect(mergeTime(T0, T0 + 30 * MIN, false, T0 + 3 * 60 * MIN)).toBe(T0); // "3h" → "2h30": drift
    expect(mergeTime(T0, T0 + 3 * 60 * MIN, false, T0 + 3 * 60 * MIN)).toBe(T0 + 3 * 60 * MIN); // "now": new
    expect(mergeTime(T0, T0 + 30 * MIN, true, T0 + 3 * 60 * MIN)).toBe(T0 + 30 * MIN); // new message
    expect(mergeTime(T0, undefined, true, T0)).toBe(T0);
  });
});

describe('platform state', () => {
  const read = {
    unreadTotal: null,
    threads: [row({ id: 'a', unread: true }), row({ id: 'b', unread: true, muted: true }), row({ id: 'c' }), row({ id: 'a', unread: false })],
    active: { name: 'Ana López' },
    missing: ['unread total'],
  };

  it('counts unread non-muted rows and lists each tab once', () => {
    const first = mergePlatformState(undefined, 'instagram', 7, 'https://www.instagram.com/direct/inbox/', read, T0);
    const second = mergePlatformState(first, 'instagram', 7, 'https://www.instagram.com/direct/inbox/', read, T0 + 1);
    const third = mergePlatformState(second, 'instagram', 3, 'https://www.instagram.com/direct/t/1/', { ...read, unreadTotal: 4 }, T0 + 2);
    expect(first).toMatchObject({ unreadTotal: null, unreadRows: 1, tabs: [7], missing: ['unread total'], active: { name: 'Ana López' } });
    expect(second.tabs).toEqual([7]);
    expect(third).toMatchObject({ unreadTotal: 4, tabs: [3, 7], lastSeen: T0 + 2 });
  });

  it('takes one row per thread id, the topmost', () => {
    expect(uniqueRows(read).map((r) => [r.id, r.unread])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
  });
});

describe('waitingSince index invariant', () => {
  // The popup reads the head of its queue through the waitingSince index, which holds only records
  // whose waitingSince is set: every record that waits must have it, whatever came before.
  it('every merged record that waits by its row has a waitingSince', () => {
    const rows: Partial<ThreadRow>[] = [];
    for (const unread of [true, false])
      for (const lastFromMe of [true, false, undefined])
        for (const muted of [true, false, undefined])
          for (const time of [T0 - 5 * MIN, undefined]) rows.push({ unread, lastFromMe, muted, time, snippet: `${unread}${lastFromMe}` });
    let checked = 0;
    for (const first of rows)
      for (const next of rows)
        for (const edit of [{}, { doneAt: T0 }, { snoozedUntil: T0 + 60 * MIN }]) {
          const { record } = replay([[T0, first, undefined], [T0 + MIN, next, edit]]);
          if (rowWaits(record)) {
            expect(record.waitingSince, JSON.stringify({ first, next, edit })).not.toBeNull();
            checked++;
          } else expect(record.waitingSince).toBeNull();
        }
    expect(checked).toBeGreaterThan(100);
  });
});
