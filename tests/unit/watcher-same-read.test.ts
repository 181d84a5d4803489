import { describe, expect, it } from 'vitest';
import { sameRead } from '@/utils/content/watcher';
import type { InboxRead } from '@/utils/platforms/contract';

const T = Date.UTC(2026, 10, 21, 12, 3);
function read(over: Partial<InboxRead> = {}): InboxRead {
  return {
    unreadTotal: 2,
    threads: [
      { id: 'a', name: 'Ana', snippet: 'Hi', unread: true, time: T, url: 'https://www.instagram.com/direct/t/a/' },
      { id: 'b', name: 'Bo', unread: false },
    ],
    active: { name: 'Ana López', firstName: 'Ana' },
    missing: [],
    ...over,
  };
}

describe('sameRead (what decides whether a read is sent)', () => {
  it('two reads of an unchanged page are the same, even as relative times drift a minute', () => {
    const later = read();
    later.threads[0]!.time = T + 60_000;
    expect(sameRead(read(), later)).toBe(true);
  });

  it.each<[string, (r: InboxRead) => void]>([
    ['a snippet', (r) => (r.threads[0]!.snippet = 'Hello')],
    ['an unread flag', (r) => (r.threads[1]!.unread = true)],
    ['a field appearing', (r) => (r.threads[1]!.muted = true)],
    ['a field going away', (r) => delete r.threads[0]!.snippet],
    ['a time moving by an hour', (r) => (r.threads[0]!.time = T + 3_600_000)],
    ['a time appearing', (r) => (r.threads[1]!.time = T)],
    ['the order of rows', (r) => r.threads.reverse()],
    ['a row more', (r) => r.threads.push({ id: 'c', name: 'Cy', unread: true })],
    ['the total', (r) => (r.unreadTotal = null)],
    ['the open conversation', (r) => (r.active = { name: 'Bo' })],
    ['no open conversation', (r) => (r.active = null)],
    ['a missing part', (r) => (r.missing = ['composer'])],
  ])('%s changing makes them differ', (_, change) => {
    const changed = read();
    change(changed);
    expect(sameRead(read(), changed)).toBe(false);
    expect(sameRead(changed, read())).toBe(false);
  });
});
