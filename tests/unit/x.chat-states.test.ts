import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { x } from '@/utils/platforms/x';
import { inboxReadSchema, type InboxRead } from '@/utils/platforms/contract';

/**
 * X Chat (2025–2026) as public tools read it: the rows' aria-description "Name, @handle, last
 * message, time[, Unread]" (XDump, a Selenium DM bot, x-dm), pages without a list, thread or
 * composer by design (the passcode prompt, the empty requests folder, a request opened as a
 * thread: xctl, a Playwright request bot), conversation info pages (CircleMate) and groups (ids
 * "g…" in Chat, a single number in legacy). Mostly inside the xchatEmbedRoute shadow root.
 */

const NOW = Date.parse('2026-06-10T15:30:00.000Z');
const FIXTURES = path.resolve(__dirname, '../fixtures/x');

const NAV = `<header role="banner"><nav aria-label="Primary" role="navigation">
<a href="/i/chat" aria-label="Chat" role="link" data-testid="AppTabBar_DirectMessage_Link"><div><svg></svg>
<div aria-label="2 unread items"><span>2</span></div></div></a></nav></header>`;

const STYLE = `<style>.font-bold{font-weight:700}.font-medium{font-weight:500}.font-normal{font-weight:400}
.text-chat-accent{color:rgb(30, 156, 241)}</style>`;

const DOT =
  '<svg data-icon="icon-circle-fill" role="img" aria-hidden="true" viewBox="0 0 24 24" class="text-chat-accent shrink-0 text-[8px]"><circle cx="12" cy="12" r="12" fill="currentColor"></circle></svg>';

/** A page with `main` in the document, or in the open shadow root of xchatEmbedRoute (2026). */
function load(main: string, url: string, shadow: boolean): Document {
  const body = shadow ? '<div data-testid="xchatEmbedRoute"></div>' : `<main role="main">${main}</main>`;
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Chat / X</title>${STYLE}</head><body><div id="react-root">${NAV}${body}</div></body></html>`;
  const doc = new JSDOM(html, { url }).window.document;
  if (shadow) {
    const root = doc.querySelector('[data-testid="xchatEmbedRoute"]')!.attachShadow({ mode: 'open' });
    const el = doc.createElement('main');
    el.innerHTML = main;
    root.append(el);
  }
  return doc;
}

function read(main: string, url = 'https://x.com/i/chat', { shadow = true } = {}): InboxRead {
  const result = x.read(load(main, url, shadow), new URL(url), NOW);
  expect(inboxReadSchema.safeParse(result).success).toBe(true);
  return result;
}

/** A Chat row as XDump indexes it, with the aria-description the app gives it. */
function descRow(o: { id: string; name: string; handle?: string; preview: string; time: string; unread?: boolean; desc?: string; dot?: boolean }) {
  const desc = o.desc ?? [o.name, o.handle ? `@${o.handle}` : null, o.preview, o.time, o.unread ? 'Unread' : null].filter(Boolean).join(', ');
  return `<div data-testid="dm-conversation-item-${o.id}" role="listitem" aria-description="${desc}" class="group flex items-center">
  <a href="/i/chat/${o.id.replace(':', '-')}" class="flex min-w-0 flex-1 items-center gap-3 px-4 py-3">
    <div class="relative shrink-0"><img alt="user avatar" src="https://pbs.twimg.com/profile_images/${o.id.replace(/\W/g, '')}/a_normal.jpg"></div>
    <div class="flex min-w-0 flex-1 flex-col">
      <div class="flex items-center gap-1"><div class="truncate font-bold">${o.name}</div><span class="text-sm text-subtext2">${o.time}</span></div>
      <div class="flex items-center gap-2"><span dir="auto" class="whitespace-pre-wrap line-clamp-1 ${o.unread ? 'font-medium' : 'font-normal'}">${o.preview}</span>${o.dot ? DOT : ''}</div>
    </div></a></div>`;
}

const inbox = (rows: string[]) => `<section data-testid="dm-inbox-panel"><div data-testid="dm-inbox-scroller"><div role="list" aria-label="Conversations">${rows.join('\n')}</div></div></section>`;
const GROUP = 'g2107412709100933527';

describe('x Chat rows: aria-description "Name, @handle, last message, time[, Unread]"', () => {
  const ana = descRow({ id: '1:2', name: 'Ana López', handle: 'analopez', preview: 'Is it in stock?', time: '3h', unread: true, dot: true });
  const ben = descRow({ id: '1:3', name: 'Ben Ortiz', handle: 'benortiz', preview: 'ok', time: '2d' });

  it('reads the handle the row does not show', () => {
    expect(read(inbox([ana, ben])).threads.map((t) => [t.name, t.handle])).toEqual([
      ['Ana López', 'analopez'],
      ['Ben Ortiz', 'benortiz'],
    ]);
  });

  it('reads the handle when the description has no preview ("You sent a photo")', () => {
    const row = descRow({ id: '1:2', name: 'Ana López', preview: 'You sent a photo', time: '3h', desc: 'Ana López, @analopez, 3h' });
    expect(read(inbox([row])).threads.map((t) => [t.handle, t.snippet, t.lastFromMe])).toEqual([['analopez', 'You sent a photo', true]]);
  });

  it('takes no handle from a group row, whose description names no one member', () => {
    const row = descRow({ id: GROUP, name: 'Launch crew', preview: '@sam, can you ship it?', time: '1w' });
    expect(read(inbox([row])).threads.map((t) => [t.id, t.handle])).toEqual([[GROUP, undefined]]);
  });

  it('does not take a display name written as a handle for the handle', () => {
    const row = descRow({ id: '1:4', name: '@elonmusk', handle: 'not_elon_42', preview: 'Giveaway!', time: '5m' });
    expect(read(inbox([row])).threads[0]?.handle).toBe('not_elon_42');
  });

  it('reads "…, 3h, Unread" as unread when no dot is drawn, and the row without it by its style', () => {
    const undotted = descRow({ id: '1:2', name: 'Ana López', handle: 'analopez', preview: 'Is it in stock?', time: '3h', unread: true });
    // A date with its year holds a comma of its own.
    const old = descRow({ id: '1:5', name: 'Dana Kim', handle: 'danakim', preview: 'Still on?', time: 'Jun 3, 2025', unread: true });
    expect(read(inbox([undotted, ben, old])).threads.map((t) => t.unread)).toEqual([true, false, true]);
  });

  it('reads the Spanish "No leído" the same way', () => {
    const row = descRow({ id: '1:2', name: 'Ana López', preview: '¿Hay stock?', time: '3 h', desc: 'Ana López, @analopez, ¿Hay stock?, 3 h, No leído' });
    expect(read(inbox([row]), 'https://x.com/i/chat').threads.map((t) => [t.unread, t.handle, t.snippet])).toEqual([[true, 'analopez', '¿Hay stock?']]);
  });

  it('keeps a message that says "Unread" as text, also in a description without its time', () => {
    const timed = descRow({ id: '1:3', name: 'Ben Ortiz', preview: 'Unread', time: '2d', desc: 'Ben Ortiz, @benortiz, Unread, 2d' });
    // Only "Unread" right after the time counts: here the part before it is the handle.
    const untimed = descRow({ id: '1:4', name: 'Cleo Park', preview: 'unread', time: '', desc: 'Cleo Park, @cleopark, unread' });
    expect(read(inbox([timed, untimed])).threads.map((t) => [t.unread, t.snippet])).toEqual([
      [false, 'Unread'],
      [false, 'unread'],
    ]);
  });

  it('trusts the dots when the page draws them: a row without one reads as read', () => {
    const undotted = descRow({ id: '1:3', name: 'Ben Ortiz', handle: 'benortiz', preview: 'ok', time: '2d', unread: true });
    expect(read(inbox([ana, undotted])).threads.map((t) => t.unread)).toEqual([true, false]);
  });
});

describe('x Chat pages without a list, thread or composer by design (shadow root, 2026)', () => {
  const emptyInbox = '<section data-testid="dm-inbox-panel"><div data-testid="dm-inbox-scroller"><div role="list" aria-label="Conversations"></div></div></section>';
  const emptyRequests =
    '<section data-testid="dm-message-requests" aria-label="Message requests"><div data-testid="dm-message-requests-empty"><h2>No message requests</h2><p>Requests from people you don’t follow show up here.</p></div></section>';
  const pin =
    '<div class="flex flex-col items-center"><h1 data-testid="pin-title">Enter Passcode</h1><div data-testid="pin-code-input-container"><input inputmode="numeric" autocomplete="one-time-code" maxlength="1"><input inputmode="numeric" maxlength="1"><input inputmode="numeric" maxlength="1"><input inputmode="numeric" maxlength="1"></div></div>';

  it('reads an empty inbox as empty, in the shadow root as in the document', () => {
    expect(read(emptyInbox).missing).toEqual([]);
    expect(read(emptyInbox, 'https://x.com/i/chat', { shadow: false }).missing).toEqual([]);
  });

  it('still reports a list that holds text but no readable rows', () => {
    const odd = '<section data-testid="dm-inbox-panel"><div role="list"><div role="listitem"><span>Ana López</span><span>Is it in stock?</span></div></div></section>';
    expect(read(odd).missing).toEqual(['conversation list']);
  });

  it('reads an empty requests folder (dm-message-requests-empty) as empty', () => {
    expect(read(emptyRequests, 'https://x.com/i/chat/requests').missing).toEqual([]);
    expect(read(emptyRequests, 'https://x.com/i/chat/requests/other', { shadow: false }).missing).toEqual([]);
  });

  it('reads the passcode prompt at /i/chat, before the redirect to /i/chat/pin, like the pin page', () => {
    expect(read(pin)).toEqual({ unreadTotal: 2, threads: [], active: null, missing: [] });
    // A thread's link opened while locked.
    expect(read(pin, 'https://x.com/i/chat/1234567890-1555555555')).toEqual({ unreadTotal: 2, threads: [], active: null, missing: [] });
  });

  describe('a message request opened as a thread: Accept/Delete replace the composer', () => {
    const panel = (bottom: string) => `${inbox([descRow({ id: '1:3', name: 'Ben Ortiz', handle: 'benortiz', preview: 'ok', time: '2d' })])}
    <section data-testid="dm-conversation-panel"><div data-testid="dm-conversation-header"><a href="https://x.com/maya_makes"><img alt="user avatar" src="a.jpg"></a><span data-testid="dm-conversation-username">Maya</span></div>
    <div data-testid="dm-message-scroller" role="log"><div data-index="0"><div data-testid="dm-conversation-header-item">Maya @maya_makes</div></div></div>${bottom}</section>`;
    const prompt = '<div data-testid="dm-message-request-prompt"><p>Maya wants to send you a message</p><button data-testid="dm-message-request-accept-button">Accept</button><button>Delete</button></div>';

    it('reports no composer missing', () => {
      const result = read(panel(prompt), 'https://x.com/i/chat/1234567890-1555555555');
      expect(result.missing).toEqual([]);
      expect(result.active).toEqual({ name: 'Maya', handle: 'maya_makes', firstName: 'Maya' });
    });

    it('reports it missing in a conversation without the prompt', () => {
      expect(read(panel(''), 'https://x.com/i/chat/1234567890-1555555555').missing).toEqual(['composer']);
    });
  });

  it.each(['chat-pin-at-inbox-2026', 'chat-requests-empty-2026', 'chat-group-thread-2026'])('fixture %s reads the same in a shadow root as in the document', (name) => {
    const spec = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as { url: string; now: string };
    const html = readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8');
    const flat = new JSDOM(html, { url: spec.url }).window.document;
    const shadowed = new JSDOM(html, { url: spec.url }).window.document;
    const main = shadowed.querySelector('main')!;
    const host = shadowed.createElement('div');
    host.setAttribute('data-testid', 'xchatEmbedRoute');
    main.replaceWith(host);
    host.attachShadow({ mode: 'open' }).append(main);
    expect(x.read(shadowed, new URL(spec.url), Date.parse(spec.now))).toEqual(x.read(flat, new URL(spec.url), Date.parse(spec.now)));
  });
});

describe('x conversation info pages', () => {
  const info = `${inbox([descRow({ id: GROUP, name: 'Launch crew', preview: 'Sam: shipping tomorrow', time: '1w' })])}
    <section class="flex min-w-0 flex-1 flex-col"><div class="flex items-center gap-2 px-4 py-3"><button aria-label="Back"></button><h2 class="text-xl font-bold">Group info</h2></div>
    <div class="flex flex-col items-center"><div class="font-bold">Launch crew</div><div>3 members</div></div></section>`;

  it('reads /i/chat/<id>/info as no open thread, with the inbox beside it', () => {
    const result = read(info, `https://x.com/i/chat/${GROUP}/info`);
    expect([result.active, result.missing, result.threads.map((t) => t.id)]).toEqual([null, [], [GROUP]]);
  });

  it('reads legacy /messages/<id>/info the same way', () => {
    const legacy = `<section role="region"><div aria-label="Timeline: Messages"></div></section><section aria-label="Section details" role="region"><h2 id="detail-header" role="heading"><span>Conversation info</span></h2></section>`;
    const result = read(legacy, 'https://x.com/messages/1500000000000000001/info', { shadow: false });
    expect([result.active, result.missing]).toEqual([null, []]);
  });
});

describe('x group conversations: the title is no person', () => {
  it('gives an open Chat group (id g…) its name only', () => {
    const panel = `${inbox([descRow({ id: GROUP, name: 'Launch crew', preview: 'Sam: shipping tomorrow', time: '1w' })])}
    <section data-testid="dm-conversation-panel"><div data-testid="dm-conversation-header"><div class="cursor-pointer"><span data-testid="dm-conversation-username">Launch crew</span></div></div>
    <div data-testid="dm-message-scroller" role="log"></div><textarea data-testid="dm-composer-textarea"></textarea></section>`;
    const result = read(panel, `https://x.com/i/chat/${GROUP}`);
    expect([result.active, result.missing]).toEqual([{ name: 'Launch crew' }, []]);
  });

  it('gives an open legacy group (a single-number id) its name only, and a 1:1 pair its first name', () => {
    const page = (id: string) =>
      read(
        `<section role="region"><div aria-label="Timeline: Messages"></div></section><section aria-label="Section details" role="region"><h2 id="detail-header" role="heading"><span>Launch crew</span></h2>
      <aside data-testid="dmComposer"><div contenteditable="true" data-testid="dmComposerTextInput" role="textbox"></div></aside></section>`,
        `https://x.com/messages/${id}`,
        { shadow: false },
      ).active;
    expect(page('1500000000000000001')).toEqual({ name: 'Launch crew' });
    expect(page('1234567890-1122334455')).toEqual({ name: 'Launch crew', firstName: 'Launch', lastName: 'crew' });
  });
});

describe('x Chat rows as other tools of 2026 see them', () => {
  /** <a id="dm-conversation-option-<id>" role="option"> rows without test ids (CircleMate, 2026-10; a Selenium request extractor). */
  function optionRow(o: { id: string; name: string; preview: string; time: string; dot?: boolean }) {
    return `<li data-index="0"><a id="dm-conversation-option-${o.id}" role="option" href="/i/chat/${o.id}" class="flex min-w-0 flex-1 items-center gap-3 px-4 py-3">
    <div class="relative shrink-0"><img alt="user avatar" src="https://pbs.twimg.com/profile_images/${o.id}/a_normal.jpg"></div>
    <div class="flex min-w-0 flex-1 flex-col"><div class="flex min-w-0 items-center gap-1"><div class="font-chirp line-clamp-1 text-primary">${o.name}</div><span class="text-subtext2">${o.time}</span></div>
    <div class="flex items-center gap-2"><span dir="auto" class="whitespace-pre-wrap line-clamp-1">${o.preview}</span>${o.dot ? DOT : ''}</div></div></a></li>`;
  }

  it('reads option rows without test ids by their links (ids, names, previews, dot)', () => {
    const list = `<section data-testid="dm-inbox-panel"><ul role="listbox">${optionRow({ id: GROUP, name: 'Launch crew', preview: 'Sam: shipping tomorrow', time: '1w', dot: true })}${optionRow({ id: '111-222', name: 'Ana López', preview: 'Is it in stock?', time: '3h' })}</ul></section>`;
    expect(read(list).threads.map((t) => [t.id, t.name, t.snippet, t.unread])).toEqual([
      [GROUP, 'Launch crew', 'Sam: shipping tomorrow', true],
      ['111-222', 'Ana López', 'Is it in stock?', false],
    ]);
  });

  it('reads a name with a verified badge beside it (svg icon-verified, "Verified account")', () => {
    const badge = '<svg data-icon="icon-verified" role="img" aria-label="Verified account" viewBox="0 0 22 22" class="size-4 text-chat-accent"><path d="M0 0"></path></svg>';
    const row = descRow({ id: '1:2', name: 'Ana López', handle: 'analopez', preview: 'Is it in stock?', time: '3h', unread: true, dot: true }).replace(
      '<div class="truncate font-bold">Ana López</div>',
      `<div class="flex items-center gap-0.5"><div class="truncate font-bold">Ana López</div>${badge}</div>`,
    );
    expect(read(inbox([row])).threads.map((t) => [t.name, t.handle, t.snippet, t.unread])).toEqual([['Ana López', 'analopez', 'Is it in stock?', true]]);
  });

  it('reads "Tú:" in its own span as our last message', () => {
    const row = descRow({ id: '1:2', name: 'Ana López', preview: 'x', time: '3 h' }).replace(
      /<span dir="auto"[^>]*>x<\/span>/,
      '<span class="shrink-0 text-subtext2">Tú:</span> <span dir="auto" class="whitespace-pre-wrap">Ya lo envié</span>',
    );
    expect(read(inbox([row])).threads.map((t) => [t.snippet, t.lastFromMe])).toEqual([['Ya lo envié', true]]);
  });
});
