import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { instagram } from '@/utils/platforms/instagram';
import { knownRowCounts, setKnownRows } from '@/utils/dom/read';
import { setRowMemo } from '@/utils/dom/row-memo';

/**
 * The 2026 inbox (tests/fixtures/instagram/thread-list-2026-thread.html, after a live capture of
 * August 2026): thread rows are buttons of the thread list without links. What the fixture's
 * expectation does not show on its own.
 */
const FIXTURE = readFileSync(path.resolve(__dirname, '../fixtures/instagram/thread-list-2026-thread.html'), 'utf8');
const URL_OPEN = 'https://www.instagram.com/direct/t/340282366841710300949555/';
const NOW = Date.parse('2026-06-10T15:30:00.000Z');

function read(html: string, url = URL_OPEN) {
  const doc = new JSDOM(html, { url }).window.document;
  return instagram.read(doc, new URL(url), NOW);
}

describe('Instagram thread list of 2026 (rows without links)', () => {
  it('keeps a row id when the avatar comes from another CDN host with new signed parameters', () => {
    const before = read(FIXTURE).threads.map((t) => t.id);
    const reloaded = FIXTURE.replace(/scontent-[a-z0-9-]+\.cdninstagram\.com/g, 'scontent-fra5-2.cdninstagram.com').replace(/oh=00_[A-Za-z0-9]+/g, 'oh=00_Zz9').replace(/oe=[0-9A-F]+/g, 'oe=6B000000');
    expect(reloaded).not.toBe(FIXTURE);
    expect(read(reloaded).threads.map((t) => t.id)).toEqual(before);
    expect(new Set(before).size).toBe(5);
  });

  it('takes the rail link that points at an unread thread for the counter, not for a row', () => {
    const result = read(FIXTURE);
    expect(result.threads.map((t) => t.name)).not.toContain('Messages');
    expect(result.threads.some((t) => t.id === '114591229931077')).toBe(false);
    expect(result.unreadTotal).toBe(2);
  });

  it('leaves out the own note and the buttons of the rail', () => {
    const names = read(FIXTURE).threads.map((t) => t.name);
    expect(names).not.toContain('Your note');
    expect(names).not.toContain('Search');
  });

  it('names the open thread after the pressed row when the conversation has no label', () => {
    const unlabelled = FIXTURE.replace(/aria-label="Messages in conversation with [^"]*"/, '').replace(/<a class="x1i10hfl" href="\/bich\.thuy\/"[^]*?<\/a>/g, '');
    expect(unlabelled).not.toContain('Messages in conversation with');
    expect(read(unlabelled).active?.name).toBe('👉 Bích Thuỷ 👈');
  });

  it('reads the clipped "Unread" label as the unread mark, not as the preview, without styles', () => {
    const unstyled = FIXTURE.replace(/<style>[^<]*<\/style>/, '');
    const rows = read(unstyled).threads;
    const quang = rows.find((t) => t.name === 'Quang Trọng');
    expect(quang).toMatchObject({ unread: true, snippet: 'Alo alo, còn hàng không?' });
    // Without styles, the other unread row (dot only, no label) is no longer known as unread.
    expect(rows.find((t) => t.name === 'minh.le')?.unread).toBe(false);
  });
});

describe('Instagram presence lines', () => {
  const CURRENT = readFileSync(path.resolve(__dirname, '../fixtures/instagram/current-thread.html'), 'utf8');
  const URL_CURRENT = 'https://www.instagram.com/direct/t/340282366841710300949130/';

  it('takes a presence line shown in place of the preview for no preview, in the usual languages', () => {
    expect(CURRENT).toContain('>Active 2h ago<');
    const lines = ['Active 2h ago', 'Active now', 'Activo hace 2 h', 'Activa ahora', 'Actif il y a 2 h', 'En ligne', 'Attivo 2 ore fa', 'Ativo há 2 h', 'Aktiv vor 2 Std.', 'Aktif 2 sa. önce', 'В сети 2 ч назад', 'Онлайн', 'Online'];
    for (const line of lines) {
      const acme = read(CURRENT.replace('>Active 2h ago<', `>${line}<`), URL_CURRENT).threads.find((t) => t.name === 'Acme Support');
      expect(acme, line).toBeDefined();
      expect(acme!.snippet, line).toBeUndefined();
    }
    // A message that starts with such a word is a preview.
    const message = read(CURRENT.replace('>Active 2h ago<', '>Actively looking for a collab!<'), URL_CURRENT).threads.find((t) => t.name === 'Acme Support');
    expect(message?.snippet).toBe('Actively looking for a collab!');
  });
});

describe('Instagram previews that are no message (2026)', () => {
  // tests/fixtures/instagram/thread-list-2026-summary.html: "4+ new messages" (leaves confirmed
  // live), "2 new messages" and "Typing..." (InstaDesktop's recordings of the real inbox).
  const SUMMARY = readFileSync(path.resolve(__dirname, '../fixtures/instagram/thread-list-2026-summary.html'), 'utf8');
  const INBOX = 'https://www.instagram.com/direct/inbox/';
  const CURRENT = readFileSync(path.resolve(__dirname, '../fixtures/instagram/current-thread.html'), 'utf8');
  const URL_CURRENT = 'https://www.instagram.com/direct/t/340282366841710300949128/';
  const row = (html: string, name: string, url = INBOX) => read(html, url).threads.find((t) => t.name === name);

  afterEach(() => {
    setKnownRows(true);
    setRowMemo(true);
  });

  it('reads "N new messages" as the unread count of a thread-list row, not as its snippet', () => {
    const rasyid = row(SUMMARY, 'Muhammad Fattaah Al Rasyid');
    expect(rasyid).toMatchObject({ unread: true, unreadCount: 4, time: NOW - 16 * 60_000, lastFromMe: false });
    expect(rasyid?.snippet).toBeUndefined();
    const alice = row(SUMMARY, 'Alice Tan');
    expect(alice).toMatchObject({ unread: true, unreadCount: 2, time: NOW - 60_000 });
    expect(alice?.snippet).toBeUndefined();
    // Without the English "Unread" label and the styles (bold, blue dot), the summary alone says unread.
    const unlabelled = row(SUMMARY.replace(/<style>[^<]*<\/style>/, '').replace(/>Unread</g, '><'), 'Alice Tan');
    expect(unlabelled).toMatchObject({ unread: true, unreadCount: 2 });
  });

  it('reads the summary of a linked 2023–2025 row the same on the direct and the general path', () => {
    const html = CURRENT.replace('>Is the blue one back in stock? 💙<', '>3 new messages<');
    expect(html).not.toBe(CURRENT);
    setRowMemo(false);
    knownRowCounts.direct = 0;
    const direct = read(html, URL_CURRENT);
    expect(knownRowCounts.direct).toBeGreaterThan(0);
    setKnownRows(false);
    expect(read(html, URL_CURRENT)).toEqual(direct);
    const ana = direct.threads.find((t) => t.name === 'Ana López');
    expect(ana).toMatchObject({ unread: true, unreadCount: 3, time: NOW - 3 * 3_600_000 });
    expect(ana?.snippet).toBeUndefined();
  });

  it('reads the Chinese and Japanese summaries, and keeps a message that only mentions new messages', () => {
    for (const [text, count] of [['3 則新訊息', 3], ['5 条新消息', 5], ['2件の新しいメッセージ', 2]] as const) {
      const alice = row(SUMMARY.replace('>2 new messages<', `>${text}<`), 'Alice Tan');
      expect(alice?.unreadCount, text).toBe(count);
      expect(alice?.snippet, text).toBeUndefined();
    }
    const message = row(SUMMARY.replace('>2 new messages<', '>2 new messages from the shop?<'), 'Alice Tan');
    expect(message?.snippet).toBe('2 new messages from the shop?');
  });

  it('takes the typing indicator for no snippet, and keeps a message about typing', () => {
    const dewi = row(SUMMARY, 'dewi.lestari');
    expect(dewi).toMatchObject({ unread: false });
    expect(dewi?.snippet).toBeUndefined();
    expect(row(SUMMARY, 'Bob Santoso')?.snippet).toBe('stop typing and call me');
    expect(row(SUMMARY.replace('>Typing...<', '>Typing…<'), 'dewi.lestari')?.snippet).toBeUndefined();
    // A linked row while the other types.
    const acme = row(CURRENT.replace('>Active 2h ago<', '>Typing...<'), 'Acme Support', URL_CURRENT);
    expect(acme).toBeDefined();
    expect(acme?.snippet).toBeUndefined();
  });

  // InstaDesktop's status lines of the real inbox in Chinese and Japanese (2026): whole lines only.
  it('takes Chinese and Japanese presence lines for no snippet', () => {
    const localised = SUMMARY.replace('lang="en"', 'lang="zh-TW"');
    for (const line of ['目前在線上', '目前在线', '剛剛上線', '在线', '在線上', '10分鐘前在線上', '3 小时前在线', 'オンライン中']) {
      const dewi = row(localised.replace('>Typing...<', `>${line}<`), 'dewi.lestari');
      expect(dewi, line).toBeDefined();
      expect(dewi?.snippet, line).toBeUndefined();
    }
    expect(row(localised.replace('>Typing...<', '>在线吗？<'), 'dewi.lestari')?.snippet).toBe('在线吗？');
    // The rest of such a page: the clipped "未讀" label is no snippet, "你：" is our message.
    const page = localised.replace('>2 new messages<', '>在嗎？<').replace(/>Unread</g, '>未讀<').replace('>You: stop typing and call me<', '>你：好的，明天見<');
    expect(row(page, 'Alice Tan')).toMatchObject({ unread: true, snippet: '在嗎？', lastFromMe: false });
    expect(row(page, 'Bob Santoso')).toMatchObject({ snippet: '好的，明天見', lastFromMe: true });
  });
});

describe('Instagram open conversation', () => {
  it('names the contact after the header link with text, not the avatar-only link before it', () => {
    // A localised page (the label unread) whose open thread is not the pressed row.
    const html = FIXTURE.replace('aria-label="Messages in conversation with 👉 Bích Thuỷ 👈"', 'aria-label="Tin nhắn trong cuộc trò chuyện với 👉 Bích Thuỷ 👈"').replace(' aria-pressed="true"', '');
    expect(html).not.toContain('aria-pressed="true"');
    expect(read(html).active).toMatchObject({ name: '👉 Bích Thuỷ 👈', handle: 'bich.thuy' });
  });

  it('names a titled group after its title, with no handle of a member', () => {
    const group = FIXTURE.replace('aria-label="Messages in conversation with 👉 Bích Thuỷ 👈"', 'aria-label="Messages in conversation titled Weekend crew"').replace(' aria-pressed="true"', '');
    expect(read(group).active).toEqual({ name: 'Weekend crew' });
  });

  it('takes no handle from a profile link among the messages', () => {
    // No header link; a member's avatar links to their profile inside the message list.
    const member = '<a href="/linh.tran/" role="link"><img alt="linh.tran\'s profile picture" src="https://scontent-iad3-1.cdninstagram.com/v/t51.2885-19/linh_n.jpg"></a>';
    const html = FIXTURE.replace(/<a class="x1i10hfl" href="\/bich\.thuy\/"[^]*?<\/a>/g, '').replace('<div role="row"><div role="gridcell">', `<div role="row">${member}<div role="gridcell">`);
    expect(html).toContain('/linh.tran/');
    const active = read(html).active;
    expect(active?.name).toBe('👉 Bích Thuỷ 👈');
    expect(active?.handle).toBeUndefined();
  });
});

describe('instagram composer', () => {
  const doc = (body: string, url = 'https://www.instagram.com/') => new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`, { url }).window.document;
  const POST = '<main role="main"><article><span>natgeo</span><form><textarea aria-label="Add a comment…" placeholder="Add a comment…"></textarea></form></article></main>';
  const LEXICAL_POST = '<main role="main"><article><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Kommentar hinzufügen …"><p><br></p></div></article></main>';
  const PHOTO_VIEWER = '<div role="dialog"><textarea aria-label="Ajouter un commentaire…" placeholder="Ajouter un commentaire…"></textarea></div>';
  const DM = '<div role="dialog" aria-label="Messages"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Message"><p><br></p></div></div>';

  it.each([
    ['a post of the feed (textarea)', POST],
    ['a post of the feed (Lexical, German)', LEXICAL_POST],
    ["a photo viewer's comment box (French)", PHOTO_VIEWER],
  ])('never takes the comment box of %s', (_, body) => {
    expect(instagram.composer(doc(body))).toBeNull();
  });

  it('takes the message box inside an article-like region on a DM page', () => {
    const box = '<main><article><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Message"><p><br></p></div></article></main>';
    expect(instagram.composer(doc(box, 'https://www.instagram.com/direct/t/123/'))?.getAttribute('aria-label')).toBe('Message');
  });

  it('takes the message box of the chat panel open over the feed', () => {
    expect(instagram.composer(doc(POST + LEXICAL_POST + DM))?.getAttribute('aria-label')).toBe('Message');
  });
});

