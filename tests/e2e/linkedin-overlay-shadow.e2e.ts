import { afterAll, beforeAll, expect, test } from 'vitest';
import { askFromPopup } from './overlay-helpers';
import { launchExtension, type Extension } from './harness';

/**
 * LinkedIn's messaging overlay as of 2026 in Chromium with the built extension: on the feed the
 * bubbles render into the open shadow root of div#interop-outlet (here a declarative shadow root),
 * where document queries see nothing. The page context names the open bubble's person, and a
 * reply goes into that bubble's composer, not the feed's comment box.
 */
let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

const FEED = 'https://www.linkedin.com/feed/';
const PAGE = `<!DOCTYPE html><html lang="en"><head><title>(3) Feed | LinkedIn</title></head><body>
<header id="global-nav" class="global-nav"><nav><ul><li><a href="https://www.linkedin.com/messaging/?" class="global-nav__primary-link">
  <span class="notification-badge"><span class="notification-badge__count" aria-hidden="true">3</span></span><span title="Messaging">Messaging</span></a></li></ul></nav></header>
<main><article><p>A post</p><form><div id="comment" contenteditable="true" role="textbox" aria-label="Add a comment…"><p><br></p></div></form></article></main>
<div id="interop-outlet" data-testid="interop-shadowdom"><template shadowrootmode="open">
  <aside class="msg-overlay-container">
    <div class="msg-overlay-list-bubble msg-overlay-list-bubble--is-minimized"><header class="msg-overlay-bubble-header"><h2 class="msg-overlay-bubble-header__title">Messaging</h2></header></div>
    <div class="msg-convo-wrapper msg-overlay-conversation-bubble">
      <header class="msg-overlay-bubble-header"><h2 class="msg-overlay-bubble-header__title"><a href="/in/jane-doe-1a2b3c/"><span>Jane Doe</span></a></h2></header>
      <ul class="msg-s-message-list-content"><li class="msg-s-message-list__event">Hi, is the role still open?</li></ul>
      <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox" aria-label="Write a message…"><p><br></p></div>
        <button class="msg-form__send-button" type="submit">Send</button></form>
    </div>
  </aside>
</template></div>
</body></html>`;

test('a bubble inside the overlay\'s shadow root: the popup reads its person and inserts into its composer', async () => {
  const page = await ext.openPlatform(FEED, { html: PAGE });
  expect(await page.evaluate(() => document.querySelector('.msg-overlay-conversation-bubble'))).toBeNull();
  await page.evaluate(() => {
    const box = document.getElementById('interop-outlet')!.shadowRoot!.querySelector<HTMLElement>('.msg-form__contenteditable')!;
    box.focus();
  });
  const popup = await ext.openPopup();
  const answers = await askFromPopup(popup, FEED, 'Hi Jane, yes it is!');
  expect(answers.context).toMatchObject({
    platform: 'linkedin',
    contact: { name: 'Jane Doe', firstName: 'Jane', lastName: 'Doe', handle: 'jane-doe-1a2b3c' },
    composer: true,
  });
  expect(answers.insert).toMatchObject({ ok: true });
  const texts = await page.evaluate(() => ({
    bubble: document.getElementById('interop-outlet')!.shadowRoot!.querySelector('.msg-form__contenteditable')!.textContent,
    comment: document.getElementById('comment')!.textContent,
  }));
  expect(texts).toEqual({ bubble: 'Hi Jane, yes it is!', comment: '' });
  await popup.close();
  await page.close();
});
