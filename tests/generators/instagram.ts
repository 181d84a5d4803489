import { esc } from '../html-escape';
/**
 * A realistic Instagram inbox (2026 markup, see tests/fixtures/instagram/current-thread.html) with
 * any number of rows, for the hostile-page test and the benchmarks. `hostile` puts markup and
 * script-like text in names and snippets (as text: the page escapes it), a 10,000-character
 * snippet and rows without a name.
 */
export const url = 'https://www.instagram.com/direct/inbox/';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("dm")</script>',
  '"><svg onload=alert(1)>',
  '{{first_name}} ${process.env} </span></div>',
  '&lt;b&gt;bold&lt;/b&gt;',
  '\u202Egnp.exe \u200B\u2066x\u2069',
];


export function generateInbox({ rows, unreadEvery = 3, hostile = false }: { rows: number; unreadEvery?: number; hostile?: boolean }): string {
  const items: string[] = [];
  let unread = 0;
  for (let i = 0; i < rows; i++) {
    const isUnread = unreadEvery > 0 && i % unreadEvery === 0;
    if (isUnread) unread++;
    const payload = HOSTILE[i % HOSTILE.length]!;
    const name = hostile ? (i % 7 === 3 ? '' : `${payload} ${i}`) : `Customer ${i} 🌟`;
    const snippet = hostile ? (i === 1 ? `${'A very long message '.repeat(500)}` : `You: ${payload}`) : i % 2 ? `You: Order #${1000 + i} ships today` : `Is item ${i} in stock?`;
    const weight = isUnread ? 'x1s688f' : 'xo1l8bm';
    items.push(`<div role="listitem" class="x1n2onr6"><div class="x9f619 x1n2onr6"><a class="x1i10hfl x1qjc9v5" href="/direct/t/${340282366841710300000000n + BigInt(i)}/" role="link" tabindex="0">
<div class="x9f619 x78zum5"><div class="x1rg5ohu"><img alt="user_${i}'s profile picture" src="https://scontent.cdninstagram.com/v/t51/u${i}.jpg"></div>
<div class="x9f619 x1iyjqo2"><div class="x9f619 x1n2onr6"><span class="x1lliihq x193iq5w ${weight}"><span dir="auto" class="x1lliihq">${esc(name)}</span></span></div>
<div class="x78zum5"><span class="x1lliihq ${weight}"><span dir="auto">${esc(snippet)}</span></span><span aria-hidden="true"> · </span><abbr><span>${(i % 23) + 1}h</span></abbr></div></div>
${isUnread ? '<div class="x6s0dn4"><div aria-label="Unread" class="x1ey2m1c" role="img"></div></div>' : ''}</div></a></div></div>`);
  }
  return `<!DOCTYPE html>
<html class="_9dls" lang="en" dir="ltr"><head><meta charset="utf-8"><title>${unread ? `(${unread}) ` : ''}Instagram • Direct</title>
<style>.x1lliihq{display:block}.x1s688f{font-weight:600}.xo1l8bm{font-weight:400}.x1ey2m1c{background-color:rgb(0, 149, 246)}</style></head>
<body><div id="mount_0_0_Gn"><div class="x9f619 x1n2onr6">
<div class="x1vjfegm"><a class="x1i10hfl" href="/direct/inbox/" role="link"><svg aria-label="Direct" role="img"></svg>${unread ? `<div class="x1gslohp"><span class="x1lliihq">${unread}</span></div>` : ''}<span class="x1lliihq">Messages</span></a></div>
<section class="x1exxf4d"><div aria-label="Chats" role="list" class="x1lliihq">
${items.join('\n')}
</div></section></div></div></body></html>`;
}
