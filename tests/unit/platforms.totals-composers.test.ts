import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { instagram } from '@/utils/platforms/instagram';
import { messenger } from '@/utils/platforms/messenger';
import { x } from '@/utils/platforms/x';
import { linkedin } from '@/utils/platforms/linkedin';
import { tiktok } from '@/utils/platforms/tiktok';
import { whatsapp } from '@/utils/platforms/whatsapp';
import type { PlatformAdapter } from '@/utils/platforms/contract';

/**
 * The toolbar badge's number and the composer replies go into, on markup public code of 2023–2026
 * shows: unread counters that are not the messages' (X's and TikTok's titles count notifications
 * too), localised top-bar buttons, and editors that are no message composer (the post box, a
 * caption, a story reply, a comment box in more languages, a minimised bubble's draft).
 */
const NOW = Date.parse('2026-06-10T15:30:00.000Z');
const page = (body: string, url: string, title = '') =>
  new JSDOM(`<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`, { url }).window.document;
function totals(adapter: PlatformAdapter, url: string, title: string, body: string) {
  const doc = page(body, url, title);
  return { total: adapter.total(doc), read: adapter.read(doc, new URL(url), NOW).unreadTotal };
}

describe('unread totals', () => {
  // X's badge_count has dm_unread_count and ntab_unread_count apart; the title shows their sum
  // ("(12) Home / X" is notifications to one userscript). The DM badge is hidden at zero.
  const X_NAV = (dm: string, notifications: string) => `<header role="banner"><nav role="navigation">
    <a href="/notifications" data-testid="AppTabBar_Notifications_Link" aria-label="Notifications" role="link"><div><svg></svg>${notifications}</div></a>
    <a href="/messages" data-testid="AppTabBar_DirectMessage_Link" aria-label="Direct Messages" role="link"><div><svg></svg>${dm}</div></a>
    </nav></header><main role="main"></main>`;
  const FIVE = '<div aria-label="5 unread items"><span>5</span></div>';

  it('X: with the messages link and no badge, nothing is unread whatever the title counts', () => {
    expect(totals(x, 'https://x.com/home', '(5) Home / X', X_NAV('', FIVE))).toEqual({ total: 0, read: 0 });
    expect(totals(x, 'https://x.com/home', '(7) Home / X', X_NAV('<div aria-label="2 unread items"><span>2</span></div>', FIVE))).toEqual({ total: 2, read: 2 });
    // No nav at all (a page still loading): the title is all there is.
    expect(totals(x, 'https://x.com/messages', '(3) Messages / X', '<main></main>')).toEqual({ total: 3, read: 3 });
  });

  it('TikTok: with the messages icon and no badge, nothing is unread whatever the title counts', () => {
    const header = (badge: string) =>
      `<div id="app-header"><div data-e2e="inbox-icon"><sup>3</sup></div><div data-e2e="top-dm-icon" class="css-9j9jz0-DivMessageIconContainer"><a aria-label="Open messages" href="/messages?lang=en"><svg></svg></a>${badge}</div></div>`;
    expect(totals(tiktok, 'https://www.tiktok.com/foryou', '(3) For You | TikTok', header(''))).toEqual({ total: 0, read: 0 });
    expect(totals(tiktok, 'https://www.tiktok.com/foryou', '(3) For You | TikTok', header('<sup>2</sup>'))).toEqual({ total: 2, read: 2 });
  });

  it("Messenger on facebook.com: the top bar's link to /messages counts in any language", () => {
    // A Vietnamese extension (2025–26) finds the button as a[aria-label="Tin nhắn"]; a preset checked
    // live in October 2026 as [role="banner"] a[href^="/messages"] with "Messenger, 1 unread".
    const banner = (label: string, badge = '') =>
      `<div role="banner"><div aria-label="Thông báo, 3 chưa đọc" role="button"></div><a aria-label="${label}" href="/messages/t/" role="link"><svg></svg>${badge}</a></div>`;
    expect(totals(messenger, 'https://www.facebook.com/', '(4) Facebook', banner('Tin nhắn'))).toEqual({ total: 0, read: 0 });
    expect(totals(messenger, 'https://www.facebook.com/', '(4) Facebook', banner('Tin nhắn', '<span><span>2</span></span>'))).toEqual({ total: 2, read: 2 });
    expect(totals(messenger, 'https://www.facebook.com/', '(4) Facebook', banner('Messenger, 1 unread'))).toEqual({ total: 1, read: 1 });
  });

  it('a title starting with a direction mark still gives its count', () => {
    expect(totals(whatsapp, 'https://web.whatsapp.com/', '\u200f(3) WhatsApp', '').total).toBe(3);
  });
});

describe('composers', () => {
  const POST_BOX = `<div id="react-root"><main role="main"><div data-testid="primaryColumn"><div data-testid="tweetTextarea_0RichTextInputContainer"><div class="DraftEditor-root">
    <div aria-label="Post text" class="notranslate public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0" role="textbox"><div data-contents="true"></div></div>
    </div></div><button data-testid="tweetButtonInline" aria-disabled="true">Post</button></div></main></div>`;

  it("X: the post box (Draft.js, tweetTextarea_0) is never the DM composer; the DM drawer's is", () => {
    expect(x.composer(page(POST_BOX, 'https://x.com/home'))).toBeNull();
    expect(x.composer(page(POST_BOX.replace('Post text', 'Post your reply'), 'https://x.com/ana/status/123'))).toBeNull();
    const modal = `<main><section aria-label="Timeline: Messages"></section></main><div role="dialog" aria-modal="true">${POST_BOX}</div>`;
    expect(x.composer(page(modal, 'https://x.com/compose/post'))).toBeNull();
    const drawer = `${POST_BOX}<div data-testid="DMDrawer"><div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true" role="textbox" aria-label="Start a new message" data-who="dm"></div></div></div>`;
    expect(x.composer(page(drawer, 'https://x.com/home'))?.getAttribute('data-who')).toBe('dm');
  });

  it("Instagram: the create-post caption and the story viewer's reply box are no composer", () => {
    // Playwright publishers of 2025–2026: div[aria-label="Write a caption..."] in the create dialog,
    // later "Add a caption..." (aria-placeholder too); a story bot: textarea[placeholder^="Reply to"].
    for (const attrs of ['role="textbox" data-lexical-editor="true" aria-label="Write a caption..."', 'role="textbox" aria-label="Add a caption..." aria-placeholder="Add a caption..."']) {
      const body = `<main role="main"></main><div role="dialog" aria-label="Create new post"><div contenteditable="true" ${attrs}><p><br></p></div><div role="button">Share</div></div>`;
      expect(instagram.composer(page(body, 'https://www.instagram.com/'))).toBeNull();
    }
    const story = `<section><div role="dialog"><header><a href="/ana.lopez/">ana.lopez</a></header><form><textarea placeholder="Reply to ana.lopez..."></textarea></form></div></section>`;
    expect(instagram.composer(page(story, 'https://www.instagram.com/stories/ana.lopez/3300000000000000000/'))).toBeNull();
    // The web DMs' textarea of 2016–2021 is still found where it was: on the DM pages.
    expect(instagram.composer(page('<main><textarea placeholder="Message..."></textarea></main>', 'https://www.instagram.com/direct/t/123/'))).not.toBeNull();
  });

  it.each(['Napište komentář…', 'Írj hozzászólást…', 'Kirjoita kommentti…', 'Tulis komen…', 'Sumulat ng komento…'])(
    'a comment box labelled "%s" is no composer',
    (label) => {
      const body = `<div role="main"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="${label}"><p><br></p></div></div>`;
      expect(messenger.composer(page(body, 'https://www.facebook.com/photo/?fbid=1234567890'))).toBeNull();
      expect(instagram.composer(page(`<div role="dialog"><textarea aria-label="${label}" placeholder="${label}"></textarea></div>`, 'https://www.instagram.com/p/C1a2b3c4d5/'))).toBeNull();
    },
  );

  it("LinkedIn: the open bubble's composer, not a minimised bubble's draft before it", () => {
    // Minimised bubbles keep their content (extensions of 2023–2026 filter them out before taking the editor).
    const bubble = (name: string, mods = '') => `<div class="msg-convo-wrapper msg-overlay-conversation-bubble ${mods}">
      <header class="msg-overlay-bubble-header"><h2 class="msg-overlay-bubble-header__title"><a href="/in/${name.toLowerCase().replace(' ', '-')}/"><span>${name}</span></a></h2></header>
      <div class="msg-s-message-list"><ul class="msg-s-message-list-content"></ul></div>
      <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox" aria-label="Write a message…" data-who="${name}"><p><br></p></div></form></div>`;
    const overlay = `<aside class="msg-overlay-container">${bubble('Jane Doe', 'msg-overlay-conversation-bubble--is-minimized')}${bubble('Ben Okafor')}</aside>`;
    const inDocument = page(`<main></main>${overlay}`, 'https://www.linkedin.com/feed/');
    expect(linkedin.read(inDocument, new URL(inDocument.URL), NOW).active?.name).toBe('Ben Okafor');
    expect(linkedin.composer(inDocument)?.getAttribute('data-who')).toBe('Ben Okafor');
    const shadowed = page('<main></main><div id="interop-outlet" data-testid="interop-shadowdom"></div>', 'https://www.linkedin.com/in/someone/');
    shadowed.getElementById('interop-outlet')!.attachShadow({ mode: 'open' }).innerHTML = overlay;
    expect(linkedin.composer(shadowed)?.getAttribute('data-who')).toBe('Ben Okafor');
  });
});
