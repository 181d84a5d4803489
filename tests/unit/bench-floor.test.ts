import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { floorMismatch, floorRead } from '@/bench/browser/floor';
import { ADAPTERS } from '@/utils/platforms/registry';
import { GENERATORS } from '../all-generators';

/**
 * The benchmark's known-markup floor reader (bench/browser/floor.ts) reads the generated inboxes
 * as the adapters do; the benchmark refuses to time it otherwise, and this catches a generator
 * change before a bench run does.
 */

describe.each(GENERATORS)('known-markup floor on the %s generator', (platform, gen) => {
  it('reads the rows, names and unread rows the adapter reads', () => {
    const doc = new JSDOM(gen.generateInbox({ rows: 40, unreadEvery: 4 }), { url: gen.url }).window.document;
    const threads = ADAPTERS[platform]!.read(doc, new URL(gen.url)).threads;
    expect(threads).toHaveLength(40);
    expect(floorMismatch(platform, doc, threads)).toBe('');
    expect(floorRead(platform, doc).filter((row) => row.unread)).toHaveLength(10);
  });

  it('reports a difference instead of timing a misread', () => {
    const doc = new JSDOM(gen.generateInbox({ rows: 8, unreadEvery: 4 }), { url: gen.url }).window.document;
    const threads = ADAPTERS[platform]!.read(doc, new URL(gen.url)).threads;
    expect(floorMismatch(platform, doc, threads.slice(1))).toMatch(/rows against/);
    expect(floorMismatch(platform, doc, threads.map((t, i) => (i === 3 ? { ...t, unread: !t.unread } : t)))).toMatch(/row 3: unread/);
  });
});
