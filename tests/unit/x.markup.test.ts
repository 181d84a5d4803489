import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { x } from '@/utils/platforms/x';
import { inboxReadSchema, type InboxRead } from '@/utils/platforms/contract';

/**
 * X Chat markup seen in public code in 2025–2026 (a Playwright scraper's unread_dms() of 2026-05-14,
 * a visible-DOM X adapter, an XChat PIN helper, a browser extension's row reader): the Tailwind
 * inbox (svg icon-circle-fill unread dot, name in div.font-bold, dir only on the preview, "You:" as
 * its own span), message requests, colon ids in row test ids, and the passcode page.
 */

const NOW = Date.parse('2026-06-10T15:30:00.000Z');
const FIXTURES = path.resolve(__dirname, '../fixtures/x');

// The fixtures of tests/fixtures/x read as the contract test reads them (kept here too so this
// platform's cases run on their own).
describe('x fixtures', () => {
  const names = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
  const COMPARED = ['id', 'name', 'unread', 'time', 'url', 'lastFromMe'] as const;
  it.each(names)('reads %s as expected', (name) => {
    const spec = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
    const doc = new JSDOM(readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8'), { url: spec.url }).window.document;
    const result = x.read(doc, new URL(spec.url), Date.parse(spec.now));
    expect(inboxReadSchema.safeParse(result).success).toBe(true);
    expect(result.unreadTotal).toBe(spec.expect.unreadTotal);
    expect(x.total(doc)).toBe(result.unreadTotal);
    const pick = (t: Record<string, unknown>) => Object.fromEntries(COMPARED.filter((k) => t[k] !== undefined).map((k) => [k, t[k]]));
    expect(result.threads.map(pick)).toEqual(spec.expect.threads.map(pick));
    expect(result.active).toEqual(spec.expect.active);
    expect(x.composer(doc) !== null).toBe(spec.expect.composer);
    expect([...result.missing].sort()).toEqual([...spec.expect.missing].sort());
  });
});

const DOT = '<svg data-icon="icon-circle-fill" role="img" aria-hidden="true" viewBox="0 0 24 24" class="text-chat-accent shrink-0 text-[8px]"><circle cx="12" cy="12" r="12" fill="currentColor"></circle></svg>';

interface RowSpec {
  /** The id after the test id prefix, as the page writes it ("111:222"). */
  testid: string;
  /** The row's link, or none (a button row). */
  href?: string;
  name: string;
  time?: string;
  /** The preview's markup (default: one span[dir="auto"] with `preview`). */
  body?: string;
  preview?: string;
  dot?: string;
  kind?: 'conversation' | 'request';
}

/** A Tailwind Chat row (2026) as the fixture chat-tailwind-inbox-2026.html has it. */
function row(spec: RowSpec): string {
  const prefix = spec.kind === 'request' ? 'dm-message-request-item-' : 'dm-conversation-item-';
  const open = spec.href ? `<a href="${spec.href}" class="flex min-w-0 flex-1 items-center gap-3 px-4 py-3">` : '<div role="button" tabindex="0" class="flex min-w-0 flex-1 items-center gap-3 px-4 py-3">';
  const close = spec.href ? '</a>' : '</div>';
  const body = spec.body ?? `<span dir="auto" class="whitespace-pre-wrap line-clamp-1 font-normal">${spec.preview ?? 'Hello there'}</span>`;
  return `<div data-testid="${prefix}${spec.testid}" role="listitem" class="group flex items-center">${open}
    <div class="relative shrink-0"><img alt="user avatar" src="https://pbs.twimg.com/profile_images/${spec.testid.replace(/\W/g, '')}_normal.jpg"></div>
    <div class="flex min-w-0 flex-1 flex-col"><div class="flex items-center gap-1"><div class="truncate font-bold">${spec.name}</div><span class="text-subtext2">·</span><span class="text-sm text-subtext2">${spec.time ?? '2h'}</span></div>
    <div class="flex items-center gap-2">${body}${spec.dot ?? ''}</div></div>${close}</div>`;
}

function page(rows: string[], extra = '', container = 'dm-inbox-panel'): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Chat / X</title>
<style>.font-bold{font-weight:700}.font-medium{font-weight:500}.font-normal{font-weight:400}.text-chat-accent{color:rgb(30, 156, 241)}</style></head>
<body><div id="react-root"><header role="banner"><nav aria-label="Primary" role="navigation">
<a href="/i/chat" aria-label="Chat" role="link" data-testid="AppTabBar_DirectMessage_Link"><div><svg></svg></div></a></nav></header>
<main role="main"><section data-testid="${container}"><div role="list">${rows.join('\n')}</div></section>${extra}</main></div></body></html>`;
}

function read(html: string, url = 'https://x.com/i/chat'): InboxRead {
  const doc = new JSDOM(html, { url }).window.document;
  const result = x.read(doc, new URL(url), NOW);
  expect(inboxReadSchema.safeParse(result).success).toBe(true);
  return result;
}

const PANEL = (header: string) => `<section data-testid="dm-conversation-panel"><div data-testid="dm-conversation-header">${header}</div>
<div role="log"></div><textarea data-testid="dm-composer-textarea"></textarea></section>`;

describe('x Chat unread dot (svg icon-circle-fill, May 2026)', () => {
  it('reads rows with the dot as unread and rows without it as read', () => {
    const result = read(
      page([
        row({ testid: '1:2', href: '/i/chat/1-2', name: 'Ana', preview: 'New one', dot: DOT }),
        row({ testid: '1:3', href: '/i/chat/1-3', name: 'Ben', preview: 'Old one' }),
      ]),
    );
    expect(result.threads.map((t) => [t.id, t.unread, t.snippet])).toEqual([
      ['1-2', true, 'New one'],
      ['1-3', false, 'Old one'],
    ]);
  });

  it('counts the dot even when another part of the page carries an "unread" test id (the open filter menu)', () => {
    // The inbox filter's "Unread" item (dm-inbox-dropdown-unread) makes the old test-id marker live.
    const menu = '<div data-testid="dm-inbox-dropdown-content" role="menu"><div data-testid="dm-inbox-dropdown-all" role="menuitemradio" aria-checked="true">All</div><div data-testid="dm-inbox-dropdown-unread" role="menuitemradio" aria-checked="false">Unread</div></div>';
    const result = read(
      page([row({ testid: '1:2', href: '/i/chat/1-2', name: 'Ana', dot: DOT }), row({ testid: '1:3', href: '/i/chat/1-3', name: 'Ben' })], menu),
    );
    expect(result.threads.map((t) => t.unread)).toEqual([true, false]);
  });

  it('does not take a green presence dot for the unread dot', () => {
    const online = '<svg data-icon="icon-circle-fill" role="img" aria-hidden="true" class="text-green-500 shrink-0 text-[8px]"><circle r="12"></circle></svg>';
    const result = read(page([row({ testid: '1:2', href: '/i/chat/1-2', name: 'Ana', dot: online })]));
    expect(result.threads[0]?.unread).toBe(false);
  });
});

describe('x message requests (Chat UI 2025–2026)', () => {
  const requests = [
    row({ kind: 'request', testid: '1:5', href: '/i/chat/requests/other/1-5', name: 'Maya', dot: DOT }),
    row({ kind: 'request', testid: '1:6', name: 'Tomás' }),
  ];

  it('reads request rows with their own ids and URLs in the "other" folder', () => {
    const result = read(page(requests, '', 'dm-message-requests'), 'https://x.com/i/chat/requests/other');
    expect(result.threads.map((t) => [t.id, t.url, t.unread])).toEqual([
      ['1-5', 'https://x.com/i/chat/requests/other/1-5', true],
      ['1-6', 'https://x.com/i/chat/requests/other/1-6', false],
    ]);
    expect(result.active).toBeNull();
  });

  it('reads the open request thread by its id', () => {
    const header = '<div class="font-bold">Maya</div><div class="text-subtext2">@maya_makes</div>';
    const result = read(page(requests, PANEL(header), 'dm-message-requests'), 'https://x.com/i/chat/requests/other/1-5');
    expect(result.active).toEqual({ name: 'Maya', handle: 'maya_makes', firstName: 'Maya' });
    expect(result.missing).toEqual([]);
  });
});

describe('x row ids: test id A:B and URL A-B', () => {
  it('gives a row the same id and URL with or without its link', () => {
    const linked = read(page([row({ testid: '111:222', href: '/i/chat/111-222', name: 'Ana' })])).threads;
    const bare = read(page([row({ testid: '111:222', name: 'Ana' })])).threads;
    expect(bare.map((t) => [t.id, t.url])).toEqual([['111-222', 'https://x.com/i/chat/111-222']]);
    expect(bare.map((t) => [t.id, t.url])).toEqual(linked.map((t) => [t.id, t.url]));
  });

  it('matches the open thread to its row by the id in the URL', () => {
    // A header without text: the name comes from the open thread's row.
    const result = read(page([row({ testid: '111:222', name: 'Ana López' }), row({ testid: '111:333', name: 'Ben' })], PANEL('<img alt="" src="a.jpg">')), 'https://x.com/i/chat/111-222');
    expect(result.active?.name).toBe('Ana López');
  });
});

describe('x "You:" as its own span before the preview (Chat UI 2026)', () => {
  it('keeps the preview as the snippet and says the last message is mine', () => {
    const body = '<span class="text-subtext2">You:</span> <span dir="auto" class="whitespace-pre-wrap">See you at 5</span>';
    const t = read(page([row({ testid: '1:2', href: '/i/chat/1-2', name: 'Ana', body })])).threads[0];
    expect([t?.snippet, t?.lastFromMe]).toEqual(['See you at 5', true]);
  });

  it('reads "You" without the colon the same way when a preview follows', () => {
    const body = '<span class="text-subtext2">You</span><span class="text-subtext2">:</span> <span dir="auto" class="whitespace-pre-wrap">Sent the invoice</span>';
    const t = read(page([row({ testid: '1:2', href: '/i/chat/1-2', name: 'Ana', body })])).threads[0];
    expect([t?.snippet, t?.lastFromMe]).toEqual(['Sent the invoice', true]);
  });

  it('keeps a message saying "You" as it is', () => {
    const badge = '<div data-testid="dm-conversation-item-unread-badge"><span>2</span></div>';
    const t = read(page([row({ testid: '1:2', href: '/i/chat/1-2', name: 'Ana', preview: 'You', dot: badge })])).threads[0];
    expect([t?.snippet, t?.lastFromMe, t?.unread]).toEqual(['You', false, true]);
  });

  it('keeps the prefix in one piece as before ("You: text")', () => {
    const t = read(page([row({ testid: '1:2', href: '/i/chat/1-2', name: 'Ana', preview: 'You: on my way' })])).threads[0];
    expect([t?.snippet, t?.lastFromMe]).toEqual(['on my way', true]);
  });
});

describe('x name when only the preview has a dir (Tailwind Chat UI)', () => {
  it('reads the name from div.font-bold, not the preview', () => {
    const t = read(page([row({ testid: '1:2', href: '/i/chat/1-2', name: 'Ana López', preview: 'Is it in stock?', time: '3h' })])).threads[0];
    expect([t?.name, t?.snippet, t?.time]).toEqual(['Ana López', 'Is it in stock?', NOW - 3 * 3600_000]);
  });
});

describe('x non-thread Chat pages', () => {
  it.each(['/i/chat/pin/new', '/i/chat/settings', '/i/chat/compose', '/i/chat/new', '/i/chat/requests', '/i/chat/requests/other', '/i/chat/search'])(
    '%s is no open thread',
    (pathname) => {
      const result = read(page([row({ testid: '1:2', href: '/i/chat/1-2', name: 'Ana' })]), `https://x.com${pathname}`);
      expect(result.active).toBeNull();
      expect(result.missing).not.toContain('open conversation');
      expect(result.missing).not.toContain('composer');
    },
  );

  it('does not read links to non-thread pages as rows', () => {
    const links = '<nav><a href="/i/chat/requests">Requests</a><a href="/i/chat/settings">Settings</a><a href="/i/chat/compose">New chat</a></nav>';
    const doc = `<!DOCTYPE html><html><body><main>${links}<div role="list"><div role="listitem"><a href="/i/chat/1-2"><span>Ana</span><span>Hi</span></a></div></div></main></body></html>`;
    expect(read(doc).threads.map((t) => t.id)).toEqual(['1-2']);
  });
});

describe('x message request thread', () => {
  // A request not yet accepted shows Accept and Delete where the composer goes.
  const html = readFileSync(path.join(FIXTURES, 'chat-requests-2026.html'), 'utf8');
  const at = (url: string) => x.read(new JSDOM(html, { url }).window.document, new URL(url), NOW);

  it('reports no composer missing in a request, which has none until accepted', () => {
    expect(at('https://x.com/i/chat/requests/1234567890-1555555555').missing).not.toContain('composer');
  });

  it('still reports it missing in an accepted conversation', () => {
    expect(at('https://x.com/i/chat/1234567890-1555555555').missing).toContain('composer');
  });
});
