import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/utils/platforms/registry';
import type { PlatformId } from '@/utils/platforms/hosts';
import { emojiAlt, knownRowCounts, setKnownRows, tiledTexts } from '@/utils/dom/read';
import { setRowMemo } from '@/utils/dom/row-memo';
import { cleanText } from '@/utils/dom/text';
import { GENERATORS } from '../all-generators';
import { INSERTED, mutate, pending, random, tick } from '../page-mutations';

/**
 * A known layout's direct read (tiledTexts, used by an adapter for the row markup it knows) must
 * read exactly what the general read reads: on every fixture, on every platform's generated inbox
 * (plain and hostile), and after random changes of every kind, a read with the direct path equals
 * a read without it. The row memo is off in both, so each read parses every row.
 */
const NOW = Date.parse('2026-03-12T15:00:00.000Z');
const SEEDS = Array.from({ length: Number(process.env.MEMO_SEEDS ?? 3) }, (_, i) => i + 1);
/** The platforms whose adapter has a direct path for its current rows. */
const DIRECT: readonly PlatformId[] = ['instagram'];

afterEach(() => {
  setKnownRows(true);
  setRowMemo(true);
});

/** The read with the direct path and the read without it, and how many rows it read directly. */
function bothReads(platform: PlatformId, doc: Document, url: URL) {
  const adapter = ADAPTERS[platform]!;
  setRowMemo(false);
  knownRowCounts.direct = 0;
  const direct = adapter.read(doc, url, NOW);
  const count = knownRowCounts.direct;
  setKnownRows(false);
  const general = adapter.read(doc, url, NOW);
  setKnownRows(true);
  setRowMemo(true);
  return { direct, general, count };
}

describe.each(GENERATORS)('known layout on the %s inbox', (platform, gen) => {
  it('reads every generated row directly, as the general read does', () => {
    for (const hostile of [false, true]) {
      const doc = new JSDOM(gen.generateInbox({ rows: 30, unreadEvery: 4, hostile }), { url: gen.url }).window.document;
      const { direct, general, count } = bothReads(platform, doc, new URL(gen.url));
      expect(direct).toEqual(general);
      if (DIRECT.includes(platform) && !hostile) expect(count).toBe(30);
    }
  });

  it('reads as the general read with any of the page\'s extras added in any element', () => {
    const doc = new JSDOM(gen.generateInbox({ rows: 2, unreadEvery: 2 }), { url: gen.url }).window.document;
    const url = new URL(gen.url);
    for (const element of [...doc.body.querySelectorAll('*')]) {
      for (const html of INSERTED) {
        for (const where of ['afterbegin', 'beforeend'] as const) {
          const before = element.childNodes.length;
          element.insertAdjacentHTML(where, html);
          const added = where === 'afterbegin' ? element.firstChild! : element.lastChild!;
          const { direct, general } = bothReads(platform, doc, url);
          expect(direct, `${html} ${where} in ${element.outerHTML.slice(0, 120)}`).toEqual(general);
          added.remove();
          expect(element.childNodes.length).toBe(before);
        }
      }
    }
    // Thousands of reads: ~4 s alone, more beside other test files on two cores.
  }, 30_000);

  // The direct path makes of the known elements' texts what the general read makes of the same
  // pieces: the texts that read as something other than a name or a snippet (a time, a handle, a
  // presence line, the avatar's alt, a separator, nothing) put in each text of a page in turn.
  it('reads as the general read whatever text an element holds', () => {
    const doc = new JSDOM(gen.generateInbox({ rows: 2, unreadEvery: 2 }), { url: gen.url }).window.document;
    const url = new URL(gen.url);
    const alts = [...doc.querySelectorAll('img[alt]')].map((img) => img.getAttribute('alt')!);
    const texts = ['', ' ', '·', '3h', '5m', 'Yesterday', 'Mar 3', 'Active now', 'Online', '@ana.lopez', 'You: hi', 'You sent an attachment',
      'Unread', 'Muted', '12', 'Customer 0 🌟', ...alts, 'x'.repeat(1200)];
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node.nodeValue ?? '').trim()) nodes.push(node as Text);
    // Each of the page's texts and, per text, the time labels of every row (a snippet equal to them).
    const labels = [...doc.querySelectorAll('abbr, time')].map((el) => el.textContent ?? '');
    for (const node of nodes) {
      const before = node.data;
      for (const text of [...texts, ...labels]) {
        node.data = text;
        const { direct, general } = bothReads(platform, doc, url);
        expect(direct, `${JSON.stringify(text)} in place of ${JSON.stringify(before)}`).toEqual(general);
      }
      node.data = before;
    }
    // Every text but the separators the same: a snippet equal to its row's time label, one that reads as a time and
    // one that does not ("soon").
    const originals = nodes.map((node) => node.data);
    for (const text of ['soon', '٢٠ د', '3h', 'Active now', '@ana']) {
      for (const node of nodes) if (!/^[·•|]$/.test(node.data.trim())) node.data = text;
      const { direct, general } = bothReads(platform, doc, url);
      expect(direct, `every text ${JSON.stringify(text)}`).toEqual(general);
    }
    nodes.forEach((node, i) => (node.data = originals[i]!));
  });

  it('reads as the general read after random changes', async () => {
    let directRows = 0;
    for (const seed of SEEDS) {
      const doc = new JSDOM(gen.generateInbox({ rows: 24, unreadEvery: 4 }), { url: gen.url }).window.document;
      const url = new URL(gen.url);
      const pick = random(seed * 104729 + platform.length);
      const log: string[] = [];
      for (let step = 0; step < 40; step++) {
        const changes = 1 + Math.floor(pick() * 4);
        for (let c = 0; c < changes; c++) mutate(doc, pick, log);
        await tick();
        for (const change of pending.splice(0)) change();
        const { direct, general, count } = bothReads(platform, doc, url);
        directRows += count;
        expect(direct, `seed ${seed}, step ${step}: ${log.slice(-changes).join('; ')}`).toEqual(general);
      }
    }
    // The direct path was taken (most rows keep their layout through a few changes).
    if (DIRECT.includes(platform)) expect(directRows).toBeGreaterThan(24 * 40 * SEEDS.length * 0.3);
  }, 20_000 * SEEDS.length);
});

const FIXTURES = path.resolve(__dirname, '../fixtures');

describe.each(DIRECT)('known layout on the %s fixtures', (platform) => {
  const dir = path.join(FIXTURES, platform);
  const cases = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : [];
  it.each(cases)('%s reads as the general read', (file) => {
    const spec = JSON.parse(readFileSync(path.join(dir, file.replace(/\.html$/, '.json')), 'utf8')) as { url: string };
    const doc = new JSDOM(readFileSync(path.join(dir, file), 'utf8'), { url: spec.url }).window.document;
    const { direct, general } = bothReads(platform, doc, new URL(spec.url));
    expect(direct).toEqual(general);
  });
});

describe('tiledTexts', () => {
  const row = (html: string) => {
    const doc = new JSDOM(`<div id="row">${html}</div>`).window.document;
    const el = doc.getElementById('row')!;
    return { el, leaves: [...el.querySelectorAll('.leaf')] };
  };

  it('gives the leaves\' texts when they are all of the row\'s text, with white space and one separator between', () => {
    const { el, leaves } = row('<span class="leaf">Ana</span>\n <div><span class="leaf">Hi there</span><span> · </span><abbr class="leaf">3h</abbr></div>');
    expect(tiledTexts(el, leaves)).toEqual(['Ana', 'Hi there', '3h']);
  });

  it.each([
    ['text outside the leaves', '<span class="leaf">Ana</span><span>Active now</span><span class="leaf">Hi</span>'],
    ['trailing text', '<span class="leaf">Ana</span><span class="leaf">Hi</span> 2 new'],
    ['two separators', '<span class="leaf">Ana</span> ·· <span class="leaf">Hi</span>'],
    ['a leaf with an element inside', '<span class="leaf">Ana <b>L</b></span><span class="leaf">Hi</span>'],
    ['a style sheet in the row', '<style>.a{}</style><span class="leaf">Ana</span><span class="leaf">Hi</span>'],
    ['an SVG title', '<svg><title>Verified</title></svg><span class="leaf">Ana</span><span class="leaf">Hi</span>'],
  ])('is null for %s', (_, html) => {
    const { el, leaves } = row(html);
    expect(tiledTexts(el, leaves)).toBeNull();
  });

  // The gap check reads characters in place; it must say what cleaning the gap would: blank, or
  // one separator. Gaps built from white space, invisible and control characters, separators
  // and letters, each put before, between and after two leaves.
  it('takes exactly the gaps that clean to nothing or to one separator', () => {
    const pieces = [' ', '\n', '\t', '\u00A0', '\u2009', '\u3000', '\u200B', '\u200E', '\u2066', '\uFEFF', '\u0000', '\u0085',
      '·', '•', '|', ',', '–', '—', '-', 'x', '.', ':', '\u200D', '😀'];
    const rand = random(11);
    const expected = (gap: string) => {
      const cleaned = cleanText(gap);
      return cleaned === '' || /^[·•|,–—-]$/.test(cleaned);
    };
    const el = new JSDOM('<div id="row"></div>').window.document.getElementById('row')!;
    let taken = 0;
    for (let n = 0; n < 3000; n++) {
      let gap = '';
      for (let k = 0; k <= n % 4; k++) gap += pieces[Math.floor(rand() * pieces.length)];
      const at = n % 3;
      const gaps = [at === 0 ? gap : '', at === 1 ? gap : '', at === 2 ? gap : ''];
      el.innerHTML = `${gaps[0]}<span class="leaf">Ana</span>${gaps[1]}<span class="leaf">Hi</span>${gaps[2]}`.replace(/\u0000/g, '&#0;');
      const leaves = [...el.querySelectorAll('.leaf')];
      const text = el.textContent ?? '';
      // The HTML parser may change a character (a NUL becomes U+FFFD): judge the gap as parsed.
      const parsedGap = at === 0 ? text.slice(0, text.indexOf('Ana')) : at === 1 ? text.slice(text.indexOf('Ana') + 3, text.indexOf('Hi')) : text.slice(text.indexOf('Hi') + 2);
      const ok = expected(parsedGap);
      if (ok) taken++;
      expect(tiledTexts(el, leaves) !== null, JSON.stringify(parsedGap)).toBe(ok);
    }
    expect(taken).toBeGreaterThan(300);
    expect(taken).toBeLessThan(2700);
  });

  it('is null for leaves given out of document order', () => {
    const { el, leaves } = row('<span class="leaf">Bo</span><span class="leaf">Ana</span>');
    expect(tiledTexts(el, [...leaves].reverse())).toBeNull();
  });

  it('is null for a missing leaf, and when turned off', () => {
    const { el, leaves } = row('<span class="leaf">Ana</span>');
    expect(tiledTexts(el, [leaves[0], null])).toBeNull();
    setKnownRows(false);
    expect(tiledTexts(el, leaves)).toBeNull();
  });

  it('tells inline emoji images from avatars', () => {
    expect(emojiAlt("Ana's profile picture")).toBe(false);
    expect(emojiAlt(null)).toBe(false);
    expect(emojiAlt('')).toBe(false);
    expect(emojiAlt('💙')).toBe(true);
    expect(emojiAlt('👩\u200D💻')).toBe(true);
    expect(emojiAlt('x')).toBe(false);
  });
});
