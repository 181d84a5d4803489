import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { snapchat } from '@/utils/platforms/snapchat';

/**
 * Snapchat for Web as public code of 2025–2026 reads it:
 * - G = a Snapchat CLI's selectors + injected page script ("verified 2026-10-05 against the live
 *   page"; find_string ids 70166958755 / 70606731406 / 70344328135): list [role=list][aria-label="Friends Feed"]
 *   inside a <nav>; row [role=button][aria-labelledby^="title-"]; [id^=title-], [id^=status-]
 *   ("New Snap", "Delivered", "Opened", "Call Active"…), time[datetime]; text after the time
 *   ("941 🔥") and a friend-emoji badge on the avatar; img[role=presentation] (several = group);
 *   conversation ul[id^="cv-"] > li (date separators <time> without datetime, sender groups,
 *   notices "YOU ARE USING SNAPCHAT FOR WEB"); group: (div >) ul > li messages; message
 *   `:scope > header` = "sender name and ISO time (first message of a group only)"; text span[dir=auto];
 *   composer [role=textbox][contenteditable=true][placeholder="Send a chat"];
 *   search role=searchbox[name=Search]; snap caption textarea[aria-label="Caption Input"] in
 *   #portal-container (#snap-preview-container); close button[title="Close Chat"].
 * - S = jaydenmcl/SnapBot2 snapbot.js (id 60245065166): row status patterns /^\d+\s*new\s+snaps?$/i,
 *   /^new\s+(chats?\s+and\s+)?snaps?/i, /^say\s?hi!?$/i, /^you are now friends$/i.
 * - R = a Russian Snapchat bot extension (id 4810638489): "New Snap on mobile", "New Chats and Snaps".
 */
const NOW = Date.parse('2026-03-12T15:00:00Z');
const ANA = '1f0c2b7e-4d1a-4c8e-9a53-0b6f7e2d9c11';
const BEN = '7a9e3c52-18b4-4f0d-8c6e-5d2a1b9f3e22';
const CLO = 'c3d4e5f6-a7b8-4c9d-8e0f-112233445566';
const DAN = '9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c33';

function read(html: string, url = 'https://www.snapchat.com/web') {
  const doc = new JSDOM(html, { url }).window.document;
  return { result: snapchat.read(doc, new URL(url), NOW), composer: snapchat.composer(doc), doc };
}

// Row shaped after G: status span holds the words only; time outside it; extras after the time.
function row(uuid: string, name: string, status: string, iso: string, opts: { streak?: string; badge?: string; wrap?: boolean } = {}) {
  const words = opts.wrap ? `<span class="NPyTE">${status}</span>` : status;
  return `<div role="listitem" class="O4POs"><div role="button" tabindex="0" aria-labelledby="title-${uuid} status-${uuid}">
  <div class="LNwMF"><img role="presentation" alt="" src="https://cf-st.sc-cdn.net/3d/render/x?trim=circle">${opts.badge ? `<span>${opts.badge}</span>` : ''}</div>
  <div><span id="title-${uuid}" class="mYSR9 nonIntl">${name}</span>
  <div class="ovUsZ"><span id="status-${uuid}">${words}</span><span aria-hidden="true">·</span><time datetime="${iso}">1h</time>${opts.streak ? `<span>${opts.streak}</span>` : ''}</div></div></div></div>`;
}

const page = (rows: string, right = '') => `<!DOCTYPE html><html><head><title>(1) Snapchat</title></head><body><div id="root">
<nav><input type="search" role="searchbox" aria-label="Search" placeholder="Search">
<div role="list" aria-label="Friends Feed" class="ReactVirtualized__Grid ReactVirtualized__List"><div class="ReactVirtualized__Grid__innerScrollContainer">${rows}</div></div></nav>
<main>${right}</main></div><div id="portal-container"></div></body></html>`;

const COMPOSER = '<div><button title="Send a Snap"></button><div><div role="textbox" contenteditable="true" placeholder="Send a chat"></div></div></div>';

// Conversation after G: ul#cv- > li (date | group | notice); group: div > ul > li; header = name + <time datetime>.
// The visible text of the header time ("2:05 PM") is ASSUMED (G only says the header holds an ISO time).
const conversation = (uuid: string, other: string) => `<div><button title="Close Chat"></button>
<ul id="cv-${uuid}">
  <li><span>YOU ARE USING SNAPCHAT FOR WEB</span></li>
  <li><time>Today</time></li>
  <li><div><ul><li><header><span class="nonIntl">Me</span><time datetime="2026-03-12T14:05:00.000Z">2:05 PM</time></header><div><span dir="auto">hey, still on for 5?</span></div></li></ul></div></li>
  <li><div><ul><li><header><span class="nonIntl">${other}</span><time datetime="2026-03-12T14:07:00.000Z">2:07 PM</time></header><div><span dir="auto">yes!</span></div></li></ul></div></li>
</ul><div></div></div>`;

describe('open conversation name (G markup)', () => {
  it('row of the open chat rendered: name from #title-<uuid>', () => {
    const { result } = read(page(row(BEN, 'Ben 🏄', 'Received', '2026-03-12T14:07:00Z'), conversation(BEN, 'Ben 🏄') + COMPOSER), `https://www.snapchat.com/web/${BEN}`);
    expect(result.active?.name).toBe('Ben 🏄');
  });

  it('row scrolled out of the virtualized feed: header fallback must drop the header <time> and skip "Me"', () => {
    // Only ~20 rows are rendered; Ben's row is not among them.
    const { result } = read(page(row(ANA, 'Ana López', 'Opened', '2026-03-12T14:00:00Z'), conversation(BEN, 'Ben 🏄') + COMPOSER), `https://www.snapchat.com/web/${BEN}`);
    expect(result.active?.name).toBe('Ben 🏄');
  });

  it('same, first group is theirs: the name must not carry the time', () => {
    const html = page(row(ANA, 'Ana López', 'Opened', '2026-03-12T14:00:00Z'),
      `<ul id="cv-${BEN}"><li><div><ul><li><header><span class="nonIntl">Ben 🏄</span><time datetime="2026-03-12T14:07:00.000Z">2:07 PM</time></header><div><span dir="auto">yo</span></div></li></ul></div></li></ul>` + COMPOSER);
    const { result } = read(html, `https://www.snapchat.com/web/${BEN}`);
    expect(result.active?.name).toBe('Ben 🏄');
  });
});

describe('row status words (S, R, G)', () => {
  it('"2 New Snaps" (count first, S pattern) with no extra wrapper is unread', () => {
    const { result } = read(page(
      row(ANA, 'Ana López', '2 New Snaps', '2026-03-12T14:50:00Z') +
      row(BEN, 'Ben 🏄', 'Received', '2026-03-12T14:00:00Z') +
      row(CLO, 'Chloé', 'Opened', '2026-03-12T12:00:00Z')));
    expect(result.threads.map((t) => [t.name, t.unread, t.lastFromMe])).toEqual([
      ['Ana López', true, false],
      ['Ben 🏄', false, false],
      ['Chloé', false, true],
    ]);
  });

  it('"2 New Snaps" with the unread wrapper (structure as the project assumes)', () => {
    const { result } = read(page(
      row(ANA, 'Ana López', '2 New Snaps', '2026-03-12T14:50:00Z', { wrap: true }) +
      row(BEN, 'Ben 🏄', 'Received', '2026-03-12T14:00:00Z')));
    expect(result.threads[0]!.unread).toBe(true);
    expect(result.threads[0]!.lastFromMe).toBe(false);
  });

  it('"New Chats and Snaps" / "New Snap on mobile" (R) are unread', () => {
    const { result } = read(page(
      row(ANA, 'Ana López', 'New Chats and Snaps', '2026-03-12T14:50:00Z') +
      row(BEN, 'Ben 🏄', 'New Snap on mobile', '2026-03-12T14:00:00Z')));
    expect(result.threads.map((t) => t.unread)).toEqual([true, true]);
  });

  it('"Say hi!" / "You are now friends" / "Call Active" are not unread, last sender unknown', () => {
    const { result } = read(page(
      row(ANA, 'Ana López', 'Say hi!', '2026-03-12T14:50:00Z') +
      row(BEN, 'Ben 🏄', 'You are now friends', '2026-03-12T14:00:00Z') +
      row(CLO, 'Chloé', 'Call Active', '2026-03-12T13:00:00Z') +
      row(DAN, 'Dan', 'New Chat', '2026-03-12T12:00:00Z')));
    expect(result.threads.map((t) => [t.unread, t.lastFromMe])).toEqual([
      [false, undefined], [false, undefined], [false, undefined], [true, false],
    ]);
  });

  it('streak after the time ("941 🔥") and friend-emoji badge on the avatar stay out of name/status', () => {
    const { result } = read(page(
      row(ANA, 'Ana López', 'Received', '2026-03-12T14:50:00Z', { streak: '941 🔥', badge: '💛' }) +
      row(BEN, 'Ben 🏄', 'New Snap', '2026-03-12T14:00:00Z', { streak: '12 🔥' })));
    expect(result.threads.map((t) => [t.id, t.name, t.unread, t.lastFromMe, t.time])).toEqual([
      [ANA, 'Ana López', false, false, Date.parse('2026-03-12T14:50:00Z')],
      [BEN, 'Ben 🏄', true, false, Date.parse('2026-03-12T14:00:00Z')],
    ]);
  });
});

describe('composer vs caption / search (G)', () => {
  it('chat open + snap preview caption open: composer is the chat editor', () => {
    const html = page(row(BEN, 'Ben 🏄', 'Received', '2026-03-12T14:07:00Z'), conversation(BEN, 'Ben 🏄') + COMPOSER)
      .replace('<div id="portal-container"></div>', '<div id="portal-container"><div id="snap-preview-container"><textarea aria-label="Caption Input"></textarea></div></div>');
    const { composer } = read(html, `https://www.snapchat.com/web/${BEN}`);
    expect(composer?.getAttribute('placeholder')).toBe('Send a chat');
  });

  it('no chat open, camera preview with caption (no placeholder, as G shows it): no composer', () => {
    const html = page(row(BEN, 'Ben 🏄', 'Received', '2026-03-12T14:07:00Z'))
      .replace('<div id="portal-container"></div>', '<div id="portal-container"><div id="snap-preview-container"><textarea aria-label="Caption Input"></textarea></div></div>');
    expect(read(html).composer).toBeNull();
  });

  it('a caption with a placeholder (assumed: none is seen in public code) is no composer either', () => {
    const html = page(row(BEN, 'Ben 🏄', 'Received', '2026-03-12T14:07:00Z'))
      .replace('<div id="portal-container"></div>', '<div id="portal-container"><div id="snap-preview-container"><textarea aria-label="Caption Input" placeholder="Add a caption"></textarea></div></div>');
    expect(read(html).composer).toBeNull();
  });

  it('search box is never the composer', () => {
    expect(read(page(row(BEN, 'Ben 🏄', 'Received', '2026-03-12T14:07:00Z'))).composer).toBeNull();
  });
});
