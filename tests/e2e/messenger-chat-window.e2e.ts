import { afterAll, beforeAll, expect, test } from 'vitest';
import { askFromPopup } from './overlay-helpers';
import { launchExtension, type Extension } from './harness';

/**
 * A Messenger chat window over the facebook.com feed, in Chromium with the built extension: the
 * feed has its own editors (the post box, a comment box), the window has the conversation's. The
 * popup's page context names the window's person and the reply goes into the window's editor.
 */
let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

const FEED = 'https://www.facebook.com/';
const PAGE = `<!DOCTYPE html><html lang="en"><head><title>Facebook</title></head><body>
<div role="banner"><div aria-label="Messenger" role="button"><svg></svg></div></div>
<div role="main"><div role="feed">
  <div role="article"><p>A post</p><div id="comment" contenteditable="true" role="textbox" aria-label="Write a comment…"><p><br></p></div></div>
</div></div>
<div aria-label="Chat with Ana López" role="dialog">
  <h2><a href="/ana.lopez" role="link"><span>Ana López</span></a></h2>
  <div aria-label="Messages in conversation with Ana López" role="grid"><div role="row">Is the blue one back in stock?</div></div>
  <div id="chat" aria-label="Message" contenteditable="true" role="textbox"><p><br></p></div>
</div>
</body></html>`;

test("a chat window over the feed: the popup reads its person and inserts into its editor, not the feed's", async () => {
  const page = await ext.openPlatform(FEED, { html: PAGE });
  await page.click('#chat');
  const popup = await ext.openPopup();
  const answers = await askFromPopup(popup, FEED, 'Hi Ana, it is!');
  expect(answers.context).toMatchObject({ platform: 'messenger', contact: { name: 'Ana López', firstName: 'Ana', lastName: 'López' }, composer: true });
  expect(answers.insert).toMatchObject({ ok: true });
  expect(await page.evaluate(() => [document.getElementById('chat')!.textContent, document.getElementById('comment')!.textContent])).toEqual(['Hi Ana, it is!', '']);
  await popup.close();
  await page.close();
});
