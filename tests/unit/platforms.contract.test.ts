import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/utils/platforms/registry';
import { PLATFORM_IDS, type PlatformId } from '@/utils/platforms/hosts';
import { inboxReadSchema } from '@/utils/platforms/contract';

/**
 * Every adapter on every fixture: tests/fixtures/<platform>/<case>.html is read at the URL and
 * clock given in <case>.json, and the result must equal its "expect" block.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures');

interface Expected {
  url: string;
  now: string;
  expect: {
    unreadTotal: number | null;
    threads: Record<string, unknown>[];
    active: Record<string, unknown> | null;
    composer: boolean;
    missing: string[];
  };
}

const COMPARED = ['id', 'name', 'unread', 'time', 'url', 'lastFromMe'] as const;

function cases(platform: PlatformId): string[] {
  const dir = path.join(FIXTURES, platform);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
}

describe.each(PLATFORM_IDS)('%s adapter', (platform) => {
  it('has at least four fixtures (current, older UI, title only, localised)', () => {
    expect(cases(platform).length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases(platform))('reads %s as expected', (name) => {
    const adapter = ADAPTERS[platform];
    expect(adapter, `no adapter registered for ${platform}`).toBeDefined();
    const dir = path.join(FIXTURES, platform);
    const spec = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Expected;
    const dom = new JSDOM(readFileSync(path.join(dir, `${name}.html`), 'utf8'), { url: spec.url });
    const doc = dom.window.document;
    const result = adapter!.read(doc, new URL(spec.url), Date.parse(spec.now));

    expect(inboxReadSchema.safeParse(result).success).toBe(true);
    expect(result.unreadTotal).toBe(spec.expect.unreadTotal);
    // The light read of the counter alone says what the full read says.
    expect(adapter!.total(doc)).toBe(result.unreadTotal);
    const pick = (t: Record<string, unknown>) =>
      Object.fromEntries(COMPARED.filter((k) => t[k] !== undefined).map((k) => [k, t[k]]));
    expect(result.threads.map(pick)).toEqual(spec.expect.threads.map(pick));
    expect(result.active).toEqual(spec.expect.active);
    expect(adapter!.composer(doc) !== null).toBe(spec.expect.composer);
    expect([...result.missing].sort()).toEqual([...spec.expect.missing].sort());
  });
});

describe.each(PLATFORM_IDS)('%s composer', (platform) => {
  // contenteditable="" and "plaintext-only" are editable too; a composer marked so is still found.
  const withComposer = cases(platform).filter((name) => {
    const spec = JSON.parse(readFileSync(path.join(FIXTURES, platform, `${name}.json`), 'utf8')) as Expected;
    return spec.expect.composer && readFileSync(path.join(FIXTURES, platform, `${name}.html`), 'utf8').includes('contenteditable="true"');
  });

  it('has a fixture whose composer is a contenteditable', () => {
    expect(withComposer.length).toBeGreaterThan(0);
  });

  it.each(withComposer.flatMap((name) => ['', 'plaintext-only'].map((value) => [name, value] as const)))(
    'is found in %s with contenteditable="%s"',
    (name, value) => {
      const spec = JSON.parse(readFileSync(path.join(FIXTURES, platform, `${name}.json`), 'utf8')) as Expected;
      const html = readFileSync(path.join(FIXTURES, platform, `${name}.html`), 'utf8').replaceAll('contenteditable="true"', `contenteditable="${value}"`);
      const doc = new JSDOM(html, { url: spec.url }).window.document;
      expect(ADAPTERS[platform]!.composer(doc)?.getAttribute('contenteditable')).toBe(value);
    },
  );
});
