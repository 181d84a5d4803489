import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { inboxReadSchema, LIMITS } from '@/utils/platforms/contract';
import { ADAPTERS } from '@/utils/platforms/registry';
import type { PlatformId } from '@/utils/platforms/hosts';
import * as linkedin from '../generators/linkedin';
import * as tiktok from '../generators/tiktok';
import * as whatsapp from '../generators/whatsapp';
import * as snapchat from '../generators/snapchat';

/**
 * The LinkedIn / TikTok / WhatsApp / Snapchat page generators (shared with the hostile-page test
 * and the benchmarks) produce pages their adapters read completely: every row, the right unread
 * rows, the platform's own total, unique ids, and hostile text kept as text.
 */
const GENERATORS: [PlatformId, typeof linkedin][] = [
  ['linkedin', linkedin],
  ['tiktok', tiktok],
  ['whatsapp', whatsapp],
  ['snapchat', snapchat],
];
const NOW = Date.parse('2026-03-12T15:00:00.000Z');

function readPage(platform: PlatformId, gen: typeof linkedin, html: string) {
  const dom = new JSDOM(html, { url: gen.url });
  return { doc: dom.window.document, read: ADAPTERS[platform]!.read(dom.window.document, new URL(gen.url), NOW) };
}

describe.each(GENERATORS)('%s generator', (platform, gen) => {
  it('yields every row, every fourth unread, and the platform total', () => {
    const { read } = readPage(platform, gen, gen.generateInbox({ rows: 60, unreadEvery: 4 }));
    expect(inboxReadSchema.safeParse(read).success).toBe(true);
    expect(read.threads).toHaveLength(60);
    expect(read.threads.filter((t) => t.unread)).toHaveLength(15);
    expect(read.threads.map((t, i) => [i % 4 === 0, t.unread]).every(([want, got]) => want === got)).toBe(true);
    expect(new Set(read.threads.map((t) => t.id)).size).toBe(60);
    // WhatsApp has no counter of its own; the others show 15.
    expect(read.unreadTotal).toBe(platform === 'whatsapp' ? null : 15);
    expect(read.missing).toEqual([]);
    expect(read.active).not.toBeNull();
  });

  it('keeps hostile names and snippets as plain, bounded text', () => {
    const { doc, read } = readPage(platform, gen, gen.generateInbox({ rows: 12, hostile: true }));
    expect(inboxReadSchema.safeParse(read).success).toBe(true);
    expect(read.threads).toHaveLength(12);
    expect(read.threads[0]!.name).toBe('<img src=x onerror=alert(1)> 0');
    for (const t of read.threads) expect(t.snippet?.length ?? 0).toBeLessThanOrEqual(LIMITS.snippet);
    // Reading created no element from the text.
    expect(doc.querySelector('[onerror], script, iframe, [onload]')).toBeNull();
  });
});
