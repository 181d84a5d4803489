import { describe, expect, it } from 'vitest';
import type { Reply } from '@/utils/replies/model';
import { createReplySearch, usageBoost } from '@/utils/replies/search';

const NOW = Date.UTC(2026, 2, 10);
const DAY = 86_400_000;
let n = 0;
function reply(p: Partial<Reply> & Pick<Reply, 'title'>): Reply {
  n++;
  return { id: p.id ?? `r${n}`, body: '', tags: [], platforms: [], createdAt: 0, updatedAt: 0, useCount: 0, ...p };
}
const titles = (rs: Reply[]) => rs.map((r) => r.title);

describe('createReplySearch ranking', () => {
  const replies = [
    reply({ id: 'fuzzy', title: 'Shipping delays', body: 'Your parcel is delayed.' }),
    reply({ id: 'word', title: 'Where is it', body: 'Your order ships soon.' }),
    reply({ id: 'title', title: 'Order status', body: 'Let me check.' }),
    reply({ id: 'short', title: 'Tracking', shortcut: '/ord', body: 'Here is the tracking link.' }),
  ];
  const s = createReplySearch(replies);

  it('shortcut prefix > title prefix > word match', () => {
    expect(s.search('ord', { now: NOW }).map((r) => r.id)).toEqual(['short', 'title', 'word']);
  });
  it('a typed shortcut with its slash ranks that reply first', () => {
    expect(s.search('/or', { now: NOW })[0]?.id).toBe('short');
    expect(s.search('/', { now: NOW })[0]?.id).toBe('short');
  });
  it('word match beats fuzzy match', () => {
    const t = createReplySearch([
      reply({ id: 'fz', title: 'Parcle', body: 'typo title' }),
      reply({ id: 'wd', title: 'About', body: 'the parcel arrived' }),
    ]);
    expect(t.search('parcel', { now: NOW }).map((r) => r.id)).toEqual(['wd', 'fz']);
  });
  it('finds by fuzzy match and by tag', () => {
    expect(s.search('shiping', { now: NOW }).map((r) => r.id)).toContain('fuzzy');
    const t = createReplySearch([reply({ id: 'tg', title: 'X', tags: ['refunds'] }), reply({ title: 'Y' })]);
    expect(t.search('refund', { now: NOW }).map((r) => r.id)).toEqual(['tg']);
  });
  it('ignores accents and case', () => {
    const t = createReplySearch([reply({ title: 'Café hours' })]);
    expect(titles(t.search('CAFE', { now: NOW }))).toEqual(['Café hours']);
  });
  it('does not match variable names in bodies', () => {
    const t = createReplySearch([reply({ title: 'A', body: 'Hi {{first_name}}' })]);
    expect(t.search('first', { now: NOW })).toEqual([]);
  });
  it('nothing matching gives nothing', () => {
    expect(s.search('zzzzqqq', { now: NOW })).toEqual([]);
  });
});

describe('usage and platform', () => {
  it('boosts replies used often and recently within a tier', () => {
    const t = createReplySearch([
      reply({ id: 'never', title: 'Thanks a lot' }),
      reply({ id: 'often', title: 'Thanks again', useCount: 40, lastUsedAt: NOW - 60 * DAY }),
      reply({ id: 'recent', title: 'Thanks so much', useCount: 3, lastUsedAt: NOW - 1000 }),
    ]);
    expect(t.search('thanks', { now: NOW }).map((r) => r.id)).toEqual(['recent', 'often', 'never']);
    expect(usageBoost({ useCount: 0 }, NOW)).toBe(1);
    expect(usageBoost({ useCount: 5, lastUsedAt: NOW }, NOW)).toBeGreaterThan(usageBoost({ useCount: 5, lastUsedAt: NOW - 30 * DAY }, NOW));
  });
  it('empty query lists most used / recent first', () => {
    const t = createReplySearch([
      reply({ id: 'a', title: 'A' }),
      reply({ id: 'b', title: 'B', useCount: 10, lastUsedAt: NOW - 20 * DAY }),
      reply({ id: 'c', title: 'C', useCount: 2, lastUsedAt: NOW }),
    ]);
    expect(t.search('  ', { now: NOW }).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(t.search('', { now: NOW, limit: 1 }).map((r) => r.id)).toEqual(['c']);
  });
  it('on a platform page, scoped replies come first and other platforms are left out', () => {
    const t = createReplySearch([
      reply({ id: 'all', title: 'Hello all', useCount: 50, lastUsedAt: NOW }),
      reply({ id: 'ig', title: 'Hello insta', platforms: ['instagram'] }),
      reply({ id: 'li', title: 'Hello linkedin', platforms: ['linkedin'] }),
    ]);
    expect(t.search('hello', { platform: 'instagram', now: NOW }).map((r) => r.id)).toEqual(['ig', 'all']);
    expect(t.search('', { platform: 'instagram', now: NOW }).map((r) => r.id)).toEqual(['ig', 'all']);
    expect(t.search('hello', { now: NOW }).map((r) => r.id)).toContain('li');
  });
  it('a shortcut match still beats a scoped fuzzy match', () => {
    const t = createReplySearch([
      reply({ id: 'sc', title: 'Zed', shortcut: '/thx' }),
      reply({ id: 'ig', title: 'Thx notes', platforms: ['instagram'] }),
    ]);
    expect(t.search('thx', { platform: 'instagram', now: NOW })[0]?.id).toBe('sc');
  });
  it('one index serves 2,000 replies and many keystrokes', () => {
    const many = Array.from({ length: 2000 }, (_, i) => reply({ title: `Reply ${i}`, body: `body word${i % 50}`, shortcut: `/r${i}` }));
    const t = createReplySearch(many);
    for (const q of ['r', 're', 'rep', 'repl', 'reply', 'reply 1', 'word4']) expect(t.search(q, { now: NOW }).length).toBeGreaterThan(0);
    expect(t.search('/r1999', { now: NOW })[0]?.title).toBe('Reply 1999');
  });
});

describe('typing narrows without changing answers', () => {
  it('a query that extends the previous one gives what a fresh search gives', () => {
    const words = ['thanks', 'order', 'shipping', 'refund', 'price', 'collab', 'hours', 'sorry'];
    const library = Array.from({ length: 300 }, (_, i) =>
      reply({
        id: `n${i}`,
        title: `${words[i % 8]} ${words[(i * 3) % 8]} ${i}`,
        body: `About your ${words[(i * 5) % 8]}: ${words[(i * 7) % 8]}.`,
        shortcut: `/${words[i % 8]!.slice(0, 3)}${i}`,
        tags: [words[(i + 1) % 8]!],
        platforms: i % 10 === 0 ? ['linkedin'] : [],
        useCount: i % 7,
      }),
    );
    const typed = createReplySearch(library);
    for (const query of ['thanks for your order', '/tha', 'refund shiping', 'price hours 1']) {
      for (const platform of ['instagram', 'linkedin'] as const) {
        for (let k = 1; k <= query.length; k++) {
          const prefix = query.slice(0, k);
          const fresh = createReplySearch(library).search(prefix, { platform, now: NOW, limit: 500 }).map((r) => r.id);
          expect(typed.search(prefix, { platform, now: NOW, limit: 500 }).map((r) => r.id), prefix).toEqual(fresh);
        }
      }
    }
  });
});

describe('words no reply has', () => {
  it('are dropped when nothing has every word, and those matches rank below full ones', () => {
    const t = createReplySearch([
      reply({ id: 'order', title: 'Order received', body: 'Thanks, your order is in.' }),
      reply({ id: 'other', title: 'Hours', body: 'We open at nine.' }),
    ]);
    expect(t.search('thanks for your order', { now: NOW }).map((r) => r.id)).toEqual(['order']);
    expect(t.search('zzzz qqqq', { now: NOW })).toEqual([]);
  });
});

describe('the first `limit` results', () => {
  it('are the first of the whole ranked list, ties and fuzzy matches included', () => {
    const WORDS = ['thanks', 'order', 'shipping', 'refund', 'price', 'collab', 'email', 'hours', 'sorry', 'review'];
    const w = (i: number, k: number) => WORDS[(i * 7 + k * 3) % WORDS.length]!;
    const library = Array.from({ length: 400 }, (_, i) =>
      reply({
        id: `lib${i}`,
        // Every title is used by three replies: the order of ties is the title order, then the id's.
        title: `${w(i % 133, 0)} ${w(i % 133, 1)}`,
        body: `About your ${w(i, 2)} and ${w(i, 3)}.`,
        shortcut: i % 5 ? `/${w(i, 0).slice(0, 3)}${i}` : undefined,
        tags: [w(i, 4)],
        platforms: i % 9 === 0 ? ['instagram'] : [],
        useCount: i % 13,
        ...(i % 4 === 0 ? { lastUsedAt: NOW - (i % 30) * DAY } : {}),
      }),
    );
    const s = createReplySearch(library);
    for (const query of ['t', 'th', '/', '/ref', 'order', 'shiping', 'refnd', 'collab email', 'sorry hours', 'zzzz']) {
      for (const platform of [undefined, 'instagram' as const]) {
        const all = s.search(query, { now: NOW, platform, limit: 10_000 }).map((r) => r.id);
        for (const limit of [1, 7, 20, 50]) {
          expect(s.search(query, { now: NOW, platform, limit }).map((r) => r.id), `${query} ${platform} ${limit}`).toEqual(all.slice(0, limit));
        }
      }
    }
  });
});
