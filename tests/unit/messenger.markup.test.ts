import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { messenger } from '@/utils/platforms/messenger';
import { platformCount } from '@/utils/inbox/badge';
import { unreadRows } from '@/utils/inbox/merge';

/**
 * Messenger's unread total by host: a number only from a messaging-specific counter, 0 where a
 * reliable counter shows none, null on facebook.com/messages when nothing there gives a number
 * (since 2026 its Chats link can carry none with unread chats), so the unread rows count. And the
 * per-row "Mark as read" button in any letter case.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures/messenger');
const NOW = Date.parse('2026-06-10T15:30:00Z');

function page(url: string, { title, head = '', body = '' }: { title: string; head?: string; body?: string }) {
  const html = `<!DOCTYPE html><html><head><title>${title}</title></head><body>${head}
<div role="navigation">${body}</div></body></html>`;
  const doc = new JSDOM(html, { url }).window.document;
  return { doc, read: messenger.read(doc, new URL(url), NOW) };
}

const CHATS_FB = '<a aria-label="Chats" href="/messages/t/" role="link"><span>Inbox</span></a>';
const CHATS_COM = '<a aria-label="Chats" href="/t/" role="link"><span>Chats</span></a>';
const TOP_BAR = '<div role="banner"><div aria-label="Messenger" role="button"><svg></svg></div></div>';

function row(id: number, name: string, marker = '') {
  return `<div role="row"><div role="gridcell"><a href="/messages/t/${id}/" role="link">
<span dir="auto"><span>${name}</span></span><div><span dir="auto">${name}: hi</span><span>·</span><span>5m</span></div></a>${marker}</div></div>`;
}

describe('messenger unread total', () => {
  it('is unknown (null) on facebook.com/messages when the Chats link and top bar carry no number', () => {
    const { doc, read } = page('https://www.facebook.com/messages/t/', { title: 'Messenger | Facebook', head: TOP_BAR, body: CHATS_FB });
    expect(read.unreadTotal).toBeNull();
    expect(messenger.total(doc)).toBeNull();
  });

  it('does not take the "(n) Facebook" notification count on facebook.com', () => {
    expect(page('https://www.facebook.com/messages/t/', { title: '(5) Facebook', body: CHATS_FB }).read.unreadTotal).toBeNull();
    expect(page('https://www.facebook.com/messages/', { title: '(5) Facebook' }).read.unreadTotal).toBeNull();
    // Another facebook.com page: the Messenger button without a badge says nothing unread.
    expect(page('https://www.facebook.com/', { title: '(5) Facebook', head: TOP_BAR }).read.unreadTotal).toBe(0);
  });

  it('keeps the messaging counters: section links, top-bar button, a title naming Messenger', () => {
    const labelled = '<a aria-label="Chats, 3 unread" href="/messages/t/" role="link"></a>';
    expect(page('https://www.facebook.com/messages/t/', { title: '(9) Facebook', body: labelled }).read.unreadTotal).toBe(3);
    const button = '<div role="banner"><div aria-label="Messenger, 4 unread" role="button"></div></div>';
    expect(page('https://www.facebook.com/messages/t/', { title: '(9) Facebook', head: button, body: CHATS_FB }).read.unreadTotal).toBe(4);
    expect(page('https://www.facebook.com/messages/t/', { title: '(2) Messenger | Facebook', body: CHATS_FB }).read.unreadTotal).toBe(2);
  });

  it('keeps messenger.com: its title and its Chats link without a number (0)', () => {
    expect(page('https://www.messenger.com/t/123/', { title: '(2) Messenger' }).read.unreadTotal).toBe(2);
    expect(page('https://www.messenger.com/', { title: 'Messenger', body: CHATS_COM }).read.unreadTotal).toBe(0);
  });

  it('adds up the Chats, Marketplace and Message requests links\' numbers (messenger.com, Ferdium / Caprine #2133)', () => {
    const rail = (chats: string) => `<a aria-label="${chats}" href="/t/" role="link" tabindex="0"></a>
<a aria-label="People" href="/active/" role="link" tabindex="0"></a>
<a aria-label="Marketplace, 3 unread" href="/marketplace/t/" role="link" tabindex="0"></a>
<a aria-label="Message requests, 1 unread" href="/requests/t/" role="link" tabindex="0"></a>`;
    // Chats without a number: nothing unread there, 4 in the other sections (not 0).
    expect(page('https://www.messenger.com/t/111/', { title: 'Messenger', body: rail('Chats') }).read.unreadTotal).toBe(4);
    expect(page('https://www.messenger.com/t/111/', { title: 'Messenger', body: rail('Chats, 2 unread') }).read.unreadTotal).toBe(6);
    // A section listed twice counts once.
    expect(page('https://www.messenger.com/t/111/', { title: 'Messenger', body: rail('Chats, 2 unread') + CHATS_COM.replace('"Chats"', '"Chats, 2 unread"') }).read.unreadTotal).toBe(6);
  });

  it('takes no total from the other sections on facebook.com/messages, whose Chats link can carry no number', () => {
    const links = `${CHATS_FB}<a aria-label="Marketplace, 3 unread" href="/messages/marketplace/" role="link"></a>`;
    expect(page('https://www.facebook.com/messages/t/', { title: 'Messenger | Facebook', body: links }).read.unreadTotal).toBeNull();
    const numbered = links.replace('"Chats"', '"Chats, 1 unread"');
    expect(page('https://www.facebook.com/messages/t/', { title: 'Messenger | Facebook', body: numbered }).read.unreadTotal).toBe(4);
  });

  it('reads the top bar\'s number from its aria-hidden badge beside the Messenger button (Facebook clean-up userscript)', () => {
    const banner = `<div role="banner"><div role="navigation" aria-label="Account Controls and Settings">
<div><div aria-label="Messenger" role="button" tabindex="0"><svg viewBox="0 0 12 13"></svg></div>
<div aria-hidden="true" aria-label="Messenger, 3 unread" role="button" tabindex="-1"><span>3</span></div></div>
<div><div aria-label="Notifications, 7 unread" role="button" tabindex="0"></div></div></div></div>`;
    const feed = page('https://www.facebook.com/', { title: '(10) Facebook', head: banner });
    expect(feed.read.unreadTotal).toBe(3);
    expect(messenger.total(feed.doc)).toBe(3);
    expect(page('https://www.facebook.com/messages/t/111/', { title: 'Messenger | Facebook', head: banner, body: CHATS_FB }).read.unreadTotal).toBe(3);
  });

  it('lets the unread rows count where the total is unknown (facebook.com/messages fixture)', () => {
    const spec = JSON.parse(readFileSync(path.join(FIXTURES, 'facebook-2026-unnumbered.json'), 'utf8')) as { url: string; now: string };
    const doc = new JSDOM(readFileSync(path.join(FIXTURES, 'facebook-2026-unnumbered.html'), 'utf8'), { url: spec.url }).window.document;
    const read = messenger.read(doc, new URL(spec.url), Date.parse(spec.now));
    expect(read.unreadTotal).toBeNull();
    expect(platformCount({ unreadTotal: read.unreadTotal, unreadRows: unreadRows(read) })).toBe(2);
  });
});

describe('messenger "Mark as read" marker', () => {
  it.each(['Mark as read', 'Mark as Read', 'MARK AS READ'])('reads %s as unread, and rows without it as read', (label) => {
    const marker = `<div aria-label="${label}" role="button"></div>`;
    const grid = `<div aria-label="Chats" role="grid">${row(1, 'Ana', marker)}${row(2, 'Ben')}</div>`;
    const { read } = page('https://www.facebook.com/messages/t/', { title: 'Messenger | Facebook', body: grid });
    expect(read.threads.map((t) => [t.name, t.unread])).toEqual([
      ['Ana', true],
      ['Ben', false],
    ]);
  });

  it('does not take other labels for the marker', () => {
    const grid = `<div aria-label="Chats" role="grid">${row(1, 'Ana', '<div aria-label="Mark as unread" role="button"></div>')}${row(2, 'Ben', '<div aria-label="Mark as read later" role="button"></div>')}</div>`;
    const { read } = page('https://www.facebook.com/messages/t/', { title: 'Messenger | Facebook', body: grid });
    expect(read.threads.map((t) => t.unread)).toEqual([false, false]);
  });
});

describe('messenger open conversation', () => {
  const spec = JSON.parse(readFileSync(path.join(FIXTURES, 'facebook-current-thread.json'), 'utf8')) as { url: string; now: string };
  const html = readFileSync(path.join(FIXTURES, 'facebook-current-thread.html'), 'utf8');
  const active = (page: string) => {
    const doc = new JSDOM(page, { url: spec.url }).window.document;
    return messenger.read(doc, new URL(spec.url), Date.parse(spec.now)).active;
  };

  it('names a named group after its title, with no first name to greet', () => {
    const group = html.replace('aria-label="Messages in conversation with Carlos Mendes"', 'aria-label="Messages in conversation titled Weekend hikers"');
    expect(group).not.toBe(html);
    expect(active(html)).toMatchObject({ name: 'Carlos Mendes', firstName: 'Carlos' });
    expect(active(group)).toEqual({ name: 'Weekend hikers' });
  });

  it('gives a group named after its members no first name', () => {
    const group = html.replace('aria-label="Messages in conversation with Carlos Mendes"', 'aria-label="Messages in conversation with Carlos, Ana, You"');
    expect(active(group)).toEqual({ name: 'Carlos, Ana, You' });
  });
});

describe('messenger composer on facebook.com pages', () => {
  const feed = (label: string, chat = '') =>
    new JSDOM(
      `<!DOCTYPE html><html><head><title>Facebook</title></head><body><div role="main"><div role="feed"><div role="article"><span>Sale</span>
<div aria-label="${label}" contenteditable="true" role="textbox" data-lexical-editor="true"><p><br></p></div></div></div></div>${chat}</body></html>`,
      { url: 'https://www.facebook.com/' },
    ).window.document;

  it.each(['Write a comment…', 'Napisz komentarz…', 'Напишите комментарий…', 'Yorum yaz...', 'Schreibe etwas…'])(
    'never takes the comment box of a post in the feed (%s)',
    (label) => {
      expect(messenger.composer(feed(label))).toBeNull();
    },
  );

  it('takes a composer inside an article-like region on the messages pages, where no post has comments', () => {
    const doc = new JSDOM(
      '<!DOCTYPE html><html><body><div role="main"><div role="article"><div aria-label="Message" contenteditable="true" role="textbox" data-lexical-editor="true"><p><br></p></div></div></div></body></html>',
      { url: 'https://www.facebook.com/messages/t/123/' },
    ).window.document;
    expect(messenger.composer(doc)?.getAttribute('aria-label')).toBe('Message');
  });

  it('takes the composer of a chat window open over the feed', () => {
    const chat = '<div aria-label="Chat with Ana" role="dialog"><div aria-label="Nachricht" contenteditable="true" role="textbox" data-lexical-editor="true"><p><br></p></div></div>';
    expect(messenger.composer(feed('Napisz komentarz…', chat))?.getAttribute('aria-label')).toBe('Nachricht');
  });

  it('never takes the Create post dialog\'s editor (its POST form, as Mask finds it)', () => {
    const dialog = (lexical: string) => `<div aria-label="Create post" role="dialog"><form method="POST"><div aria-label="Edit privacy. Sharing with Public." role="button"></div>
<div aria-label="What's on your mind, Ana?" role="textbox" contenteditable="true"${lexical} spellcheck="true"><p><br></p></div></form></div>`;
    expect(messenger.composer(feed('Write a comment…', dialog(' data-lexical-editor="true"')))).toBeNull();
    expect(messenger.composer(feed('Write a comment…', dialog('')))).toBeNull();
    // With a chat window open too, its composer is the one.
    const chat = '<div aria-label="Chat with Ana" role="dialog"><div aria-label="Message" contenteditable="true" role="textbox" data-lexical-editor="true"><p><br></p></div></div>';
    expect(messenger.composer(feed('Write a comment…', dialog(' data-lexical-editor="true"') + chat))?.getAttribute('aria-label')).toBe('Message');
  });

  it.each([
    ['Reply to Ben Kim', 'Comment as Ana López'],
    ['Responder a Ben Kim', 'Comentar como Ana López'],
  ])('never takes the boxes of a post opened in a modal dialog (%s)', (reply, comment) => {
    const post = `<div role="dialog" aria-modal="true" aria-labelledby="h1"><h2 id="h1">Ana's post</h2>
<div><div role="article" aria-label="Comment by Ben Kim 2 hours ago"><span dir="auto">Nice!</span><div role="button">Reply</div></div>
<div><form role="presentation"><div aria-label="${reply}" role="textbox" contenteditable="true" data-lexical-editor="true"><p><br></p></div></form></div></div>
<form role="presentation"><div aria-label="${comment}" role="textbox" contenteditable="true" data-lexical-editor="true"><p><br></p></div></form></div>`;
    expect(messenger.composer(feed('Write a comment…', post))).toBeNull();
    // A reply box outside a dialog, by its label.
    const bare = `<div><form role="presentation"><div aria-label="${reply}" role="textbox" contenteditable="true" data-lexical-editor="true"><p><br></p></div></form></div>`;
    expect(messenger.composer(feed('Write a comment…', bare))).toBeNull();
  });
});


/**
 * Marketplace threads (a seller's bot on facebook.com/messages, 2025–2026): the message list is
 * "Messages in conversation titled <buyer> · <listing>", the list row "Group chat: <buyer> ·
 * <listing>", and a banner above the messages links the listing (/marketplace/item/<id>).
 */
describe('messenger Marketplace thread', () => {
  const spec = JSON.parse(readFileSync(path.join(FIXTURES, 'facebook-current-thread.json'), 'utf8')) as { url: string; now: string };
  const html = readFileSync(path.join(FIXTURES, 'facebook-current-thread.html'), 'utf8');
  const LABEL = 'aria-label="Messages in conversation with Carlos Mendes"';
  const BANNER = `<div class="x78zum5"><a href="/marketplace/item/1234567890123456/" role="link" tabindex="0"><img alt="" src="https://scontent.xx.fbcdn.net/v/t45.5328-4/iphone.jpg"><span dir="auto">iPhone 12 Pro 128GB</span><span dir="auto">€420</span></a></div>
      <div ${LABEL}`;
  const titled = (title: string, banner: boolean) =>
    html.replace(LABEL, banner ? BANNER.replace(LABEL, `aria-label="Messages in conversation titled ${title}"`) : `aria-label="Messages in conversation titled ${title}"`);
  const active = (page: string, url = spec.url) => messenger.read(new JSDOM(page, { url }).window.document, new URL(url), Date.parse(spec.now)).active;

  it('greets the buyer of a Marketplace thread (the listing banner on the page)', () => {
    const page = titled('Ana López · iPhone 12 Pro 128GB', true);
    expect(page).toContain('/marketplace/item/');
    expect(active(page)).toEqual({ name: 'Ana López', firstName: 'Ana', lastName: 'López' });
  });

  it('takes the Marketplace section\'s URL or selected row as the sign too', () => {
    const page = titled('Ana López · iPhone 12 Pro 128GB', false);
    expect(active(page, 'https://www.messenger.com/marketplace/t/100012345678905/')).toMatchObject({ name: 'Ana López', firstName: 'Ana' });
    const row = page.replace('href="/messages/t/100012345678905/"', 'href="/messages/marketplace/t/100012345678905/"');
    expect(row).not.toBe(page);
    expect(active(row)).toMatchObject({ name: 'Ana López', firstName: 'Ana' });
  });

  it('keeps a group whose name holds " · " a group where nothing says Marketplace', () => {
    expect(active(titled('Hiking · 2026', false))).toEqual({ name: 'Hiking · 2026' });
    expect(active(titled('Ana López · iPhone 12 Pro 128GB', false))).toEqual({ name: 'Ana López · iPhone 12 Pro 128GB' });
    // With the banner, a title without the separator is still a named group.
    expect(active(titled('Weekend hikers', true))).toEqual({ name: 'Weekend hikers' });
  });
});

/**
 * Chat windows over other facebook.com pages (the feed, a profile, Marketplace): the messages
 * pages' reader gives no conversation there, the window's composer is found (see above). The
 * window as the project's tests model it (a non-modal dialog "Chat with Ana"), and the chat boxes
 * of 2023–2025 builds without a dialog role, each with its labelled message list.
 */
describe('messenger chat window over other facebook.com pages', () => {
  const spec = JSON.parse(readFileSync(path.join(FIXTURES, 'facebook-feed.json'), 'utf8')) as { url: string; now: string };
  const feed = readFileSync(path.join(FIXTURES, 'facebook-feed.html'), 'utf8');
  const withWindows = (windows: string) => feed.replace('</div></div>\n</body>', `</div>${windows}</div>\n</body>`);
  const read = (page: string, url = spec.url, focus?: string) => {
    const doc = new JSDOM(page, { url }).window.document;
    if (focus) doc.querySelector<HTMLElement>(focus)!.focus();
    return messenger.read(doc, new URL(url), Date.parse(spec.now));
  };
  const editor = (label = 'Message') =>
    `<div aria-label="${label}" aria-placeholder="Aa" contenteditable="true" role="textbox" spellcheck="true" tabindex="0" data-lexical-editor="true"><p><br></p></div>`;
  const dialog = (person: string, list: string, id = '') =>
    `<div aria-label="Chat with ${person}" role="dialog"${id ? ` id="${id}"` : ''}><div class="x78zum5"><h2><a href="/${id || 'ana.lopez'}" role="link"><span>${person}</span></a></h2></div>
      <div aria-label="${list}" role="grid"><div role="row"><div role="gridcell"><div dir="auto">See you there</div></div></div></div>${editor()}</div>`;
  // A chat box without the dialog role (the chat boxes' container at the foot of the page).
  const box = (list: string) =>
    `<div data-visualcompletion="ignore"><div class="x1ey2m1c x78zum5 xixxii4 x1vjfegm"><div><div><div class="x78zum5 xdt5ytf">
      <div class="x78zum5"><a href="/ana.lopez" role="link"><span>Ana López</span></a><div aria-label="Close chat" role="button"></div></div>
      <div aria-label="${list}" role="grid"><div role="row"><div role="gridcell"><div dir="auto">See you there</div></div></div></div>
      <div class="x78zum5">${editor()}</div></div></div></div></div></div>`;

  it('reads the fixture (a comment box only) with no conversation, as before', () => {
    expect(read(feed).active).toBeNull();
  });

  it('names the person of a chat window over the feed', () => {
    const page = withWindows(dialog('Ana López', 'Messages in conversation with Ana López'));
    const result = read(page);
    expect(result.active).toEqual({ name: 'Ana López', firstName: 'Ana', lastName: 'López' });
    expect(result.threads).toEqual([]);
    expect(result.missing).toEqual([]);
    // The window's label alone ("Chat with Ana", the composer test's markup above).
    const bare = withWindows(`<div aria-label="Chat with Ana" role="dialog">${editor('Nachricht')}</div>`);
    expect(read(bare).active).toMatchObject({ name: 'Ana', firstName: 'Ana' });
  });

  it('reads a chat box without a dialog role by its labelled message list', () => {
    expect(read(withWindows(box('Messages in conversation with Ana López'))).active).toMatchObject({ name: 'Ana López', firstName: 'Ana' });
    expect(read(withWindows(box('Messages in conversation titled Weekend hikers'))).active).toEqual({ name: 'Weekend hikers' });
  });

  it('takes the focused window of several', () => {
    const page = withWindows(dialog('Ana López', 'Messages in conversation with Ana López', 'ana') + dialog('Ben Kim', 'Messages in conversation with Ben Kim', 'ben'));
    expect(read(page).active).toMatchObject({ name: 'Ana López' });
    expect(read(page, spec.url, '#ben [role="textbox"]').active).toMatchObject({ name: 'Ben Kim', firstName: 'Ben' });
  });

  it('gives a group window no first name, and a heading alone only a name', () => {
    const group = withWindows(dialog('Weekend hikers', 'Messages in conversation titled Weekend hikers').replace('aria-label="Chat with Weekend hikers" ', ''));
    expect(read(group).active).toEqual({ name: 'Weekend hikers' });
    // A localised list label: the heading, with no first name (it may name a group).
    const localised = withWindows(dialog('Ana López', 'Mensajes de la conversación con Ana López').replace('aria-label="Chat with Ana López" ', 'aria-label="Chat" '));
    expect(read(localised).active).toEqual({ name: 'Ana López' });
  });

  it('greets the buyer of a Marketplace chat window on a Marketplace page', () => {
    const title = 'Messages in conversation titled Ana López · iPhone 12 Pro 128GB';
    const page = withWindows(dialog('Ana López · iPhone 12 Pro 128GB', title));
    expect(read(page, 'https://www.facebook.com/marketplace/item/1234567890123456/').active).toMatchObject({ name: 'Ana López', firstName: 'Ana' });
    expect(read(page).active).toEqual({ name: 'Ana López · iPhone 12 Pro 128GB' });
  });

  it('reads no conversation from other editors: a post dialog, a dialog without a message list, a comment box', () => {
    const post = `<div role="dialog" aria-modal="true"><h2>Ana's post</h2><form role="presentation">${editor('Comment as Ben Kim')}</form></div>`;
    expect(read(withWindows(post)).active).toBeNull();
    const share = `<div aria-label="Send in Messenger" role="dialog"><h2>Send in Messenger</h2>${editor('Say something about this…')}<div role="list"><div role="listitem">Ana López</div></div></div>`;
    expect(read(withWindows(share)).active).toBeNull();
    // A focused comment box in the feed, with no chat window open.
    expect(read(feed, spec.url, '[role="textbox"]').active).toBeNull();
  });
});
