import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/utils/platforms/registry';
import { PLATFORM_IDS, type PlatformId } from '@/utils/platforms/hosts';

/**
 * Markup churn the platforms ship without notice (PLATFORMS.md, "Lessons that hold across
 * platforms"): every fixture is read again after one kind of hook changed, and must read the same.
 * A read that leaned on the changed hook alone, with no other strategy behind it, fails here.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures');

interface Spec {
  url: string;
  now: string;
}

function fixtures(platform: PlatformId): string[] {
  return readdirSync(path.join(FIXTURES, platform))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
}

// Each fixture's unchanged read, once: every change compares with it.
const baseReads = new Map<string, ReturnType<typeof readOnce>>();
function read(platform: PlatformId, name: string, change?: (doc: Document) => void) {
  if (change) return readOnce(platform, name, change);
  const key = `${platform}/${name}`;
  if (!baseReads.has(key)) baseReads.set(key, readOnce(platform, name));
  return structuredClone(baseReads.get(key)!);
}

function readOnce(platform: PlatformId, name: string, change?: (doc: Document) => void) {
  const spec = JSON.parse(readFileSync(path.join(FIXTURES, platform, `${name}.json`), 'utf8')) as Spec;
  const doc = new JSDOM(readFileSync(path.join(FIXTURES, platform, `${name}.html`), 'utf8'), { url: spec.url }).window.document;
  change?.(doc);
  const adapter = ADAPTERS[platform]!;
  const result = adapter.read(doc, new URL(spec.url), Date.parse(spec.now));
  return { ...result, composer: adapter.composer(doc) !== null };
}

function eachClass(doc: Document, map: (token: string) => string): void {
  doc.querySelectorAll('[class]').forEach((el) => {
    el.setAttribute('class', (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).map(map).join(' '));
  });
}

// Atomic and hashed tokens: Instagram/Facebook/WhatsApp "x1lliihq" / "_aigs", react-native-web
// "r-b88u0q", Snapchat's five-letter tokens; and the hash inside TikTok's generated names
// ("tiktok-1x8rnre-DivBodyContainer"), whose readable suffix stays.
const ATOMIC = /^(x[0-9a-z]{5,8}|r-[0-9a-z]{5,8}|_[0-9a-z]{4,6}|[A-Za-z0-9]{5})$/;
const GENERATED = /^(css|tiktok)-[0-9a-z]{4,8}-/i;
const renamed = (token: string): string => (ATOMIC.test(token) ? `${token}Q7` : token.replace(GENERATED, '$1-q9z8y7-'));

// Elements that hold text or input and are never wrapped here.
const WRAPPABLE = 'body *:not(script):not(style):not(svg):not(svg *):not(img):not(input):not(textarea):not([contenteditable])';

/** Put a new <div> between an element and its children. */
function wrapChildren(element: Element): void {
  const wrapper = element.ownerDocument.createElement('div');
  while (element.firstChild) wrapper.append(element.firstChild);
  element.append(wrapper);
}

/** A wrapper added under about `share` of the elements with children, the same ones every run. */
function wrapSome(seed: number, share: number): (doc: Document) => void {
  return (doc) => {
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    doc.querySelectorAll(WRAPPABLE).forEach((el) => {
      if (el.children.length && next() < share) wrapChildren(el);
    });
  };
}

// Snapchat's structural unread sign is an extra wrapper in the status (PLATFORMS.md): a wrapper
// added there reads as unread, by design, so its rows are not read through new wrappers here.
const ALL_BUT_SNAPCHAT = PLATFORM_IDS.filter((p) => p !== 'snapchat');

const CHANGES: Record<string, { change: (doc: Document) => void; platforms: readonly PlatformId[]; skip?: RegExp; urls?: false }> = {
  // Links written absolute ("https://www.instagram.com/direct/inbox/") instead of "/direct/inbox/".
  'links written absolute': {
    change: (doc) => doc.querySelectorAll('a[href^="/"]').forEach((a) => a.setAttribute('href', new URL(a.getAttribute('href') ?? '', doc.URL).href)),
    platforms: PLATFORM_IDS,
  },
  // A tracking query on every link: everything reads the same but the rows' links, which keep it.
  'links with a query': {
    change: (doc) =>
      doc.querySelectorAll('a[href]').forEach((a) => {
        const href = a.getAttribute('href') ?? '';
        if (!/[?#]/.test(href)) a.setAttribute('href', `${href}?ref=nav`);
      }),
    platforms: PLATFORM_IDS,
    urls: false,
  },
  // aria-labels in another letter case ("messenger", "mark as read").
  'aria-labels in lower case': {
    change: (doc) => doc.querySelectorAll('[aria-label]').forEach((el) => el.setAttribute('aria-label', (el.getAttribute('aria-label') ?? '').toLowerCase())),
    platforms: PLATFORM_IDS,
  },
  // The list's role renamed or dropped (Instagram dropped role="grid" in 2026). Not Instagram's
  // 2024 link-less rows, which are told from other buttons by being items of a list.
  'no list or grid roles': {
    change: (doc) => doc.querySelectorAll('[role="list"], [role="grid"]').forEach((el) => el.removeAttribute('role')),
    platforms: PLATFORM_IDS,
    skip: /^instagram\/no-links-2024-inbox$/,
  },
  // A redesign adds layout wrappers: a <div> under every element with children, or under some.
  'a wrapper under every element': {
    change: (doc) => doc.querySelectorAll(WRAPPABLE).forEach((el) => el.children.length && wrapChildren(el)),
    platforms: ALL_BUT_SNAPCHAT,
  },
  ...Object.fromEntries(
    [7919, 15838, 23757, 31676, 39595, 47514].map((seed, i) => [`wrappers under a third of the elements (draw ${i + 1})`, { change: wrapSome(seed, 0.3), platforms: ALL_BUT_SNAPCHAT }]),
  ),
  // A new build renames every hashed class, in the markup and its style sheet alike.
  'hashed class names renamed with their style sheet': {
    change: (doc) => {
      eachClass(doc, renamed);
      doc.querySelectorAll('style').forEach((style) => {
        style.textContent = (style.textContent ?? '').replace(/\.([A-Za-z0-9_-]+)/g, (_, token: string) => `.${renamed(token)}`);
      });
    },
    platforms: PLATFORM_IDS,
  },
  // Generated class names shipped without the component's name ("tiktok-1x8rnre").
  'generated class names without their readable suffix': {
    change: (doc) => eachClass(doc, (token) => token.replace(/^((?:css|tiktok)-[0-9a-z]{4,8})-[A-Za-z]+$/i, '$1')),
    platforms: PLATFORM_IDS,
  },
  // The composer without its textbox role (its editor marker, form or place stays).
  'composer without its textbox role': {
    change: (doc) => doc.querySelectorAll('[contenteditable][role="textbox"]').forEach((el) => el.removeAttribute('role')),
    platforms: PLATFORM_IDS,
  },
  // Element ids renamed or dropped (WhatsApp's #main and #pane-side). Not Snapchat, whose
  // conversation ids are in its element ids (title-<uuid>), nor X's legacy pane, whose open
  // conversation is the #detail-header heading.
  'no id attributes': {
    change: (doc) => doc.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id')),
    platforms: PLATFORM_IDS.filter((p) => p !== 'snapchat'),
    skip: /^x\/legacy-messages-2023$/,
  },
  // User text without dir="auto" wrappers.
  'no dir attributes': {
    change: (doc) => doc.querySelectorAll('[dir]').forEach((el) => el.removeAttribute('dir')),
    platforms: PLATFORM_IDS,
  },
  // Platforms whose test ids are not their main hook (X's and TikTok's are: lesson 2).
  'no test ids': {
    change: (doc) =>
      doc.querySelectorAll('[data-testid], [data-e2e]').forEach((el) => {
        el.removeAttribute('data-testid');
        el.removeAttribute('data-e2e');
      }),
    platforms: ['instagram', 'messenger', 'linkedin', 'whatsapp', 'snapchat'],
  },
  // TikTok's data-e2e ids are its main hook, but its generated class names keep readable suffixes
  // (DivItemWrapper, PInfoNickname, PNickname, DivChatBox): read by those without the ids.
  'TikTok without data-e2e': {
    change: (doc) => doc.querySelectorAll('[data-e2e]').forEach((el) => el.removeAttribute('data-e2e')),
    platforms: ['tiktok'],
  },
};

describe.each(Object.entries(CHANGES))('%s', (_, { change, platforms, skip, urls }) => {
  const cases = platforms.flatMap((platform) => fixtures(platform).map((name) => [platform, name] as const)).filter(([platform, name]) => !skip?.test(`${platform}/${name}`));
  const compared = (result: ReturnType<typeof read>) => (urls === false ? { ...result, threads: result.threads.map(({ url: _url, ...rest }) => rest) } : result);
  it.each(cases)('%s/%s reads the same', (platform, name) => {
    expect(compared(read(platform, name, change))).toEqual(compared(read(platform, name)));
  });
});

/**
 * WhatsApp without title attributes (its header's name lost its title in 2024): the rows' names,
 * previews and times from their text, and a group's member list ("Ana, Bob, You") from its text.
 */
describe('WhatsApp without title attributes', () => {
  const strip = (doc: Document) => doc.querySelectorAll('[title]').forEach((el) => el.removeAttribute('title'));
  it.each(fixtures('whatsapp'))('whatsapp/%s reads the same', (name) => {
    expect(read('whatsapp', name, strip)).toEqual(read('whatsapp', name));
  });
});

/**
 * Without any class attribute, style sheets no longer say which name is bold: unread rows marked
 * only by style may read as read. Everything else must stay. X's 2026 Tailwind rows tell the name
 * by its font-bold class; without it, by its place (the row's first text, when the name has no
 * dir attribute). LinkedIn's BEM classes are its main hooks; without them its rows are found by
 * their thread links or as the items of the labelled conversation list, their parts by their elements (h3, p, time).
 */
describe('no class attributes at all', () => {
  const platforms: readonly PlatformId[] = PLATFORM_IDS;
  const cases = platforms.flatMap((platform) =>
    fixtures(platform)
      .map((name) => [platform, name] as const),
  );
  const strip = (doc: Document) => doc.querySelectorAll('[class]').forEach((el) => el.removeAttribute('class'));
  const apartFromUnread = (result: ReturnType<typeof read>) => ({
    ...result,
    threads: result.threads.map(({ unread: _unread, unreadCount: _count, lastFromMe: _fromMe, ...rest }) => rest),
  });
  it.each(cases)('%s/%s reads the same conversations', (platform, name) => {
    expect(apartFromUnread(read(platform, name, strip))).toEqual(apartFromUnread(read(platform, name)));
  });
});

describe('the resilience test can fail', () => {
  it('sees a changed read', () => {
    const platform = PLATFORM_IDS.find((p) => fixtures(p).length > 0)!;
    const name = fixtures(platform)[0]!;
    const emptied = read(platform, name, (doc) => doc.body.replaceChildren());
    expect(emptied).not.toEqual(read(platform, name));
  });
});
