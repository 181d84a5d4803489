import { esc } from '../html-escape';
/** A LinkedIn messaging page (2019–2026 list markup, thread links) with `rows` conversations. */
export const url: string = 'https://www.linkedin.com/messaging/thread/2-R0VOLTA=/';

const NAMES = ['Ana López', 'Sam 🚀 Patel', 'محمد علي', 'Léa Fischer', 'Ben Okafor', 'יעל כהן', 'Dr. Priya Nair', 'Acme Talent Team'];
const HOSTILE = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '{{first_name}} &amp; <b>bold</b>'];

export function generateInbox(opts: { rows: number; unreadEvery?: number; hostile?: boolean }): string {
  const every = opts.unreadEvery ?? 3;
  const items: string[] = [];
  let unread = 0;
  for (let i = 0; i < opts.rows; i++) {
    const isUnread = every > 0 && i % every === 0;
    if (isUnread) unread++;
    const name = opts.hostile && i % 2 === 0 ? `${HOSTILE[i % HOSTILE.length]} ${i}` : `${NAMES[i % NAMES.length]} ${i}`;
    const snippet = opts.hostile
      ? i === 1 ? 'x'.repeat(10_000) : `You: ${HOSTILE[(i + 1) % HOSTILE.length]}`
      : i % 2 ? `You: Thanks, talk soon (${i})` : `Is the role still open? (${i})`;
    items.push(`
        <li class="msg-conversation-listitem msg-conversations-container__convo-item ember-view" id="ember${1000 + i}">
          <div class="msg-conversation-card${isUnread ? ' msg-conversation-card__convo-item-container--unread' : ''}">
            <a class="ember-view msg-conversation-listitem__link msg-conversations-container__convo-item-link pl3" href="/messaging/thread/2-R0VO${i}LTA=/">
              <div class="presence-entity presence-entity--size-4"><img src="https://media.licdn.com/dms/image/v2/G${i}/profile-displayphoto-shrink_100_100/0/${i}?e=1&amp;t=x" alt="${esc(name)}" class="presence-entity__image"></div>
              <div class="msg-conversation-card__content--selectable"><div class="msg-conversation-card__row">
                <h3 class="msg-conversation-listitem__participant-names t-16 ${isUnread ? 't-bold' : 't-normal'}"><span class="truncate" dir="auto">${esc(name)}</span></h3>
                <time class="msg-conversation-card__time-stamp">${(i % 12) + 1}:0${i % 10} AM</time></div>
                <div class="msg-conversation-card__row"><p class="msg-conversation-card__message-snippet m0 t-14">${esc(snippet)}</p>
                ${isUnread ? '<div class="msg-conversation-card__unread-count"><span class="notification-badge notification-badge--show"><span class="notification-badge__count" aria-hidden="true">1</span><span class="a11y-text">1 unread message</span></span></div>' : ''}</div></div>
            </a></div></li>`);
  }
  const badge = unread ? `<span class="notification-badge notification-badge--show"><span class="notification-badge__count" aria-hidden="true">${unread}</span><span class="a11y-text">${unread} new messages</span></span>` : '';
  return `<!DOCTYPE html>
<html lang="en" class="theme theme--mercado artdeco"><head><meta charset="utf-8"><title>${unread ? `(${unread}) ` : ''}Messaging | LinkedIn</title></head>
<body dir="ltr" class="render-mode-BIGPIPE nav-v2 boot-complete"><div class="application-outlet">
<header id="global-nav" class="global-nav" role="banner"><nav class="global-nav__nav" aria-label="Primary Navigation"><ul class="global-nav__primary-items">
  <li class="global-nav__primary-item"><a href="https://www.linkedin.com/feed/" class="global-nav__primary-link"><span class="global-nav__primary-link-text">Home</span></a></li>
  <li class="global-nav__primary-item"><a href="https://www.linkedin.com/messaging/?" class="global-nav__primary-link global-nav__primary-link--active" aria-current="page"><div class="global-nav__icon-ivm">${badge}</div><span class="global-nav__primary-link-text">Messaging</span></a></li>
</ul></nav></header>
<main id="main" class="scaffold-layout__main msg__list-detail">
  <div class="scaffold-layout__list msg__list"><div class="msg-conversations-container"><ul class="list-style-none msg-conversations-container__conversations-list">${items.join('')}
  </ul></div></div>
  <div class="scaffold-layout__detail msg__detail"><div class="msg-convo-wrapper msg-thread">
    <div class="msg-title-bar"><a href="/in/ana-lopez-0/" class="msg-thread__link-to-profile"><div class="msg-entity-lockup"><h2 class="msg-entity-lockup__entity-title">${esc(opts.hostile ? HOSTILE[0]! : 'Ana López 0')}</h2></div></a></div>
    <div class="msg-s-message-list"></div>
    <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox" aria-label="Write a message…"><p><br></p></div></form>
  </div></div>
</main></div></body></html>
`;
}
