import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/utils/platforms/registry';
import { GENERATORS } from '../all-generators';
import { MEMO_CLOCK_MS, RECORD_LIMIT, readRows, rowMemoCounts, setRowMemo } from '@/utils/dom/row-memo';
import { mutate, pending, random, tick } from '../page-mutations';

/**
 * The row memo (utils/dom/row-memo.ts) must never make a read differ from a full parse: after any
 * change to the page, a read through the memo equals a read with the memo off. Random changes of
 * every kind a page makes (text, attributes, rows removed, inserted, moved, taken out and changed
 * and put back, style sheets, classes above the list), one to four between reads, on every
 * platform's generated inbox.
 */
const NOW = Date.parse('2026-03-12T15:00:00.000Z');
/** MEMO_SEEDS=n runs n seeds (hunting); CI runs three. */
const SEEDS = Array.from({ length: Number(process.env.MEMO_SEEDS ?? 3) }, (_, i) => i + 1);

afterEach(() => setRowMemo(true));

describe.each(GENERATORS)('row memo on the %s inbox', (platform, gen) => {
  it('reads after random changes equal full parses', async () => {
    const adapter = ADAPTERS[platform]!;
    const url = new URL(gen.url);
    rowMemoCounts.reused = rowMemoCounts.parsed = 0;
    for (const seed of SEEDS) {
      const doc = new JSDOM(gen.generateInbox({ rows: 24, unreadEvery: 4 }), { url: gen.url }).window.document;
      const pick = random(seed * 7919 + platform.length);
      const log: string[] = [];
      expect(adapter.read(doc, url, NOW).threads).toHaveLength(24);
      for (let step = 0; step < 40; step++) {
        const changes = 1 + Math.floor(pick() * 4);
        for (let c = 0; c < changes; c++) mutate(doc, pick, log);
        await tick();
        for (const change of pending.splice(0)) change();
        const memo = adapter.read(doc, url, NOW);
        setRowMemo(false);
        const full = adapter.read(doc, url, NOW);
        setRowMemo(true);
        if (process.env.DBG && JSON.stringify(memo) !== JSON.stringify(full)) { console.log(log.join('\n')); console.log(memo.threads.map((t) => t.id + ' ' + t.name).join('\n')); console.log('---'); console.log(full.threads.map((t) => t.id + ' ' + t.name).join('\n')); }
        expect(memo, `seed ${seed}, step ${step}: ${log.slice(-changes).join('; ')}`).toEqual(full);
      }
    }
    // The memo was used (a third of the changes forget every row: style sheets, classes above
    // the list, attributes of the list's wrappers).
    expect(rowMemoCounts.reused).toBeGreaterThan(rowMemoCounts.parsed / 2);
  }, 20_000 * SEEDS.length);
});

describe('readRows', () => {
  const page = () => {
    const doc = new JSDOM('<ul><li>a</li><li>b</li><li>c</li></ul>').window.document;
    return { doc, rows: [...doc.querySelectorAll('li')] };
  };
  const reader = (doc: Document, rows: Element[], parsed: string[], extra: Partial<Parameters<typeof readRows<Element, string>>[1]> = {}) =>
    readRows(doc, {
      name: 'test',
      pageKey: 'https://example.com/',
      now: NOW,
      rows,
      element: (row) => row,
      parse: (row) => (parsed.push(row.textContent!), row.textContent!),
      ...extra,
    });

  it('parses only the rows changed since the last read', async () => {
    const { doc, rows } = page();
    const parsed: string[] = [];
    expect(reader(doc, rows, parsed)).toEqual(['a', 'b', 'c']);
    rows[1]!.firstChild!.nodeValue = 'B';
    expect(reader(doc, rows, parsed)).toEqual(['a', 'B', 'c']);
    expect(parsed).toEqual(['a', 'b', 'c', 'B']);
    // Delivered to the observer's callback first, then read: the same.
    rows[2]!.setAttribute('class', 'unread');
    await tick();
    reader(doc, rows, parsed);
    expect(parsed.slice(4)).toEqual(['c']);
  });

  it('parses every row again for another page, another key, a later clock, or the memo off', () => {
    const { doc, rows } = page();
    const parsed: string[] = [];
    reader(doc, rows, parsed);
    reader(doc, rows, parsed, { pageKey: 'https://example.com/other' });
    reader(doc, rows, parsed, { pageKey: 'https://example.com/other', key: () => 'k' });
    reader(doc, rows, parsed, { pageKey: 'https://example.com/other', key: () => 'k', now: NOW + MEMO_CLOCK_MS });
    setRowMemo(false);
    reader(doc, rows, parsed, { pageKey: 'https://example.com/other', key: () => 'k', now: NOW + MEMO_CLOCK_MS });
    expect(parsed).toHaveLength(15);
  });

  it('parses every row again after a change above the rows or in the head, not beside them', () => {
    const { doc, rows } = page();
    const parsed: string[] = [];
    reader(doc, rows, parsed);
    doc.body.setAttribute('class', 'dark');
    reader(doc, rows, parsed);
    expect(parsed).toHaveLength(6);
    doc.head.append(doc.createElement('style'));
    reader(doc, rows, parsed);
    expect(parsed).toHaveLength(9);
    const spinner = doc.createElement('span');
    doc.querySelector('ul')!.append(spinner);
    reader(doc, rows, parsed);
    spinner.setAttribute('class', 'spin');
    reader(doc, rows, parsed);
    expect(parsed).toHaveLength(9);
  });

  it('stops watching a storm and parses every row at the next read', async () => {
    const { doc, rows } = page();
    const parsed: string[] = [];
    reader(doc, rows, parsed);
    for (let i = 0; i <= RECORD_LIMIT; i++) {
      rows[0]!.firstChild!.nodeValue = `a${i}`;
      await Promise.resolve();
    }
    await tick();
    reader(doc, rows, parsed);
    expect(parsed).toHaveLength(6);
    // Watching again: an unchanged list is not parsed.
    reader(doc, rows, parsed);
    expect(parsed).toHaveLength(6);
  });

  it('re-parses a row taken out, changed and put back', async () => {
    const { doc, rows } = page();
    const parsed: string[] = [];
    reader(doc, rows, parsed);
    const list = doc.querySelector('ul')!;
    rows[1]!.remove();
    await tick();
    rows[1]!.firstChild!.nodeValue = 'B';
    list.insertBefore(rows[1]!, rows[2]!);
    expect(reader(doc, rows, parsed)).toEqual(['a', 'B', 'c']);
  });
});
