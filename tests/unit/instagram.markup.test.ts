import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { instagram } from '@/utils/platforms/instagram';

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

