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

/**
 * A group's header before its member list loads, and always in announcement groups and
 * community subgroups: WhatsApp's own header (WAWebHeader.react, 2025–2026) shows the group
 * subtitle's placeholder "click here for group info", "Only admins can send messages",
 * "Announcements" or the community's name, in a titled span where the member list goes.
 */
describe('whatsapp group header without its member list', () => {
  const header = (name: string, subtitle: string) =>
    `<div class="_amie" role="button" title="Profile details"><img src="https://pps.whatsapp.net/v/t61.24694-24/g_n.jpg" alt=""></div>
    <div class="_amie" role="button"><div class="_amif"><div class="x78zum5"><span dir="auto" class="x1iyjqo2 _ao3e">${name}</span></div></div>
    <div class="_amig">${subtitle ? `<span dir="auto" title="${subtitle}" class="x1iyjqo2 x6ikm8r x10wlt62 _ao3e">${subtitle}</span>` : ''}</div></div>`;
  // A 2024–2026 row (see the fixtures): the preview is one titled span; a group's holds the
  // sender in a span of its own ("Lena: " + the message).
  const chatRow = (name: string, preview: string, i: number, selected = false) => `
    <div role="listitem" style="height: 72px; transform: translateY(${i * 72}px);"><div tabindex="-1"><div tabindex="-1" role="row" aria-selected="${selected}" class="_ak72">
      <div class="_ak8n"><img src="https://pps.whatsapp.net/v/t61.24694-24/r${i}_n.jpg?ccb=11-4&amp;oe=67F2C4D1" alt="" class="_ao3e"></div>
      <div class="_ak8l">
        <div role="gridcell" aria-colindex="2" class="_ak8o"><div class="_ak8q"><span dir="auto" title="${name}" class="x1iyjqo2 _ao3e">${name}</span></div><div class="_ak8i">10:0${i}</div></div>
        <div class="_ak8j"><div class="_ak8k">${preview}</div><div role="gridcell" aria-colindex="1" class="_ak8i"><span></span><span></span><span></span></div></div>
      </div></div></div></div>`;
  const said = (sender: string, text: string) =>
    `<span class="x78zum5 x1cy8zhl" title="&#x202A;${sender}: ${text}&#x202C;"><span dir="auto" class="_ao3e">${sender}: </span><span dir="ltr" class="_ao3e">${text}</span></span>`;
  const plain = (text: string) => `<span class="x78zum5 x1cy8zhl" title="&#x202A;${text}&#x202C;"><span dir="ltr" class="_ao3e">${text}</span></span>`;
  const active = (rows: string[], head: string) => read(page(rows, head)).result.active;

  it.each(['click here for group info', 'Only admins can send messages', 'Announcements', 'Ana is typing…', 'Ana and Bob are typing…', 'Ana is recording audio…'])(
    'reads a group whose subtitle is "%s" with no first name',
    (subtitle) => {
      expect(active([chatRow('Chat', plain('Hello'), 0)], header('Weekend hikers', subtitle))).toEqual({ name: 'Weekend hikers' });
    },
  );

  it('reads the same subtitle as untitled text', () => {
    const untitled = header('Weekend hikers', '').replace('<div class="_amig"></div>', '<div class="_amig"><span class="x1iyjqo2">click here for group info</span></div>');
    expect(untitled).toContain('click here for group info');
    expect(active([], untitled)).toEqual({ name: 'Weekend hikers' });
  });

  it.each(['online', 'typing…', 'recording audio…', 'last seen today at 14:02', 'click here for contact info', ''])('keeps a person with the subtitle "%s"', (subtitle) => {
    expect(active([chatRow('Ana López', plain('See you'), 0, true)], header('Ana López', subtitle))).toEqual({ name: 'Ana López', firstName: 'Ana', lastName: 'López' });
  });

  it('tells a group by its row: a preview with someone else\'s name before the message (any language)', () => {
    // A community subgroup: its subtitle is the community's name, which no string tells.
    const rows = [chatRow('Ana López', plain('Hi'), 0), chatRow('Weekend hikers', said('Lena', 'see you at 9'), 1, true)];
    expect(active(rows, header('Weekend hikers', 'Riverside Parents'))).toEqual({ name: 'Weekend hikers' });
    // Without aria-selected: the row of that name.
    expect(active(rows.map((r) => r.replace('aria-selected="true"', 'aria-selected="false"')), header('Weekend hikers', ''))).toEqual({ name: 'Weekend hikers' });
    // The sender and ": " in spans of their own.
    const split = `<span class="x78zum5" title="&#x202A;Síndico: reunião na quinta&#x202C;"><span dir="auto">Síndico</span><span>:&nbsp;</span><span dir="ltr">reunião na quinta</span></span>`;
    expect(active([chatRow('Condomínio Flores', split, 0, true)], header('Condomínio Flores', 'Riverside Parents'))).toEqual({ name: 'Condomínio Flores' });
  });

  it('keeps a person whose own message has a colon, or whose row says "You: "', () => {
    const rows = [chatRow('Ana López', plain('Reminder: check-up on the 20th'), 0, true)];
    expect(active(rows, header('Ana López', 'online'))).toMatchObject({ firstName: 'Ana' });
    expect(active([chatRow('Ana López', said('You', 'see you'), 0, true)], header('Ana López', ''))).toMatchObject({ firstName: 'Ana' });
    expect(active([chatRow('Ana López', said('Draft', 'see you'), 0, true)], header('Ana López', ''))).toMatchObject({ firstName: 'Ana' });
    // Another chat's group preview says nothing about the open one.
    expect(active([chatRow('Weekend hikers', said('Lena', 'hi'), 0), chatRow('Ana López', plain('ok'), 1, true)], header('Ana López', 'online'))).toMatchObject({ firstName: 'Ana' });
  });
});

/**
 * 2025–2026 rows with test ids back in the chat list (ZapLite, pt-BR, Aug 2026; Italian catalogue of
 * WhatsApp Business web, Jul–Aug 2026): time in cell-frame-primary-detail, cell-frame-secondary is
 * the preview line (last-msg-status, then the bell and the badge), the bell is
 * mute-notifications-refreshed, and icons are svgs named by their <title> (no data-icon).
 */
describe('whatsapp 2025–2026 rows with test ids', () => {
  const NOW_2026 = Date.parse('2026-08-07T18:00:00.000Z');
  // Icons are svgs named by their <title>; `''` draws one without (as 2022–2024 data-icon spans hold).
  const svg = (title: string) => `<svg viewBox="0 0 24 24" height="20" width="20" preserveAspectRatio="xMidYMid meet" fill="none">${title ? `<title>${title}</title>` : ''}<path d="M0 0h24v24H0z"></path></svg>`;
  const BELL = (label = 'Muted chat', title = 'ic-notifications-off') => `<span><div data-testid="mute-notifications-refreshed" aria-label="${label}" class="x1c4vz4f">${svg(title)}</div></span>`;
  const COUNT = (n: number, label = `${n} unread message${n === 1 ? '' : 's'}`) =>
    `<span><div class="_ahlk"><span data-testid="icon-unread-count" aria-label="${label}" class="x1rg5ohu x1xaadd7 x1s688f">${n}</span></div></span>`;
  const TICK = (name: string) => `<div class="x1c4vz4f xs83m0k"><span aria-label=" Read " class="x1rg5ohu">${svg(name)}</span></div>`;

  interface Spec {
    name: string;
    time: string;
    preview: string;
    i: number;
    tick?: string;
    marks?: string;
    titled?: boolean;
    colindex?: boolean;
    avatar?: string;
  }
  function row2026({ name, time, preview, i, tick = '', marks = '', titled = true, colindex = true, avatar }: Spec): string {
    const cell = (n: number) => (colindex ? ` role="gridcell" aria-colindex="${n}"` : '');
    const title = titled ? ` title="&#x202A;${preview}&#x202C;"` : '';
    return `
    <div class="x10l6tqk xh8yej3 x1g42fcv" style="z-index: ${50 - i}; height: 72px; transform: translateY(${i * 72}px);">
      <div tabindex="-1" role="row" aria-selected="false" class="x1n2onr6"><div data-testid="cell-frame-container" class="_ak72 _ak73">
        <div class="_ak8n"><div class="x1n2onr6">${avatar ?? `<img src="https://pps.whatsapp.net/v/t61.24694-24/${i}00_n.jpg?ccb=11-4&amp;oe=68B2C4D1" alt="" class="x1n2onr6 _ao3e">`}</div></div>
        <div class="_ak8l">
          <div${cell(2)} class="_ak8o"><div data-testid="cell-frame-title" class="_ak8q"><span dir="auto" title="${name}" class="x1iyjqo2 _ao3e">${name}</span></div><div data-testid="cell-frame-primary-detail" class="_ak8i"><span class="x1rg5ohu">${time}</span></div></div>
          <div data-testid="cell-frame-secondary" class="_ak8j"><div class="_ak8k"><span data-testid="last-msg-status" class="x78zum5 x1cy8zhl"${title}>${tick}<span dir="ltr" class="_ao3e">${preview}</span></span></div>
            <div${cell(1)} class="xhslqc4 x193iq5w">${marks || '<span></span>'}<span></span><span></span></div></div>
        </div></div></div>
    </div>`;
  }
  function page2026(rows: string[], lang = 'en', before = ''): string {
    return `<!DOCTYPE html><html lang="${lang}"><head><title>WhatsApp</title></head><body><div id="app">
      <div id="side"><div id="pane-side" tabindex="-1">${before}<div tabindex="-1" data-tab="4"><div aria-label="Chat list" role="grid" aria-rowcount="${rows.length}" data-testid="chat-list">${rows.join('')}</div></div></div></div>
    </div></body></html>`;
  }
  const read2026 = (html: string) => {
    const doc = new JSDOM(html, { url: URL_ }).window.document;
    const result = whatsapp.read(doc, new URL(URL_), NOW_2026);
    expect(inboxReadSchema.safeParse(result).success).toBe(true);
    return result.threads;
  };
  // The fixture, read at its own clock (testids-2026-pt-br.json).
  const measured = () => read2026(readFileSync(path.join(FIXTURES, 'testids-2026-pt-br.html'), 'utf8'));

  it('reads the mute bell (test id, data-icon or svg title alone) as muted, its count not unread', () => {
    const condo = byName(measured(), 'Condomínio Vista Verde');
    expect(condo).toMatchObject({ unread: false, muted: true });
    expect(condo.unreadCount).toBeUndefined();
    expect(byName(measured(), 'Marcelo Souza')).toMatchObject({ unread: true, unreadCount: 1 });

    const bells = [
      BELL('Conversa silenciada'),
      // The same icon with data-icon (as the 2025–2026 menus draw it), and the svg without either.
      `<span><div class="_ahlk"><span aria-hidden="true" data-icon="mute-notifications-refreshed">${svg('')}</span></div></span>`,
      `<span><div class="_ahlk"><span aria-hidden="true">${svg('ic-notifications-off')}</span></div></span>`,
    ];
    const rows = bells.map((bell, i) => row2026({ name: `Muted ${i}`, time: '16:35', preview: 'Reunião amanhã', marks: bell + COUNT(7), i }));
    // Without aria-colindex cells (test ids only).
    rows.push(row2026({ name: 'Muted 3', time: '11:00', preview: 'Promo', marks: BELL('Muted chat', '') + COUNT(9), i: 3, colindex: false }));
    rows.push(row2026({ name: 'Ben Okafor', time: '11:20', preview: 'Did the invoice go out?', marks: COUNT(3), i: 4, colindex: false }));
    // A pending mention takes the bell's place in a muted group: WhatsApp shows it as unread.
    const mention = `<span><div data-testid="icon-mentions" aria-label="Mention">${svg('ic-alternate-email')}</div></span>`;
    rows.push(row2026({ name: 'Familia', time: '10:00', preview: 'Ana: @You look', marks: mention + COUNT(1), i: 5 }));
    const threads = read2026(page2026(rows));
    expect(threads.map((t) => [t.name, t.unread, t.unreadCount, t.muted])).toEqual([
      ['Muted 0', false, undefined, true],
      ['Muted 1', false, undefined, true],
      ['Muted 2', false, undefined, true],
      ['Muted 3', false, undefined, true],
      ['Ben Okafor', true, 3, undefined],
      ['Familia', true, 1, undefined],
    ]);
  });

  it('takes the time from the name line (cell-frame-primary-detail), never from the preview line', () => {
    const times = measured().map((t) => [t.name, t.time === undefined ? undefined : new Date(t.time).toISOString()]);
    expect(times).toEqual([
      ['Condomínio Vista Verde', '2026-08-07T16:35:00.000Z'],
      ['Marcelo Souza', '2026-08-07T16:20:00.000Z'],
      ['Ana Ribeiro', '2026-08-07T15:02:00.000Z'],
      ['Família 🏡', '2026-08-07T14:48:00.000Z'],
      ['+55 19 99594-7333', '2026-08-06T00:00:00.000Z'], // "Ontem"
      ['Loja Ventura', '2026-08-05T00:00:00.000Z'], // its preview is "10:30"
      ['Carla Mendes', '2026-08-03T00:00:00.000Z'],
    ]);
    // A preview that looks like a time, titled or not, is no time.
    for (const titled of [true, false]) {
      const [ana] = read2026(page2026([row2026({ name: 'Ana', time: '09:15', preview: '10:30', i: 0, titled })]));
      expect(ana!.time, String(titled)).toBe(Date.parse('2026-08-07T09:15:00.000Z'));
      expect(ana!.snippet, String(titled)).toBe('10:30');
    }
    // Without the time's test id: the time beside the name, never the preview line's text.
    const bare = row2026({ name: 'Ana', time: '09:15', preview: '10:30', i: 0, marks: COUNT(2) }).replace(' data-testid="cell-frame-primary-detail"', '');
    expect(read2026(page2026([bare]))[0]!.time).toBe(Date.parse('2026-08-07T09:15:00.000Z'));
    // With the two test ids swapped (as one scraper's notes have them): still the time, not the preview.
    const swapped = row2026({ name: 'Ana', time: '09:15', preview: '10:30', i: 0 })
      .replace('data-testid="cell-frame-primary-detail"', 'data-testid="x"')
      .replace('data-testid="cell-frame-secondary"', 'data-testid="cell-frame-primary-detail"')
      .replace('data-testid="x"', 'data-testid="cell-frame-secondary"');
    expect(read2026(page2026([swapped]))[0]).toMatchObject({ time: Date.parse('2026-08-07T09:15:00.000Z'), snippet: '10:30' });
    // Until 2023 cell-frame-secondary held the time itself, and still reads.
    expect(fixture('older-2022').result.threads.map((t) => t.time)).toEqual([1772755200000, 1773314400000, 1773187200000]);
  });

  it('reads a preview without a title as the preview, not the time or an icon name', () => {
    const threads = measured();
    expect(byName(threads, '+55 19 99594-7333').snippet).toBe('Bom dia, ainda tem disponível?');
    expect(byName(threads, 'Carla Mendes').snippet).toBe('A caminho');
    expect(byName(threads, 'Família 🏡').snippet).toBe('Chego às 8');
    for (const t of threads) expect(`${t.name} ${t.snippet}`).not.toMatch(/wds-ic|ic-notifications|default-contact/);
    // An empty title: the preview's text, without the tick's svg title ("wds-ic-readOn my way").
    const empty = row2026({ name: 'Carla', time: '09:10', preview: 'On my way', i: 0, tick: TICK('wds-ic-read') }).replace(/ title="&#x202A;[^"]*"/, ' title=""');
    expect(read2026(page2026([empty]))[0]).toMatchObject({ snippet: 'On my way', lastFromMe: true });
  });

  it('tells our last message by its ticks named wds-ic-* (svg title or data-icon), not by other icons', () => {
    const threads = measured();
    expect(threads.map((t) => [t.name, t.lastFromMe])).toEqual([
      ['Condomínio Vista Verde', false],
      ['Marcelo Souza', false],
      ['Ana Ribeiro', true], // wds-ic-read
      ['Família 🏡', true], // wds-ic-delivered (and "Você: ")
      ['+55 19 99594-7333', false],
      ['Loja Ventura', false],
      ['Carla Mendes', true], // wds-ic-read, preview without a title
    ]);
    const rows = [
      row2026({ name: 'Sent', time: '09:15', preview: 'Perfect', i: 0, tick: `<span data-icon="wds-ic-delivered">${svg('')}</span>` }),
      row2026({ name: 'Pending', time: '09:14', preview: 'On my way', i: 1, tick: TICK('wds-ic-pending') }),
      // Media and disappearing-message icons are both sides'.
      row2026({ name: 'Photo', time: '09:13', preview: 'Photo', i: 2, tick: `<span data-testid="chat-msg-symbol">${svg('wds-ic-image')}</span>` }),
      row2026({ name: 'Timer', time: '09:12', preview: 'Ok', i: 3, tick: TICK('wds-ic-disappearing-messages') }),
      row2026({ name: 'Plain', time: '09:11', preview: 'Ok thanks', i: 4 }),
    ];
    expect(read2026(page2026(rows)).map((t) => [t.name, t.lastFromMe])).toEqual([
      ['Sent', true],
      ['Pending', true],
      ['Photo', false],
      ['Timer', false],
      ['Plain', false],
    ]);
  });

  it('drops the section headers of search results, and keeps chats without a photo', () => {
    // Italian catalogue: section headers ("Chat", "Gruppi in comune") are [role=row] like chats.
    // Their inner markup is not known: a row of text alone.
    const header = (text: string, i: number) =>
      `<div class="x10l6tqk" style="transform: translateY(${i * 72}px);"><div tabindex="-1" role="row" aria-selected="false"><div class="x1n2onr6"><div class="xpilrb4">${text}</div></div></div></div>`;
    const noPhoto = `<span aria-hidden="true" data-icon="default-contact-refreshed">${svg('default-contact-refreshed')}</span>`;
    const rows = [
      header('Chats', 0),
      row2026({ name: 'Ana López', time: '09:15', preview: 'hi', i: 1 }),
      row2026({ name: '+55 19 99594-7333', time: '09:10', preview: 'Bom dia', i: 2, avatar: noPhoto, titled: false }),
      header('Groups in common', 3),
      row2026({ name: 'Family', time: '08:00', preview: 'Dad: hi', i: 4 }),
    ];
    const doc = new JSDOM(page2026(rows), { url: URL_ }).window.document;
    expect(whatsapp.read(doc, new URL(URL_), NOW_2026).threads.map((t) => t.name)).toEqual(['Ana López', '+55 19 99594-7333', 'Family']);
    // The same rows without any title attribute.
    doc.querySelectorAll('[title]').forEach((el) => el.removeAttribute('title'));
    expect(whatsapp.read(doc, new URL(URL_), NOW_2026 + 1000).threads.map((t) => t.name)).toEqual(['Ana López', '+55 19 99594-7333', 'Family']);
  });
});
