import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { linkedin } from '@/utils/platforms/linkedin';

/**
 * LinkedIn markup the fixture contract does not compare field by field (unreadCount, snippet):
 * the row's unread-count wrapper holds the badge number and its screen-reader text with no space
 * between ("2" + "2 new messages"), and label pills ("InMail", "Sponsored") sit inside the snippet
 * paragraph (2025–2026).
 */
const FIXTURES = path.resolve(__dirname, '../fixtures/linkedin');

function readFixture(name: string) {
  const spec = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as { url: string; now: string };
  const doc = new JSDOM(readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8'), { url: spec.url }).window.document;
  return linkedin.read(doc, new URL(spec.url), Date.parse(spec.now));
}

function readHtml(rows: string) {
  const url = 'https://www.linkedin.com/messaging/';
  const html = `<!DOCTYPE html><html><head><title>Messaging | LinkedIn</title></head><body>
<ul class="msg-conversations-container__conversations-list">${rows}</ul></body></html>`;
  const doc = new JSDOM(html, { url }).window.document;
  return linkedin.read(doc, new URL(url), Date.parse('2026-03-12T15:00:00Z'));
}

function row(name: string, snippet: string, count = '') {
  return `<li class="msg-conversation-listitem"><div class="msg-conversation-card">
<a class="msg-conversation-listitem__link" href="/messaging/thread/2-${name}/">
<h3 class="msg-conversation-listitem__participant-names"><span class="truncate">${name}</span></h3>
<time class="msg-conversation-card__time-stamp">9:00 AM</time>
<p class="msg-conversation-card__message-snippet">${snippet}</p>${count}</a></div></li>`;
}

describe('linkedin row unread count', () => {
  it('reads the badge number, not the number glued to its screen-reader text', () => {
    const read = readFixture('current');
    expect(read.threads.map((t) => t.unreadCount)).toEqual([undefined, 2, 1, undefined]);
    expect(readFixture('late-2026').threads.map((t) => t.unreadCount)).toEqual([undefined, 2, undefined]);
    expect(readFixture('localised-fr').threads.map((t) => t.unreadCount)).toEqual([3, undefined, 2]);
    expect(readFixture('pill-2026').threads.map((t) => t.unreadCount)).toEqual([2, undefined, 1, undefined]);
  });

  it('falls back to the visible (aria-hidden) number, then to the wrapper text', () => {
    const read = readHtml(
      row('Ana', 'Ana: hi', '<div class="msg-conversation-card__unread-count"><span aria-hidden="true">4</span><span class="a11y-text">4 new messages</span></div>') +
        row('Ben', 'Ben: hi', '<div class="msg-conversation-card__unread-count">5 new messages</div>') +
        row('Cy', 'Cy: hi', '<div class="msg-conversation-card__unread-count"><span class="notification-badge__count" aria-hidden="true">99+</span><span class="a11y-text">99+ new messages</span></div>'),
    );
    expect(read.threads.map((t) => [t.unread, t.unreadCount])).toEqual([
      [true, 4],
      [true, 5],
      [true, 99],
    ]);
  });
});

describe('linkedin snippet pills', () => {
  it('leaves the pill out of the snippet and reads "You:" after it', () => {
    const read = readFixture('pill-2026');
    expect(read.threads.map((t) => [t.snippet, t.lastFromMe])).toEqual([
      ['Priya: Are you open to a senior role in Berlin?', false],
      ['Thanks, happy to chat next week.', true],
      ['Your free trial of Northwind Pro is waiting', false],
      ['Sent the deck 📎', true],
    ]);
  });

  it('keeps snippets without a pill, and the -snippet-body path, as before', () => {
    const read = readFixture('current');
    expect(read.threads.map((t) => t.snippet)).toEqual([
      "Sure, I'll send the brief tonight.",
      'Sam: Are you free for a call about the Q2 campaign? 📞',
      'محمد: شكرا على الرد',
      'Tom: <b>Great</b> — see you at the offsite',
    ]);
    // Markup-like text in a snippet with a pill stays text.
    const hostile = readHtml(row('Eve', '<span class="msg-conversation-card__pill">InMail</span>You: &lt;img src=x onerror=alert(1)&gt; <b>bold</b>'));
    expect(hostile.threads[0]).toMatchObject({ snippet: '<img src=x onerror=alert(1)> bold', lastFromMe: true });
  });
});

describe('LinkedIn open conversation', () => {
  const spec = JSON.parse(readFileSync(path.join(FIXTURES, 'current.json'), 'utf8')) as { url: string; now: string };
  const html = readFileSync(path.join(FIXTURES, 'current.html'), 'utf8');
  const active = (page: string) => {
    const doc = new JSDOM(page, { url: spec.url }).window.document;
    return linkedin.read(doc, new URL(spec.url), Date.parse(spec.now)).active;
  };

  it("is the thread pane's header, not a row of the list that uses the same lockup classes (a sponsored one)", () => {
    const row =
      '<li class="msg-conversation-listitem"><div class="msg-conversation-card"><a href="/in/peter-lezama/" class="msg-entity-lockup">' +
      '<h3 class="msg-entity-lockup__entity-title">Sponsored Messaging Ad</h3></a></div></li>';
    const page = html.replace(/(<ul class="list-style-none msg-conversations-container__conversations-list">)/, `$1${row}`);
    expect(page).not.toBe(html);
    expect(active(page)).toEqual(active(html));
    expect(active(page)?.name).toBe('Ana López');
  });

  it('greets no one in a sponsored conversation', () => {
    const page = html.replace('>Ana López</h2>', '>Sponsored Messaging</h2>');
    expect(page).not.toBe(html);
    expect(active(page)).toBeNull();
  });
});

describe('LinkedIn conversation bubbles outside /messaging', () => {
  const spec = JSON.parse(readFileSync(path.join(FIXTURES, 'feed.json'), 'utf8')) as { url: string; now: string };
  const feed = readFileSync(path.join(FIXTURES, 'feed.html'), 'utf8');
  const bubble = (name: string, handle: string, minimized = false) =>
    `<div class="msg-overlay-conversation-bubble${minimized ? ' msg-overlay-conversation-bubble--is-minimized' : ''}">` +
    `<header class="msg-overlay-bubble-header"><a href="/in/${handle}/" class="app-aware-link"><h2 class="msg-overlay-bubble-header__title"><span>${name}</span></h2></a></header>` +
    `<div class="msg-s-message-list"></div><form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox"><p><br></p></div></form></div>`;
  const read = (bubbles: string, focus?: number) => {
    const doc = new JSDOM(feed.replace('</aside>', `${bubbles}</aside>`), { url: spec.url }).window.document;
    if (focus !== undefined) (doc.querySelectorAll('.msg-form__contenteditable')[focus] as HTMLElement).focus();
    return linkedin.read(doc, new URL(spec.url), Date.parse(spec.now)).active;
  };

  it('names the person of the open bubble, and of the focused one of two', () => {
    expect(read('')).toBeNull();
    expect(read(bubble('Ana López', 'ana-lopez-5a1b2c'))).toEqual({ name: 'Ana López', handle: 'ana-lopez-5a1b2c', firstName: 'Ana', lastName: 'López' });
    expect(read(bubble('Ana López', 'ana') + bubble('Ben Okafor', 'ben-okafor'), 1)).toMatchObject({ name: 'Ben Okafor', handle: 'ben-okafor' });
  });

  it('leaves out minimised bubbles and the list bubble', () => {
    expect(read(bubble('Ana López', 'ana', true))).toBeNull();
  });
});

/**
 * A build without the BEM classes (LinkedIn has moved other pages to generated class names): rows
 * by their thread links, parts by their elements, the nav count by its bare number, the composer
 * by the message form on the messaging pages only.
 */
describe('LinkedIn without its classes', () => {
  const PAGE = (url: string, body: string) => {
    const doc = new JSDOM(`<!DOCTYPE html><html><head><title>Messaging | LinkedIn</title></head><body>${body}</body></html>`, { url }).window.document;
    return { doc, read: linkedin.read(doc, new URL(url), Date.parse('2026-03-12T15:00:00Z')) };
  };
  const nav = (count: string) => `<nav><a href="https://www.linkedin.com/messaging/?"><svg aria-hidden="true"></svg>${count}<span title="Messaging">Messaging</span></a></nav>`;
  const plainRow = (id: string, name: string, snippet: string) =>
    `<li><div><a href="/messaging/thread/2-${id}/"><img alt="${name}" src="https://media.licdn.com/${id}.jpg"><div><h3><span>${name}</span></h3><time>9:00 AM</time></div><p>${snippet}</p></a></div></li>`;

  it('reads rows, pills, the nav count, the open thread and its composer', () => {
    const body = `${nav('<span><span aria-hidden="true">3</span><span>3 new messages</span></span>')}<main><div><ul>
      ${plainRow('a', 'Ana López', 'You: Sure, tonight.')}
      ${plainRow('b', 'Priya Nair', '<span>InMail</span>Priya: Open to a role?')}
      ${plainRow('c', 'Sam Park', '<span>Sam:</span> Thanks!')}
      ${plainRow('d', 'Northwind', '<span>Gesponsert</span>Your free trial')}</ul></div>
      <div><a href="/in/ana-lopez-5a1b2c/"><h2>Ana López</h2><span>Active now</span></a>
      <form><div contenteditable="true" role="textbox" aria-label="Write a message…"><p><br></p></div></form></div></main>`;
    const { doc, read } = PAGE('https://www.linkedin.com/messaging/thread/2-a/', body);
    expect(read.unreadTotal).toBe(3);
    expect(read.threads.map((t) => [t.name, t.snippet, t.lastFromMe])).toEqual([
      ['Ana López', 'Sure, tonight.', true],
      ['Priya Nair', 'Priya: Open to a role?', false],
      ['Sam Park', 'Sam: Thanks!', false],
      ['Northwind', 'Your free trial', false],
    ]);
    expect(read.active).toEqual({ name: 'Ana López', handle: 'ana-lopez-5a1b2c', firstName: 'Ana', lastName: 'López' });
    expect(read.missing).toEqual([]);
    expect(linkedin.composer(doc)?.getAttribute('aria-label')).toBe('Write a message…');
  });

  it('takes no comment box for the composer outside the messaging pages, and no count from text', () => {
    const feed = `${nav('')}<main><article><form><div contenteditable="true" role="textbox"><p><br></p></div></form></article>
      <form><div contenteditable="true" role="textbox" aria-label="Add a comment…"></div></form></main>`;
    const { doc, read } = PAGE('https://www.linkedin.com/feed/', feed);
    expect(linkedin.composer(doc)).toBeNull();
    expect(read.unreadTotal).toBeNull();
    const onMessaging = PAGE('https://www.linkedin.com/messaging/thread/2-a/', `${nav('')}<main><form><div contenteditable="true" role="textbox" aria-label="Add a comment…"></div></form></main>`);
    expect(linkedin.composer(onMessaging.doc)).toBeNull();
  });
});
