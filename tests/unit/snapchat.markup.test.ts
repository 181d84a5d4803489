import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { snapchat } from '@/utils/platforms/snapchat';

/**
 * Snapchat for Web markup seen in public code in 2025–2026: a bot's reader of the message lists
 * (ul.ujRzj with id cv-<uuid>, one per conversation mounted, "find the VISIBLE one"), snap-auto's
 * ul[id^="cv-"] > li and /web/<uuid> URLs, and the status words of Snapchat's own guides.
 */
const NOW = Date.parse('2026-03-12T15:00:00Z');
const ANA = '1f0c2b7e-4d1a-4c8e-9a53-0b6f7e2d9c11';
const BEN = '7a9e3c52-18b4-4f0d-8c6e-5d2a1b9f3e22';
const CLO = 'c3d4e5f6-a7b8-4c9d-8e0f-112233445566';

function read(html: string, url = `https://www.snapchat.com/web/${BEN}`) {
  const doc = new JSDOM(html, { url }).window.document;
  return { result: snapchat.read(doc, new URL(url), NOW), composer: snapchat.composer(doc) };
}

// A feed row as in the project's current fixture (title-/status- ids, T1yt2 status, <time>).
function row(uuid: string, name: string, status: string, iso: string, unreadWrap = false) {
  const words = unreadWrap ? `<span class="T1yt2"><span class="nonIntl NPyTE">${status}</span></span>` : `<span class="T1yt2">${status}</span>`;
  return `<li role="listitem" class="O4POs"><div role="button" tabindex="0" aria-labelledby="title-${uuid} status-${uuid}" class="ReDyg eKaL7 Bnaur">
  <div class="LNwMF"><img alt="" src="https://cf-st.sc-cdn.net/3d/render/x?trim=circle"></div>
  <div class="FiLwP"><span id="title-${uuid}" class="mYSR9 FiLwP"><span class="nonIntl" dir="auto">${name}</span></span>
  <div id="status-${uuid}" class="GQKvA"><span class="yr2Cq"><svg class="NNZo6"></svg></span>${words}<span aria-hidden="true" class="fbIAm">·</span><time datetime="${iso}" class="A_ZHz"><span>1h</span></time></div></div></div></li>`;
}

const page = (rows: string, right: string) => `<!DOCTYPE html><html><head><title>(1) Snapchat</title></head><body><main><div class="Vbjsg">
<div class="Do4zz"><div class="ReactVirtualized__Grid ReactVirtualized__List"><ul role="list" aria-label="Friends Feed" class="ReactVirtualized__Grid__innerScrollContainer">${rows}</ul></div></div>
<div class="Lpxy8">${right}</div></div></main></body></html>`;

// Message list of one conversation: <ul id="cv-<uuid>" class="ujRzj"> with <li> groups headed by
// <header class="R1ne3"><span class="nonIntl">Me|Name</span></header> and text in span.ogn1z
// (a "Snapchat-Specific Bot Implementation" in public code; snap-auto plan: ul[id^="cv-"] > li).
const conversation = (uuid: string, other: string, style = '') => `<div class="XKY5G"${style}><ul id="cv-${uuid}" class="ujRzj">
  <li><header class="R1ne3"><span class="nonIntl">${other}</span></header><div class="KB4Aq"><span class="ogn1z">hey</span></div></li>
  <li><header class="R1ne3"><span class="nonIntl">Me</span></header><div class="KB4Aq"><span class="ogn1z">hi!</span></div></li></ul></div>`;

const COMPOSER = '<div class="OfSRy"><div role="textbox" contenteditable="true" class="euyIb" placeholder="Send a chat"></div></div>';

describe('Snapchat open conversation', () => {
  const ROWS =
    row(ANA, 'Ana López', 'Received', '2026-03-12T14:00:00Z') +
    row(BEN, 'Ben 🏄', 'New Chat', '2026-03-12T14:55:00Z', true) +
    row(CLO, 'Chloé', 'Opened', '2026-03-12T12:00:00Z');

  it('one conversation mounted: reads its contact', () => {
    const { result, composer } = read(page(ROWS, conversation(BEN, 'Ben 🏄') + COMPOSER));
    expect(result.active?.name).toBe('Ben 🏄');
    expect(composer).not.toBeNull();
  });

  it('a conversation opened before, still mounted and hidden before the open one: the URL names the open one', () => {
    // "Find ALL ul.ujRzj elements (there's one per conversation) … Find the VISIBLE one" (a
    // Snapchat bot); the stale one first in the page is our assumption, the worst case.
    const html = page(ROWS, conversation(ANA, 'Ana López', ' style="display:none"') + conversation(BEN, 'Ben 🏄') + COMPOSER);
    const { result } = read(html, `https://www.snapchat.com/web/${BEN}`);
    expect(result.active?.name).toBe('Ben 🏄');
  });
});

describe('Snapchat status words', () => {
  it('English New Chat / Received / Opened rows read as fixture semantics', () => {
    const { result } = read(page(
      row(ANA, 'Ana López', 'Received', '2026-03-12T14:00:00Z') +
      row(BEN, 'Ben 🏄', 'New Chat', '2026-03-12T14:55:00Z', true) +
      row(CLO, 'Chloé', 'Opened', '2026-03-12T12:00:00Z'), ''), 'https://www.snapchat.com/web');
    expect(result.threads.map((t) => [t.name, t.unread, t.lastFromMe])).toEqual([
      ['Ana López', false, false],
      ['Ben 🏄', true, false],
      ['Chloé', false, true],
    ]);
  });

  it('"Screenshot" (they took one of our chat) is our last message', () => {
    // Status list in Snapchat's guides: Delivered, Opened, Received, Screenshot, Replayed, Pending.
    const { result } = read(page(
      row(ANA, 'Ana López', 'Screenshot', '2026-03-12T14:00:00Z') +
      row(BEN, 'Ben 🏄', 'Received', '2026-03-12T14:55:00Z'), ''), 'https://www.snapchat.com/web');
    expect(result.threads[0]!.lastFromMe).toBe(true);
  });

  it('"Typing..." status (the same bot strips it as a status): other rows unaffected', () => {
    const { result } = read(page(
      row(ANA, 'Ana López', 'Typing...', '2026-03-12T14:00:00Z') +
      row(BEN, 'Ben 🏄', 'New Chat', '2026-03-12T14:55:00Z', true) +
      row(CLO, 'Chloé', 'Delivered', '2026-03-12T12:00:00Z'), ''), 'https://www.snapchat.com/web');
    expect(result.threads.map((t) => [t.name, t.unread, t.lastFromMe])).toEqual([
      ['Ana López', false, undefined],
      ['Ben 🏄', true, false],
      ['Chloé', false, true],
    ]);
  });

  it('"Pending" (ours, waiting for them to add us) is our last message', () => {
    const { result } = read(page(
      row(ANA, 'Ana López', 'Pending', '2026-03-12T14:00:00Z') +
      row(BEN, 'Ben 🏄', 'Received', '2026-03-12T14:55:00Z'), ''), 'https://www.snapchat.com/web');
    expect(result.threads[0]!.lastFromMe).toBe(true);
  });
});
