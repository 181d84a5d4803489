import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { linkedin } from '@/utils/platforms/linkedin';

/**
 * LinkedIn's messaging overlay on the other pages (feed, profiles): the "New message" draft
 * bubble, and the 2026 overlay rendered inside a shadow root. The /messaging/thread/new/ draft too.
 */
const NOW = Date.parse('2026-03-12T15:00:00Z');

const NAV = `<header id="global-nav" class="global-nav"><nav class="global-nav__nav"><ul class="global-nav__primary-items">
  <li class="global-nav__primary-item"><a href="https://www.linkedin.com/messaging/?" class="app-aware-link global-nav__primary-link">
  <div class="ivm-image-view-model global-nav__icon-ivm"><span class="notification-badge notification-badge--show"><span class="notification-badge__count" aria-hidden="true">3</span><span class="a11y-text">3 new messages</span></span></div>
  <span class="global-nav__primary-link-text" title="Messaging">Messaging</span></a></li></ul></nav></header>`;

function load(url: string, body: string, title = '(3) Feed | LinkedIn') {
  const doc = new JSDOM(`<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`, { url }).window.document;
  return doc;
}
const read = (doc: Document) => linkedin.read(doc, new URL(doc.URL), NOW);

const FEED = 'https://www.linkedin.com/feed/';
const PROFILE = 'https://www.linkedin.com/in/hamir-shekhawat-9a45b311a/';

/**
 * The draft bubble "Message" opens on a profile with no thread yet, as captured in a public
 * Selenium script's comments (2022; a 2026 bot test still sees the "New message" title):
 * --is-compose modifier, recipient pill, one-to-one profile card.
 */
const captured = (title: string, pill: string) => `<aside id="msg-overlay" class="msg-overlay-container">
  <div class="msg-overlay-list-bubble msg-overlay-list-bubble--is-minimized"><header class="msg-overlay-bubble-header"><h2 class="msg-overlay-bubble-header__title">Messaging</h2></header></div>
  <div id="ember267" tabindex="-1" class="msg-convo-wrapper msg-overlay-conversation-bubble msg-overlay-conversation-bubble--default-inactive ml4
    msg-overlay-conversation-bubble--is-compose
    msg-overlay-conversation-bubble--petite" role="dialog" aria-label="Messaging">
  <div></div>
  <header class="msg-overlay-bubble-header msg-overlay-conversation-bubble-header justify-space-between" tabindex="-1">
    <div class="msg-overlay-bubble-header__badge-container"></div>
    <div class="align-items-center display-flex"><div class="align-items-center display-flex "><div class="flex-grow-1">
      <h2 class="msg-overlay-bubble-header__title truncate t-14 t-bold
          t-black
          pr1" tabindex="-1">
            ${title}
                        </h2></div></div></div>
    <div class="msg-overlay-bubble-header__controls display-flex align-items-center">
      <button class="msg-overlay-bubble-header__control artdeco-button" data-control-name="overlay.close_conversation_window"><span class="artdeco-button__text">Close your draft conversation</span></button></div>
  </header>
  <div class="msg-overlay-conversation-bubble__content-wrapper relative display-flex flex-column">
    <div class="msg-connections-typeahead relative mbA"><label for="ember288-search-field" class="visually-hidden">Enter message recipients</label>
      <section class="msg-connections-typeahead__top-fixed-section"><div class="scrollable msg-connections-typeahead__added-recipients display-flex align-items-center pl2 pv1">
        ${pill}
        <input id="ember288-search-field" class="msg-connections-typeahead__search-field ml1 mv1" role="combobox" type="text"></div></section></div>
    ${pill ? PROFILE_CARD : ''}
    <form id="msg-form-ember271" class="msg-form--is-fully-expanded msg-form"><div class="msg-form__msg-content-container msg-form__message-texteditor relative flex-grow-1 display-flex">
      <div class="msg-form__contenteditable t-14 t-black--light t-normal flex-grow-1 full-height notranslate" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Write a message…"><p><br></p></div></div>
      <footer aria-label="Compose actions for your conversation with " class="msg-form__footer flex-shrink-zero "><div class="msg-form__right-actions display-flex align-items-center"><button class="msg-form__send-button artdeco-button artdeco-button--1" disabled="" type="submit">Send</button></div></footer></form>
  </div></div></aside>`;
const HAMIR_PILL = `<button aria-label="Remove Hamir Shekhawat" id="ember289" class="mv1 mr1 artdeco-pill artdeco-pill--slate artdeco-pill--3 artdeco-pill--dismiss artdeco-pill--selected ember-view" type="button"><span class="artdeco-pill__text">
    Hamir Shekhawat
</span></button>`;
const PROFILE_CARD = `<div class="msg-s-profile-card msg-s-profile-card-one-to-one pv4 ph3"><div class="break-words artdeco-entity-lockup artdeco-entity-lockup--size-4 ember-view">
      <a href="/in/hamir-shekhawat-9a45b311a/" class="active ember-view"><div class="artdeco-entity-lockup__image"><div class="presence-entity presence-entity--size-4 msg-conversation-card__presence-entity">
        <img src="https://media-exp1.licdn.com/dms/image/C4D03AQFnXMKIUNMcWg/profile-displayphoto-shrink_100_100/0/1647501594917?e=1656547200&amp;v=beta&amp;t=x" alt="Hamir Shekhawat" class="presence-entity__image EntityPhoto-circle-4 lazy-image ember-view"></div></div></a>
      <div class="artdeco-entity-lockup__content ember-view"><div class="artdeco-entity-lockup__title ember-view">
        <a href="/in/hamir-shekhawat-9a45b311a/" class="active ember-view profile-card-one-to-one__profile-link">
            Hamir Shekhawat
          </a></div>
        <div class="artdeco-entity-lockup__badge ember-view"><span class="a11y-text">1st degree connection</span><span class="artdeco-entity-lockup__degree" aria-hidden="true">·&nbsp;1st</span></div>
        <div class="artdeco-entity-lockup__subtitle ember-view"><div title="Co-founder at munch.money">Co-founder at munch.money</div></div></div></div></div>`;
const HAMIR = { name: 'Hamir Shekhawat', handle: 'hamir-shekhawat-9a45b311a', firstName: 'Hamir', lastName: 'Shekhawat' };

/** A draft bubble without the modifier: its title, the recipient typeahead (chips as li tokens), the form. */
const draft = (title: string, chips = '') => `<aside id="msg-overlay" class="msg-overlay-container">
  <div class="msg-overlay-conversation-bubble msg-overlay-conversation-bubble--is-active" role="dialog">
    <header class="msg-overlay-bubble-header"><div class="msg-overlay-bubble-header__details"><h2 class="msg-overlay-bubble-header__title t-14 t-bold">${title}</h2></div></header>
    <div class="msg-overlay-conversation-bubble__content-wrapper">
      <div class="msg-connections-typeahead"><ul>${chips}</ul><input class="msg-connections-typeahead__search-field" placeholder="Type a name or multiple names"></div>
      <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox" aria-label="Write a message…"><p><br></p></div></form>
    </div></div></aside>`;
const chip = (name: string) =>
  `<li class="msg-connections-typeahead__recipient-token"><span class="artdeco-pill artdeco-pill--choice artdeco-pill--dismiss"><span class="artdeco-pill__text">${name}</span></span><button aria-label="Remove ${name}">×</button></li>`;

describe('LinkedIn "New message" draft bubble', () => {
  it('greets the recipient of the pill and profile card, not "New"', () => {
    const doc = load(PROFILE, `${NAV}<main></main>${captured('New message', HAMIR_PILL)}`, '(3) Hamir Shekhawat | LinkedIn');
    expect(read(doc)).toEqual({ unreadTotal: 3, threads: [], active: HAMIR, missing: [] });
    expect(linkedin.composer(doc)).not.toBeNull();
  });

  it('greets no one before a recipient is picked, in any UI language', () => {
    expect(read(load(PROFILE, `${NAV}<main></main>${captured('New message', '')}`)).active).toBeNull();
    expect(read(load(FEED, `${NAV}<main></main>${draft('New message')}`)).active).toBeNull();
    expect(read(load(FEED, `${NAV}<main></main>${draft('Nouveau message')}`, '(3) Fil | LinkedIn')).active).toBeNull();
  });

  it('reads a recipient chip without the modifier, and several as a group with no first name', () => {
    expect(read(load(FEED, `${NAV}<main></main>${draft('New message', chip('Ben Okafor'))}`)).active).toEqual({ name: 'Ben Okafor', firstName: 'Ben', lastName: 'Okafor' });
    const group = read(load(FEED, `${NAV}<main></main>${draft('Nouveau message', chip('Ben Okafor') + chip('Lea Fischer'))}`)).active;
    expect(group?.name).toBe('Ben Okafor, Lea Fischer');
    expect(group?.firstName).toBeUndefined();
  });

  it("still names a conversation bubble by its header (a typeahead beside its messages is not a draft's)", () => {
    const bubble = `<aside class="msg-overlay-container"><div class="msg-overlay-conversation-bubble">
      <header class="msg-overlay-bubble-header"><a href="/in/ana-lopez-5a1b2c/"><h2 class="msg-overlay-bubble-header__title"><span>Ana López</span></h2></a></header>
      <div class="msg-connections-typeahead visually-hidden"><input class="msg-connections-typeahead__search-field"></div>
      <div class="msg-s-message-list"><ul class="msg-s-message-list-content"></ul></div>
      <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox"><p><br></p></div></form></div></aside>`;
    expect(read(load(FEED, `${NAV}<main></main>${bubble}`)).active).toMatchObject({ name: 'Ana López', handle: 'ana-lopez-5a1b2c', firstName: 'Ana' });
  });
});

/**
 * /messaging/thread/new/: the recipient typeahead ("Type a name or multiple names",
 * .msg-connections-typeahead__top-fixed-section span.artdeco-pill__text) in the thread pane. The
 * pane's title bar reading "New message" is extrapolated from the bubble's.
 */
describe('LinkedIn /messaging/thread/new/ draft', () => {
  const NEW = 'https://www.linkedin.com/messaging/thread/new/';
  const pane = (pill: string) => `${NAV}<main class="scaffold-layout__main msg__list-detail">
    <div class="scaffold-layout__list msg__list"><div class="msg-conversations-container"><ul class="list-style-none msg-conversations-container__conversations-list">
      <li class="msg-conversation-listitem"><div class="msg-conversation-card"><a class="msg-conversation-listitem__link" href="/messaging/thread/2-YW5h/">
        <h3 class="msg-conversation-listitem__participant-names"><span class="truncate">Ana López</span></h3><time class="msg-conversation-card__time-stamp">Mar 3</time>
        <p class="msg-conversation-card__message-snippet">Ana: Thanks!</p></a></div></li></ul></div></div>
    <div class="scaffold-layout__detail msg__detail"><div class="msg-convo-wrapper msg-thread">
      <div class="msg-title-bar"><h2 class="msg-entity-lockup__entity-title">New message</h2></div>
      <div class="msg-connections-typeahead"><section class="msg-connections-typeahead__top-fixed-section"><div class="msg-connections-typeahead__added-recipients">${pill}
        <input class="msg-connections-typeahead__search-field" role="combobox" type="text" placeholder="Type a name or multiple names"></div></section>
        <div class="msg-connections-typeahead__search-results"></div></div>
      <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox" aria-label="Write a message…"><p><br></p></div></form>
    </div></div></main>`;

  it('greets the picked recipient, no one before, and misses nothing', () => {
    const picked = read(load(NEW, pane(HAMIR_PILL), 'Messaging | LinkedIn'));
    expect(picked.active).toEqual({ name: 'Hamir Shekhawat', firstName: 'Hamir', lastName: 'Shekhawat' });
    expect(picked.threads.map((t) => t.name)).toEqual(['Ana López']);
    const empty = read(load(NEW, pane(''), 'Messaging | LinkedIn'));
    expect(empty.active).toBeNull();
    expect(empty.missing).toEqual([]);
  });
});

/**
 * 2026: on the other pages the overlay renders into the open shadow root of
 * div#interop-outlet[data-testid="interop-shadowdom"] (bots and extensions look up its bubbles and
 * send button there); a Selenium bot's test names the host DIV.theme--light. One bubble per open
 * conversation.
 */
describe('LinkedIn overlay inside a shadow root (2026)', () => {
  const bubble = (name: string, handle: string) => `<div class="msg-convo-wrapper msg-overlay-conversation-bubble">
    <header class="msg-overlay-bubble-header"><h2 class="msg-overlay-bubble-header__title"><a href="/in/${handle}/"><span>${name}</span></a></h2>
      <button class="msg-overlay-bubble-header__control"><span>Close your conversation with ${name}</span></button></header>
    <ul class="msg-s-message-list-content"><li class="msg-s-message-list__top-of-list"></li><li class="msg-s-message-list__event">Hi, noticed you work here</li></ul>
    <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox" aria-label="Write a message…"><p><br></p></div>
      <button class="msg-form__send-button" type="submit">Send</button></form></div>`;
  const overlay = (bubbles: string) =>
    `<aside class="msg-overlay-container"><div class="msg-overlay-list-bubble msg-overlay-list-bubble--is-minimized"><header class="msg-overlay-bubble-header"><h2 class="msg-overlay-bubble-header__title">Messaging</h2></header></div>${bubbles}</aside>`;
  const withHost = (url: string, host: string, inner: string) => {
    const doc = load(url, `${NAV}<main><article><form><div contenteditable="true" role="textbox" aria-label="Add a comment…"></div></form></article></main>${host}`);
    doc.querySelector('[data-host]')!.attachShadow({ mode: 'open' }).innerHTML = inner;
    return doc;
  };

  it.each([
    ['the outlet', '<div id="interop-outlet" data-testid="interop-shadowdom" data-host></div>'],
    ['a DIV.theme--light host', '<div class="theme--light" data-host></div>'],
  ])('names the open bubble and finds its composer (%s)', (_, host) => {
    const doc = withHost(FEED, host, overlay(bubble('Jane Doe', 'jane-doe-1a2b3c')));
    expect(read(doc)).toEqual({ unreadTotal: 3, threads: [], active: { name: 'Jane Doe', handle: 'jane-doe-1a2b3c', firstName: 'Jane', lastName: 'Doe' }, missing: [] });
    expect(linkedin.composer(doc)?.getAttribute('aria-label')).toBe('Write a message…');
    expect(linkedin.shadowHosts!(doc)).toEqual([doc.querySelector('[data-host]')]);
  });

  it('names the focused one of two bubbles', () => {
    const doc = withHost(FEED, '<div id="interop-outlet" data-host></div>', overlay(bubble('Jane Doe', 'jane') + bubble('Ben Okafor', 'ben-okafor')));
    (doc.querySelector('[data-host]')!.shadowRoot!.querySelectorAll('.msg-form__contenteditable')[1] as HTMLElement).focus();
    expect(read(doc).active).toMatchObject({ name: 'Ben Okafor', handle: 'ben-okafor' });
  });

  it("takes no other shadow root for the overlay's, and none on the messaging pages", () => {
    const other = withHost(FEED, '<div class="dm-desk-host" data-host></div>', '<div class="panel"><form><div contenteditable="true" role="textbox"></div></form></div>');
    expect(read(other).active).toBeNull();
    expect(linkedin.composer(other)).toBeNull();
    expect(linkedin.shadowHosts!(other)).toEqual([]);
    const messaging = withHost('https://www.linkedin.com/messaging/', '<div id="interop-outlet" data-host></div>', overlay(bubble('Jane Doe', 'jane')));
    expect(linkedin.shadowHosts!(messaging)).toEqual([]);
  });
});
