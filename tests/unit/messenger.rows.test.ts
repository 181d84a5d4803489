import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { messenger } from '@/utils/platforms/messenger';

/**
 * Messenger's thread rows as 2023–2026 builds render them: the hidden "Unread message:" label
 * against a last message that ends with a colon, emoji images each in a span of their own, and
 * the "More options for <name>" button of every row against the muted bell.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures/messenger');
const NOW = Date.parse('2026-06-10T15:30:00Z');

function read(url: string, body: string) {
  const html = `<!DOCTYPE html><html lang="en"><head><title>Messenger | Facebook</title></head><body>
<div role="navigation" aria-label="Thread list"><div aria-label="Chats" role="grid">${body}</div></div></body></html>`;
  return messenger.read(new JSDOM(html, { url }).window.document, new URL(url), NOW).threads;
}

// An emoji image as facebook.com / messenger.com render it in a preview: in a span of its own.
const emoji = (alt: string) =>
  `<span class="html-span"><img alt="${alt}" height="16" width="16" src="https://static.xx.fbcdn.net/images/emoji.php/v9/t4c/1/16/x.png"></span>`;

// A row of the thread grid (facebook.com/messages 2024–2026), see the fixtures.
function row(id: number, name: string, preview: string, { unread = false, after = '' } = {}) {
  const label = unread ? '<span class="xzpqnlu">Unread message:</span> ' : '';
  return `<div role="row"><div role="gridcell"><div class="x78zum5 xdt5ytf">
<a aria-current="false" href="/messages/t/${id}/" role="link" tabindex="0"><div class="x9f619 x78zum5"><div class="x1rg5ohu"><img alt="" src="https://scontent.xx.fbcdn.net/v/${id}.jpg"></div>
<div class="x9f619 x1iyjqo2"><div class="x78zum5"><span class="x1lliihq" dir="auto"><span class="x1lliihq">${name}</span></span></div>
<div class="x78zum5"><span class="x1lliihq" dir="auto">${label}${preview}</span><span aria-hidden="true">·</span><span><abbr aria-label="5 minutes ago"><span>5m</span></abbr></span></div></div></div></a>
${after}</div></div></div>`;
}
const more = (name: string) => `<div aria-haspopup="menu" aria-label="More options for ${name}" role="button" tabindex="0"></div>`;
const MARKER = '<div aria-label="Mark as read" role="button" tabindex="0"></div>';

describe('messenger rows on messenger.com (2025 fixture)', () => {
  const spec = JSON.parse(readFileSync(path.join(FIXTURES, 'messenger-com-2025-sections.json'), 'utf8')) as { url: string; now: string };
  const doc = new JSDOM(readFileSync(path.join(FIXTURES, 'messenger-com-2025-sections.html'), 'utf8'), { url: spec.url }).window.document;
  const threads = messenger.read(doc, new URL(spec.url), Date.parse(spec.now)).threads;

  it('reads each preview whole, emoji in their own spans included, "(Y)" as 👍', () => {
    expect(threads.map((t) => [t.name, t.snippet, t.lastFromMe])).toEqual([
      ['Ana López', 'Here is the address:', false],
      ['Muteb Alharbi', 'Is the 💙 one back?', false],
      ['Weekend hikers', 'Marco: 😂', false],
      ['Ben Kim', '👍', true],
      ['Commute crew', 'Lina: 👍', false],
    ]);
  });

  it('tells unread rows by their hidden label only, not by a last message ending with a colon', () => {
    expect(threads.filter((t) => t.unread).map((t) => t.name)).toEqual(['Muteb Alharbi']);
  });

  it('reads muted from the bell, not from a contact name holding "mute"', () => {
    expect(threads.filter((t) => t.muted).map((t) => t.name)).toEqual(['Commute crew']);
  });
});

describe('messenger hidden "Unread message:" label', () => {
  it('is not a read row\'s last message ending with a colon, followed only by "·" and the time', () => {
    const threads = read(
      'https://www.facebook.com/messages/t/333/',
      row(111, 'Ana López', 'Here is the address:') + row(222, 'Ben Kim', 'You: Steps:') + row(333, 'Carla Ruiz', 'hola', { unread: true }),
    );
    expect(threads.map((t) => [t.name, t.snippet, t.unread])).toEqual([
      ['Ana López', 'Here is the address:', false],
      ['Ben Kim', 'Steps:', false],
      ['Carla Ruiz', 'hola', true],
    ]);
  });

  it('is not a piece ending with a colon in a row without the "Mark as read" button, where the page has one', () => {
    // "Marco:" and the sticker's text in pieces of their own: no hidden label, the button says read.
    const threads = read(
      'https://www.facebook.com/messages/t/',
      row(111, 'Weekend hikers', '<span>Marco:</span> <span>sent a sticker</span>') + row(333, 'Carla Ruiz', 'hola', { unread: true, after: MARKER }),
    );
    expect(threads.map((t) => [t.name, t.unread])).toEqual([
      ['Weekend hikers', false],
      ['Carla Ruiz', true],
    ]);
    expect(threads[0]?.snippet).toContain('Marco:');
    expect(threads[1]?.snippet).toBe('hola');
  });

  it('marks an unread row whose label is a div with the preview in the next one (messenger.com 2025)', () => {
    const html = row(1, 'Ana López', 'x').replace(
      '<span class="x1lliihq" dir="auto">x</span>',
      '<div class="xzpqnlu">Unread message:</div><div><span dir="auto">Are you there?</span></div>',
    );
    expect(read('https://www.messenger.com/t/', html.replace('/messages/t/', '/t/')).map((t) => [t.snippet, t.unread])).toEqual([['Are you there?', true]]);
  });

  it('still marks an unread row in another language, the label followed by the preview', () => {
    const html = row(1, 'Trần Minh', 'Shop còn hàng không?', { unread: true }).replace('Unread message:', 'Tin nhắn chưa đọc:');
    expect(read('https://www.facebook.com/messages/t/', html).map((t) => [t.snippet, t.unread])).toEqual([['Shop còn hàng không?', true]]);
  });
});

describe('messenger emoji images in spans of their own (facebook.com)', () => {
  it('reads the whole preview as one snippet, and the rows as read', () => {
    const threads = read(
      'https://www.facebook.com/messages/t/',
      row(111, 'Ana López', `Is the ${emoji('💙')} one back?`) +
        row(222, 'Weekend hikers', `Marco: ${emoji('😂')}`) +
        row(333, 'Ben Kim', `You: ${emoji('(Y)')}`) +
        row(444, 'Book club', `Lina: ${emoji('(Y)')}`),
    );
    expect(threads.map((t) => [t.name, t.snippet, t.unread])).toEqual([
      ['Ana López', 'Is the 💙 one back?', false],
      ['Weekend hikers', 'Marco: 😂', false],
      ['Ben Kim', '👍', false],
      ['Book club', 'Lina: 👍', false],
    ]);
  });

  it('reads a name with an emoji image in a span of its own', () => {
    const threads = read('https://www.facebook.com/messages/t/', row(9, `Family ${emoji('🏠')} chat`, 'Mum: dinner at 7'));
    expect(threads.map((t) => [t.name, t.snippet])).toEqual([['Family 🏠 chat', 'Mum: dinner at 7']]);
  });
});

describe('messenger muted rows', () => {
  it('does not take the "More options for <name>" button of a contact named with "mute", "silenci" or "stumm" for the bell', () => {
    const names = ['Muteb Alharbi', 'Grace Mutembei', 'Silencio Records', 'Jonas Stumm', 'Commute crew'];
    const threads = read(
      'https://www.facebook.com/messages/t/',
      names.map((name, i) => row(500 + i, name, 'are you free?', { unread: true, after: more(name) + MARKER })).join(''),
    );
    expect(threads.map((t) => [t.name, t.unread, t.muted ?? false])).toEqual(names.map((n) => [n, true, false]));
  });

  it('still reads the bell of such a contact', () => {
    const bell = '<svg aria-label="Notifications are muted" role="img" viewBox="0 0 16 16"></svg>';
    const threads = read('https://www.facebook.com/messages/t/', row(1, 'Jonas Stumm', 'ok', { after: bell + more('Jonas Stumm') }));
    expect(threads[0]?.muted).toBe(true);
  });
});
