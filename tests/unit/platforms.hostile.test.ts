import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { inboxReadSchema, LIMITS, type InboxRead } from '@/utils/platforms/contract';
import { adapterFor } from '@/utils/platforms/registry';

/**
 * Every page generator in tests/generators, run through the adapter registered for its URL on
 * hostile pages: markup and script-like text in names and snippets, a 10,000-character snippet,
 * 2,000 rows, rows without a name, nodes detached while the adapter reads, and documents that
 * throw. read() must never throw, must pass the schema and must return plain text. No timings.
 */
interface Generator {
  url: string;
  generateInbox(opts: { rows: number; unreadEvery?: number; hostile?: boolean }): string;
}

const modules = import.meta.glob('../generators/*.ts', { eager: true }) as Record<string, Partial<Generator>>;
const generators = Object.entries(modules)
  .filter((entry): entry is [string, Generator] => typeof entry[1].url === 'string' && typeof entry[1].generateInbox === 'function')
  .map(([file, gen]) => [file.replace(/^.*\/|\.ts$/g, ''), gen] as const);

const NOW = Date.parse('2026-06-10T15:30:00Z');
// This helper's generators, whose row shapes these tests know exactly (every row has a link or a
// test id, nameless rows are kept, the counter is the number of unread rows). The other helper's
// generators get every safety check and the looser shape checks.
const MINE = new Set(['instagram', 'messenger', 'x']);
// Markup the hostile generators put in text; reading it must keep it as text.
const MARKUP = /<img src=x onerror=alert\(1\)>|<script>alert\("dm"\)<\/script>|"><svg onload=alert\(1\)>/;

function load(gen: Generator, html: string) {
  const dom = new JSDOM(html, { url: gen.url });
  return { dom, doc: dom.window.document };
}

function strings(read: InboxRead): string[] {
  const out: string[] = [...read.missing];
  if (read.active) out.push(...Object.values(read.active).filter((v): v is string => typeof v === 'string'));
  for (const t of read.threads) out.push(...Object.values(t).filter((v): v is string => typeof v === 'string'));
  return out;
}

function expectSafe(read: InboxRead) {
  const parsed = inboxReadSchema.safeParse(read);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  for (const t of read.threads) if (t.snippet !== undefined) expect(t.snippet.length).toBeLessThanOrEqual(LIMITS.snippet);
  for (const s of strings(read)) {
    expect(typeof s).toBe('string');
    // Plain, one-line text: no control characters, no newlines, trimmed.
    expect(s).not.toMatch(/[\u0000-\u001F\u007F]/);
    expect(s).toBe(s.trim());
  }
}

it('finds the page generators (this helper writes instagram, messenger, x)', () => {
  const names = generators.map(([name]) => name);
  expect(names).toEqual(expect.arrayContaining(['instagram', 'messenger', 'x']));
});

describe.each(generators)('%s generator', (name, gen) => {
  const adapter = adapterFor(gen.url);
  const strict = MINE.has(name);

  it('has an adapter registered for its URL', () => {
    expect(adapter, `no adapter for ${gen.url}`).not.toBeNull();
  });

  it('a plain page reads back every row and the unread total', () => {
    const { doc } = load(gen, gen.generateInbox({ rows: 30, unreadEvery: 3 }));
    const read = adapter!.read(doc, new URL(gen.url), NOW);
    expectSafe(read);
    expect(read.threads).toHaveLength(30);
    expect(read.threads.filter((t) => t.unread)).toHaveLength(10);
    // The platform's own counter, or unknown where a platform has none (WhatsApp).
    if (strict) expect(read.unreadTotal).toBe(10);
    else expect([10, null]).toContain(read.unreadTotal);
    expect(new Set(read.threads.map((t) => t.id)).size).toBe(30);
  });

  it('2,000 hostile rows: never throws, passes the schema, keeps markup as text, creates nothing', () => {
    const { dom, doc } = load(gen, gen.generateInbox({ rows: 2000, unreadEvery: 5, hostile: true }));
    const elementsBefore = doc.getElementsByTagName('*').length;
    const observer = new dom.window.MutationObserver(() => undefined);
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });

    const read = adapter!.read(doc, new URL(gen.url), NOW);

    // The read changed nothing in the page: no element created, no attribute or text touched.
    expect(observer.takeRecords()).toHaveLength(0);
    observer.disconnect();
    expect(doc.getElementsByTagName('*').length).toBe(elementsBefore);
    expect(doc.querySelector('img[src="x"], script:not([src]), svg[onload]')).toBeNull();

    expectSafe(read);
    expect(read.threads.length).toBeGreaterThan(1000);
    // What the page showed as text comes back as the same text, markup characters included.
    expect(strings(read).some((text) => MARKUP.test(text))).toBe(true);
    if (strict) {
      expect(read.threads.some((t) => MARKUP.test(t.name))).toBe(true);
      expect(read.threads.some((t) => t.snippet !== undefined && /onerror=|<script>|onload=/.test(t.snippet))).toBe(true);
      expect(read.threads).toHaveLength(2000);
      // The row without a name is still a row (its link gives the id), with an empty name.
      expect(read.threads.some((t) => t.name === '')).toBe(true);
      const long = read.threads[1]!;
      expect(long.snippet?.length).toBeLessThanOrEqual(LIMITS.snippet);
      expect(long.snippet?.endsWith('…')).toBe(true);
    }
  }, 120_000); // jsdom parses and queries 2,000 rows slowly on a shared 2-core machine: not a timing test

  it('rows detached and text nodes throwing while the adapter reads: still a valid read', () => {
    const { dom, doc } = load(gen, gen.generateInbox({ rows: 300, unreadEvery: 2, hostile: true }));
    const block = 'li, [role="listitem"], [role="row"], [data-testid], [data-e2e]';
    const walker = doc.createTreeWalker(doc.body, dom.window.NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue?.trim()) texts.push(node as Text);
    let detached = 0;
    let thrown = 0;
    texts.forEach((text, i) => {
      if (i % 10 !== 5) return;
      const value = text.nodeValue;
      const leaf = text.parentElement;
      const leafText = leaf?.textContent ?? '';
      const row = leaf?.closest(block) ?? leaf;
      // Reading this text (the text node, or its element's textContent) re-renders the list: the
      // next five rows leave the document, and every other time the read itself fails as on a
      // node React just dropped.
      const sabotage = () => {
        for (let k = 0, next = row?.nextElementSibling; k < 5 && next; k++) {
          const after: Element | null = next.nextElementSibling;
          next.remove();
          detached++;
          next = after;
        }
        if (i % 20 === 5) {
          thrown++;
          throw new dom.window.DOMException('The node was removed', 'NotFoundError');
        }
      };
      Object.defineProperty(text, 'nodeValue', {
        configurable: true,
        get() {
          sabotage();
          return value;
        },
      });
      if (leaf) {
        Object.defineProperty(leaf, 'textContent', {
          configurable: true,
          get() {
            sabotage();
            return leafText;
          },
        });
      }
    });
    let read: InboxRead | undefined;
    expect(() => {
      read = adapter!.read(doc, new URL(gen.url), NOW);
    }).not.toThrow();
    expectSafe(read!);
    if (strict) {
      // The sabotage really ran during the read (adapters that read attributes rather than text,
      // as WhatsApp's span[title], may never touch it: for them this is the plain safety check).
      expect(detached).toBeGreaterThan(0);
      expect(thrown).toBeGreaterThan(0);
      // A failing row costs at most itself: the others, detached or not, are still read.
      expect(read!.threads.length).toBeGreaterThanOrEqual(300 - thrown);
      expect(read!.unreadTotal).toBe(150);
    }
  }, 60_000);

  it('a document whose every access throws: a valid, empty read', () => {
    const hostileDoc = new Proxy(
      {},
      {
        get() {
          throw new Error('blocked');
        },
      },
    ) as Document;
    let read: InboxRead | undefined;
    expect(() => {
      read = adapter!.read(hostileDoc, new URL(gen.url), NOW);
    }).not.toThrow();
    expectSafe(read!);
    expect(read!.threads).toEqual([]);
    expect(() => adapter!.composer(hostileDoc)).not.toThrow();
  });

  it('a document whose title and queries throw part-way: the other parts survive', () => {
    const { doc } = load(gen, gen.generateInbox({ rows: 20, unreadEvery: 4 }));
    Object.defineProperty(doc, 'title', {
      get() {
        throw new Error('title blocked');
      },
    });
    const read = adapter!.read(doc, new URL(gen.url), NOW);
    expectSafe(read);
    expect(read.threads).toHaveLength(20);
    if (strict) expect(read.unreadTotal).toBe(5); // from the nav counter, not the title
  });
});
