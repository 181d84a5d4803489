import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { whatsapp } from '@/utils/platforms/whatsapp';
import { inboxReadSchema, type ThreadRow } from '@/utils/platforms/contract';

/**
 * WhatsApp Web markup seen in 2025–2026 pages beyond what the fixture contract compares: unread
 * counts of badges whose aria-label has no number ("Unread", "Não lidas", "Da leggere"), chats
 * marked unread by hand (an empty badge), icons sharing the badge's cell (pinned, muted), and the
 * open chat's name in group headers (no title, a titled member list beside it, emoji as <img alt>).
 */
const URL_ = 'https://web.whatsapp.com/';
const NOW = Date.parse('2026-03-12T15:00:00.000Z');
const FIXTURES = path.resolve(__dirname, '../fixtures/whatsapp');

function read(html: string) {
  const doc = new JSDOM(html, { url: URL_ }).window.document;
  const result = whatsapp.read(doc, new URL(URL_), NOW);
  expect(inboxReadSchema.safeParse(result).success).toBe(true);
  return { doc, result };
}

function fixture(name: string) {
  return read(readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8'));
}

function byName(threads: readonly ThreadRow[], name: string): ThreadRow {
  const found = threads.find((t) => t.name === name);
  expect(found, name).toBeDefined();
  return found!;
}

/** A 2024–2026 row: `cell` is the inner HTML of its aria-colindex="1" cell (pin, mute, badge). */
function row(name: string, cell: string, i: number): string {
  return `
    <div role="listitem" style="height: 72px; transform: translateY(${i * 72}px);"><div tabindex="-1"><div tabindex="-1" role="row" aria-selected="false" class="_ak72">
      <div class="_ak8n"><img src="https://pps.whatsapp.net/v/t61.24694-24/${i}_n.jpg?ccb=11-4&amp;oe=67F2C4D1" alt="" class="_ao3e"></div>
      <div class="_ak8l">
        <div role="gridcell" aria-colindex="2" class="_ak8o"><div class="_ak8q"><span dir="auto" title="${name}" class="x1iyjqo2 _ao3e">${name}</span></div><div class="_ak8i">10:0${i % 10}</div></div>
        <div class="_ak8j"><div class="_ak8k"><span class="x78zum5" title="&#x202A;Hello ${i}&#x202C;"><span dir="ltr" class="_ao3e">Hello ${i}</span></span></div>
          <div role="gridcell" aria-colindex="1" class="_ak8i">${cell}</div></div>
      </div></div></div></div>`;
}

function page(rows: string[], header = '', lang = 'en'): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><title>WhatsApp</title></head><body><div id="app">
    <div id="side"><div id="pane-side"><div tabindex="-1" data-tab="4"><div role="grid" aria-rowcount="${rows.length}">${rows.join('')}</div></div></div></div>
    ${header ? `<div id="main"><header class="_amid">${header}</header><footer><div contenteditable="true" role="textbox" data-tab="10"><p><br></p></div></footer></div>` : ''}
  </div></body></html>`;
}

const PIN = '<span><div class="_ahlk"><span data-icon="pinned2" class="x1q15gih"><svg viewBox="0 0 20 20"></svg></span></div></span>';
const MUTE = '<span><div class="_ahlk"><span data-icon="muted" class="x1q15gih"><svg viewBox="0 0 16 15"></svg></span></div></span>';
const badge = (text: string, label?: string) =>
  `<span><div class="_ahlk"><span class="x1rg5ohu x1xaadd7 x1s688f"${label === undefined ? '' : ` aria-label="${label}"`}>${text}</span></div></span>`;

describe('whatsapp row badges without a number in their label', () => {
  it('reads the count of "Unread" / "Não lidas" / "Da leggere" / "Messaggi non letti" badges', () => {
    const en = fixture('unread-unlabelled-en').result.threads;
    expect(byName(en, 'Bruno Costa')).toMatchObject({ unread: true, unreadCount: 3 });
    const pt = fixture('unread-unlabelled-pt-br').result.threads;
    expect(byName(pt, 'Mãe')).toMatchObject({ unread: true, unreadCount: 12 });
    const it_ = fixture('unread-unlabelled-it').result.threads;
    expect(byName(it_, 'Giulia Rossi')).toMatchObject({ unread: true, unreadCount: 2 });
    expect(byName(it_, 'Marco Bianchi')).toMatchObject({ unread: true, unreadCount: 1 });
  });

  it('reads a chat marked unread by hand (empty badge) as unread without a count', () => {
    const en = byName(fixture('unread-unlabelled-en').result.threads, 'Carla Mendes');
    expect(en.unread).toBe(true);
    expect(en.unreadCount).toBeUndefined();
    const pt = byName(fixture('unread-unlabelled-pt-br').result.threads, 'Loja Ventura');
    expect(pt.unread).toBe(true);
    expect(pt.unreadCount).toBeUndefined();
    // Beside English "n unread messages" badges of other rows.
    const mixed = byName(fixture('group-header').result.threads, 'Bob Kent');
    expect(mixed.unread).toBe(true);
    expect(mixed.unreadCount).toBeUndefined();
    expect(byName(fixture('group-header').result.threads, 'Ana López').unreadCount).toBe(4);
  });

  it('keeps muted chats with a badge muted and not unread, as the labelled badges are', () => {
    const en = byName(fixture('unread-unlabelled-en').result.threads, 'Gym Buddies');
    expect(en).toMatchObject({ unread: false, muted: true });
    expect(en.unreadCount).toBeUndefined();
  });

  it('never counts pinned or muted chats without a badge (13 of them, all read)', () => {
    const cells = [PIN, MUTE, PIN + MUTE, `${PIN}<span></span><span></span>`, `<span></span>${MUTE}<span></span>`];
    const rows = Array.from({ length: 13 }, (_, i) => row(`Chat ${i}`, cells[i % cells.length]!, i));
    const { result } = read(page(rows));
    expect(result.threads).toHaveLength(13);
    expect(result.threads.filter((t) => t.unread)).toEqual([]);
  });

  it('does not take icon wrappers without data-icon, or placeholders, for a badge', () => {
    const cells = [
      // An icon whose data-icon sits below a plain wrapper span.
      '<span><div class="_ahlk"><span class="x1q15gih"><svg viewBox="0 0 20 20"></svg></span></div></span>',
      '<span><div class="_ahlk"><span class="x1q15gih"><span data-icon="pinned2"><svg></svg></span></span></div></span>',
      '<span><div class="_ahlk"><span><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></span></div></span>',
      // Empty placeholders directly in the cell, and a wrapper without its badge.
      '<span></span><span></span><span></span>',
      '<span><div class="_ahlk"></div></span>',
      // Text that is no count.
      badge('@'),
      badge('Draft'),
    ];
    const { result } = read(page(cells.map((cell, i) => row(`Chat ${i}`, cell, i))));
    expect(result.threads).toHaveLength(cells.length);
    expect(result.threads.filter((t) => t.unread).map((t) => t.name)).toEqual([]);
  });

  it('reads counts in any language, large counts, and badges next to pin and mute icons', () => {
    const rows = [
      row('A', PIN + badge('5', 'Unread'), 0),
      row('B', badge('999+', 'Non lus'), 1),
      row('C', `${PIN}<span></span>${badge('')}`, 2),
      row('D', badge('١٢', 'غير مقروءة'), 3),
      row('E', `<span></span>${MUTE}${badge('2', 'Ungelesen')}`, 4),
    ];
    const { result } = read(page(rows));
    expect(result.threads.map((t) => [t.name, t.unread, t.unreadCount])).toEqual([
      ['A', true, 5],
      ['B', true, 999],
      ['C', true, undefined],
      ['D', true, 12],
      ['E', false, undefined],
    ]);
  });

  it('reads a badge that appears in one row of a read page (a few rows parsed again)', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(`Chat ${i}`, '<span></span><span></span><span></span>', i));
    const { doc, result } = read(page(rows));
    expect(result.threads.filter((t) => t.unread)).toEqual([]);
    const cell = doc.querySelectorAll('[aria-colindex="1"]')[7]!;
    cell.lastElementChild!.innerHTML = '<div class="_ahlk"><span class="x1rg5ohu" aria-label="Unread">6</span></div>';
    const cell2 = doc.querySelectorAll('[aria-colindex="1"]')[9]!;
    cell2.lastElementChild!.innerHTML = '<div class="_ahlk"><span class="x1rg5ohu"></span></div>';
    const again = whatsapp.read(doc, new URL(URL_), NOW + 1000);
    expect(again.threads.filter((t) => t.unread).map((t) => [t.name, t.unreadCount])).toEqual([
      ['Chat 7', 6],
      ['Chat 9', undefined],
    ]);
  });
});

describe('whatsapp open chat name', () => {
  const NAME = '<span dir="auto" class="x1iyjqo2 _ao3e">Family <img alt="🏡" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="emoji"></span>';

  it('reads the group name (with its emoji) and not the member list beside it', () => {
    expect(fixture('group-header').result.active).toEqual({ name: 'Family 🏡' }); // a group: no first name
    // The member list without dir="auto".
    const header = `<div role="button"><div>${NAME}</div><div><span title="Ana, Bob, You" class="x1iyjqo2">Ana, Bob, You</span></div></div>`;
    expect(read(page([row('Family 🏡', '', 0)], header)).result.active?.name).toBe('Family 🏡');
  });

  it('tells a group by its member list without titles, and a person by a status line', () => {
    const withLine = (line: string, name = NAME) => `<div role="button"><div>${name}</div><div><span class="x1iyjqo2">${line}</span></div></div>`;
    for (const list of ['Ana, Bob, You', 'Ana, Tú', 'أنا، بوب، أنت', 'アナ、ボブ、あなた']) {
      expect(read(page([row('Family 🏡', '', 0)], withLine(list))).result.active, list).toEqual({ name: 'Family 🏡' });
    }
    const ana = '<span dir="auto">Ana López</span>';
    for (const line of ['online', 'typing…', 'last seen today at 14:02', 'last seen Mon, 14:02', 'click here for contact info']) {
      expect(read(page([row('Ana López', '', 0)], withLine(line, ana))).result.active, line).toEqual({ name: 'Ana López', firstName: 'Ana', lastName: 'López' });
    }
  });

  it('agrees with the row name of the same chat', () => {
    const { result } = fixture('group-header');
    expect(result.active?.name).toBe(result.threads[0]!.name);
  });

  it('keeps emoji in the middle and several emoji, and leaves out non-emoji images', () => {
    const img = (alt: string) => `<img alt="${alt}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="emoji">`;
    const header = `<div role="button"><img alt="profile photo" src="https://pps.whatsapp.net/x.jpg"><span dir="auto">${img('🎉')} Ana ${img('❤️')}${img('🇧🇷')} Souza<img alt="Ana's avatar" src="x.jpg"></span></div>`;
    expect(read(page([row('Ana', '', 0)], header)).result.active?.name).toBe('🎉 Ana ❤️🇧🇷 Souza');
  });

  it('still reads a titled name span (2023) and a plain one (2024–2026)', () => {
    const titled = '<div role="button"><span dir="auto" title="Dr. Priya Nair 🩺">Dr. Priya Nair <img alt="🩺" class="emoji"></span></div>';
    expect(read(page([row('x', '', 0)], titled)).result.active).toMatchObject({ name: 'Dr. Priya Nair 🩺' });
    const plain = '<div role="button"><div><span dir="auto">Ana López</span></div><div><span title="online">online</span></div></div>';
    expect(read(page([row('x', '', 0)], plain)).result.active).toEqual({ name: 'Ana López', firstName: 'Ana', lastName: 'López' });
  });

  it('reports the open conversation missing when the header has no name', () => {
    const empty = '<div role="button"><span dir="auto"></span></div>';
    const { result } = read(page([row('x', '', 0)], empty));
    expect(result.active).toBeNull();
    expect(result.missing).toContain('open conversation');
  });

  it('keeps hostile header text as text', () => {
    const hostile = '<div role="button"><span dir="auto">&lt;img src=x onerror=alert(1)&gt; <img alt="😀" class="emoji"></span></div>';
    const { doc, result } = read(page([row('x', '', 0)], hostile));
    expect(result.active?.name).toBe('<img src=x onerror=alert(1)> 😀');
    expect(doc.querySelector('[onerror]')).toBeNull();
  });
});
