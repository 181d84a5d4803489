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

/** A 2024–2026 list row without a thread link (late 2026: "no anchor href, no thread-id attribute"). */
const cardRow = (name: string, snippet: string, opts: { unread?: number; avatar?: string; time?: string; active?: boolean } = {}) =>
  `<li class="msg-conversation-listitem msg-conversations-container__convo-item msg-conversations-container__pillar ember-view">
  <div class="msg-conversation-card msg-conversations-container__pillar ember-view">
  <div tabindex="0" class="msg-conversation-listitem__link msg-conversations-container__convo-item-link${opts.active ? ' msg-conversations-container__convo-item-link--active' : ''} pl3">
    <div class="msg-selectable-entity msg-selectable-entity--4">
      <div class="presence-entity presence-entity--size-4"><img class="presence-entity__image" alt="${name}" src="${opts.avatar ?? 'https://media.licdn.com/dms/image/v2/D4E03AQ/profile-displayphoto-shrink_100_100/0/1?e=1&t=x'}"></div>
    </div>
    <div class="msg-conversation-card__content--selectable">
      <div class="msg-conversation-card__row msg-conversation-card__body-row">
        <h3 class="msg-conversation-listitem__participant-names msg-conversation-card__participant-names truncate"><span class="truncate">${name}</span></h3>
        <time class="msg-conversation-listitem__time-stamp msg-conversation-card__time-stamp">${opts.time ?? 'Mar 3'}</time>
      </div>
      <div class="msg-conversation-card__row pr2">
        <div class="msg-conversation-card__message-snippet-container flex-grow-1"><p class="msg-conversation-card__message-snippet m0 t-14">${snippet}</p></div>
        ${opts.unread ? `<div class="msg-conversation-card__unread-count"><span class="notification-badge notification-badge--show"><span class="notification-badge__count" aria-hidden="true">${opts.unread}</span><span class="a11y-text">${opts.unread} new messages</span></span></div>` : ''}
      </div>
    </div>
  </div></div></li>`;

const LIST = (rows: string) =>
  `<div class="scaffold-layout__list msg__list"><div class="msg-conversations-container msg-conversations-container--inbox-shortcuts"><h2 class="visually-hidden">Conversation List</h2>
  <ul class="list-style-none msg-conversations-container__conversations-list">${rows}</ul></div></div>`;

/** The open thread as the 2026 page has it: its messages are div.msg-s-event-listitem[data-view-name="message-list-item"]. */
const message = (name: string, handle: string, text: string, time: string, other: boolean) =>
  `<li class="msg-s-message-list__event clearfix"><div class="msg-s-event-listitem${other ? ' msg-s-event-listitem--other' : ''}" data-view-name="message-list-item" data-event-urn="urn:li:msg_message:(urn:li:fsd_profile:${handle},2-${time.length})">
  <a class="msg-s-event-listitem__link" href="/in/${handle}/"><img class="msg-s-event-listitem__profile-picture" alt="${name}" src="https://media.licdn.com/dms/image/v2/${handle}.jpg"></a>
  <div class="msg-s-message-group__meta"><a class="msg-s-message-group__profile-link" href="/in/${handle}/"><span class="msg-s-message-group__profile-link msg-s-message-group__name t-14 t-black t-bold">${name}</span></a>
    <time class="msg-s-message-group__timestamp">${time}</time></div>
  <div class="msg-s-event-listitem__message-bubble"><p class="msg-s-event-listitem__body t-14 t-black--light t-normal">${text}</p></div></div></li>`;
const THREAD = (title = 'Ana López', extra = '') => `<div class="scaffold-layout__detail msg__detail"><div class="msg-convo-wrapper msg-thread">
  <div class="msg-title-bar global-title-container shared-title-bar"><div class="msg-title-bar__title-bar-title">
    <a href="/in/ana-lopez-5a1b2c/" class="app-aware-link msg-thread__link-to-profile"><div class="msg-entity-lockup"><h2 class="msg-entity-lockup__entity-title truncate">${title}</h2></div></a></div></div>
  <div class="msg-s-message-list-container"><div class="msg-s-message-list full-width scrollable"><ul class="msg-s-message-list-content list-style-none">
    ${message('Ana López', 'ana-lopez-5a1b2c', 'Could you share the brief?', '2:12 PM', true)}
    ${message('Dana Morgan', 'dana-morgan', "Sure, I'll send the brief tonight.", '2:31 PM', false)}${extra}
  </ul></div></div>
  <form class="msg-form"><div class="msg-form__msg-content-container"><div class="msg-form__contenteditable t-14 t-black--light t-normal flex-grow-1 full-height notranslate" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Write a message…"><p><br></p></div></div></form>
</div></div>`;

const NAV = (count: string) =>
  `<header id="global-nav" class="global-nav"><nav class="global-nav__nav"><ul class="global-nav__primary-items">
  <li class="global-nav__primary-item"><a href="https://www.linkedin.com/messaging/?" class="app-aware-link global-nav__primary-link">
  <div class="ivm-image-view-model global-nav__icon-ivm"><span class="notification-badge notification-badge--show"><span class="notification-badge__count" aria-hidden="true">${count}</span><span class="a11y-text">${count} new messages</span></span></div>
  <span class="global-nav__primary-link-text" title="Messaging">Messaging</span></a></li></ul></nav></header>`;

const THREAD_URL = 'https://www.linkedin.com/messaging/thread/2-ZDQ2YjM0ZjgtOWIxYi00ZDRjLWE1NzktYmU1MDc4YzA3NTRlXzAxMA==/';
const MARCH = Date.parse('2026-03-12T15:00:00Z');

function page(url: string, body: string, title = 'Messaging | LinkedIn') {
  const doc = new JSDOM(`<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`, { url }).window.document;
  return { doc, read: linkedin.read(doc, new URL(url), MARCH) };
}

/**
 * Messaging opens a thread before the list's rows attach (stickerdaniel/linkedin-mcp-server,
 * 2026); the thread's messages carry data-view-name="message-list-item" (several extensions
 * select div.msg-s-event-listitem by it). None of them is a conversation.
 */
describe('LinkedIn thread open before the list rows', () => {
  it('reads no message as a conversation while the list is an empty shell, and misses nothing', () => {
    const { read } = page(THREAD_URL, `${NAV('3')}<main class="scaffold-layout__main msg__list-detail">${LIST('')}${THREAD()}</main>`);
    expect(read.threads).toEqual([]);
    expect(read.active).toMatchObject({ name: 'Ana López', handle: 'ana-lopez-5a1b2c', firstName: 'Ana' });
    expect(read.missing).toEqual([]);
  });

  it('reports the list missing while it is not mounted, a message linking to a conversation included', () => {
    const pasted = message('Dana Morgan', 'dana-morgan', 'Our thread: <a href="https://www.linkedin.com/messaging/thread/2-OTRmZTVh/">linkedin.com/messaging/thread/2-OTRmZTVh</a>', '2:40 PM', false);
    const { read } = page(THREAD_URL, `${NAV('3')}<main class="scaffold-layout__main msg__list-detail">${THREAD('Ana López', pasted)}</main>`);
    expect(read.threads).toEqual([]);
    expect(read.missing).toEqual(['conversation list']);
  });

  it('reads the rows, not the messages, once they attach', () => {
    const { read } = page(THREAD_URL, `${NAV('3')}<main>${LIST(cardRow('Ana López', 'You: Sure', { active: true }))}${THREAD()}</main>`);
    expect(read.threads.map((t) => [t.name, t.snippet, t.lastFromMe])).toEqual([['Ana López', 'Sure', true]]);
  });
});

/**
 * One person's two threads (an organic 1:1 and an InMail): rows without href, thread id or URN
 * (stickerdaniel/linkedin-mcp-server, 2026) hash to the same name-and-avatar id.
 */
describe('LinkedIn rows of the same person without thread links', () => {
  const organic = cardRow('Priya Nair', 'Priya: See you Monday', { time: '2:31 PM' });
  const inMail = cardRow('Priya Nair', '<span class="msg-conversation-card__pill t-14 t-black t-bold pr1">InMail</span>Priya: Are you open to a senior role?', { unread: 1 });
  const ids = (rows: string) => page('https://www.linkedin.com/messaging/', `${NAV('1')}<main>${LIST(rows)}</main>`).read.threads.map((t) => t.id);

  it('read as two conversations, the organic one keeping the id it has alone, whatever the order', () => {
    const [alone] = ids(organic);
    const [inMailAlone] = ids(inMail);
    expect(inMailAlone).toBe(alone); // one row per person: the id stays as stored
    const both = ids(organic + inMail);
    expect(both[0]).toBe(alone);
    expect(both[1]).not.toBe(alone);
    expect(ids(inMail + organic)).toEqual([both[1], both[0]]);
  });

  it('numbers repeats, and the number goes with the repeat (rows reused between reads)', () => {
    const doc = new JSDOM(`<!DOCTYPE html><html><head><title>Messaging | LinkedIn</title></head><body>${NAV('1')}<main>${LIST(organic + organic + inMail)}</main></body></html>`, {
      url: 'https://www.linkedin.com/messaging/',
    }).window.document;
    const read = () => linkedin.read(doc, new URL(doc.URL), MARCH).threads.map((t) => t.id);
    const [alone] = ids(organic);
    const first = read();
    expect(new Set(first).size).toBe(3);
    expect(first[0]).toBe(alone);
    // The first row goes: the one left is the only organic row, with the id it has alone.
    doc.querySelector('li.msg-conversation-listitem')!.remove();
    expect(read()).toEqual([alone, first[2]]);
  });
});

/**
 * The 2026 nav with hashed classes: its stable hook is data-view-name="navigation-messaging", and
 * a selector test pairs it with aria-label="消息，0 条新通知". The inner markup is extrapolated.
 */
describe('LinkedIn 2026 nav by its view name', () => {
  const hashedNav = (inner: string, label: string) =>
    `<header class="_a1b2c3"><nav class="_d4e5f6"><ul class="_g7h8">
      <li class="_i9"><a class="_j1 _k2" href="https://www.linkedin.com/feed/" data-view-name="navigation-homepage" aria-label="Home"><span class="_t">Home</span></a></li>
      <li class="_i9"><a class="_j1 _k2" href="https://www.linkedin.com/messaging/" data-view-name="navigation-messaging" aria-label="${label}"><svg aria-hidden="true"></svg>${inner}<span class="_t">Messaging</span></a></li>
    </ul></nav></header>`;
  const feed = (body: string, title = 'LinkedIn') => {
    const { doc, read } = page('https://www.linkedin.com/feed/', body, title);
    return { read, total: linkedin.total(doc) };
  };

  it('reads the count in its label (any language) when no number shows', () => {
    expect(feed(`${hashedNav('', '消息，4 条新通知')}<main></main>`, '(6) LinkedIn')).toMatchObject({ read: { unreadTotal: 4, missing: [] }, total: 4 });
    expect(feed(`${hashedNav('', '消息，0 条新通知')}<main></main>`).total).toBe(0);
    expect(feed(`${hashedNav('', 'Messaging, 2 new notifications')}<main></main>`).total).toBe(2);
  });

  // A profile card's Message link (a[href*="/messaging/compose/"], birthday and outreach bots).
  const card = '<main><div class="_p1"><a href="https://www.linkedin.com/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAB1&amp;recipient=ACoAAB1" aria-label="Message Ana López, 2nd degree connection">Message</a></div></main>';

  it("is the nav's item, not a profile's Message link before it", () => {
    expect(feed(`${card}${hashedNav('<span class="_z9 _y8">5</span>', 'Messaging, 5 new notifications')}`, '(7) LinkedIn').total).toBe(5);
  });

  it("reads no count from another messaging link's label", () => {
    expect(feed(card, '(7) LinkedIn').total).toBeNull();
  });
});

describe('LinkedIn Member (an anonymous or deleted account)', () => {
  it('is named, with no first name to greet', () => {
    const header = THREAD('LinkedIn Member').replace('href="/in/ana-lopez-5a1b2c/" class="app-aware-link msg-thread__link-to-profile"', 'href="#" class="app-aware-link msg-thread__link-to-profile"');
    const { read } = page(THREAD_URL, `${NAV('3')}<main>${LIST(cardRow('LinkedIn Member', 'LinkedIn Member: Hello', { active: true }))}${header}</main>`);
    expect(read.active?.name).toBe('LinkedIn Member');
    expect(read.active?.firstName).toBeUndefined();
    expect(read.active?.lastName).toBeUndefined();
    expect(read.missing).toEqual([]);
  });
});

/** Rows as public code of 2024–2026 shows them (checks of what already reads right). */
describe('LinkedIn rows as public code shows them', () => {
  const list = (rows: string, count = '0') => page('https://www.linkedin.com/messaging/', `${NAV(count)}<main>${LIST(rows)}</main>`).read;

  it('leaves out a pill nested under a span (p > span > span.msg-conversation-card__pill), "LinkedIn Offer" too', () => {
    const read = list(
      cardRow('Northwind', '<span><span class="msg-conversation-card__pill t-14 t-black t-bold pr1">Sponsored</span>Your free trial is waiting</span>') +
        cardRow('Acme Careers', '<span class="msg-conversation-card__message-snippet-body"><span class="msg-conversation-card__pill t-14 t-black t-bold pr1">LinkedIn Offer</span>Get 50% off Premium</span>') +
        cardRow('Lea Fischer, Tom Reed', 'Tom: Great — see you', { unread: 2 }),
      '2',
    );
    expect(read.threads.map((t) => [t.name, t.snippet, t.unread, t.unreadCount ?? null])).toEqual([
      ['Northwind', 'Your free trial is waiting', false, null],
      ['Acme Careers', 'Get 50% off Premium', false, null],
      ['Lea Fischer, Tom Reed', 'Tom: Great — see you', true, 2],
    ]);
    expect(read.unreadTotal).toBe(2);
  });

  it('leaves out occluded rows (msg-conversation-card--occluded placeholders)', () => {
    const read = list(cardRow('Ana López', 'Ana: hi') + '<li class="msg-conversation-listitem msg-conversation-card--occluded ember-view"></li>'.repeat(3));
    expect(read.threads.map((t) => t.name)).toEqual(['Ana López']);
  });

  it('reads time stamps with a year', () => {
    const read = list(cardRow('Ana López', 'Ana: hi', { time: 'Dec 12, 2024' }) + cardRow('Ben Okafor', 'Ben: hi', { time: '12/12/2024' }) + cardRow('Cy Park', 'Cy: hi', { time: '2:31 PM' }));
    expect(read.threads.map((t) => t.time)).toEqual([Date.parse('2024-12-12T00:00:00Z'), Date.parse('2024-12-12T00:00:00Z'), Date.parse('2026-03-12T14:31:00Z')]);
  });
});
