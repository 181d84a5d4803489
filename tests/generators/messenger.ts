import { esc } from '../html-escape';
/**
 * A realistic facebook.com/messages inbox (2026 markup, see
 * tests/fixtures/messenger/facebook-current-thread.html) with any number of rows. `hostile` puts
 * markup and script-like text in names and snippets, a 10,000-character snippet and rows without
 * a name.
 */
export const url = 'https://www.facebook.com/messages/t/';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("dm")</script>',
  '"><svg onload=alert(1)>',
  'Unread message:',
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
    const name = hostile ? (i % 7 === 3 ? '' : `${payload} ${i}`) : `Client ${i}`;
    const snippet = hostile ? (i === 1 ? 'x'.repeat(10_000) : payload) : i % 2 ? `You: Invoice ${i} sent` : `Question about order ${i}`;
    const weight = isUnread ? 'x1s688f' : 'x1fcty0u';
    items.push(`<div role="row" class="x78zum5"><div role="gridcell" class="x1n2onr6"><div class="x78zum5 xdt5ytf">
<a aria-current="false" class="x1i10hfl" href="/messages/t/${100000000000000 + i}/" role="link" tabindex="0">
<div class="x9f619 x78zum5"><div class="x1rg5ohu"><img alt="" src="https://scontent.xx.fbcdn.net/v/p${i}.jpg"></div>
<div class="x9f619 x1iyjqo2"><div class="x78zum5"><span class="x1lliihq ${weight}" dir="auto"><span>${esc(name)}</span></span></div>
<div class="x78zum5"><span class="x1lliihq ${weight}" dir="auto">${isUnread ? '<span class="xzpqnlu">Unread message:</span> ' : ''}${esc(snippet)}</span><span aria-hidden="true">·</span><span><abbr><span>${(i % 50) + 1}m</span></abbr></span></div></div>
${isUnread ? '<div class="x6s0dn4"><span class="x1n9lsnk"></span></div>' : ''}</div></a>
${isUnread ? '<div aria-label="Mark as read" role="button" tabindex="0"></div>' : ''}</div></div></div>`);
  }
  return `<!DOCTYPE html>
<html id="facebook" class="__fb-light-mode" lang="en" dir="ltr"><head><meta charset="utf-8"><title>${unread ? `(${unread}) ` : ''}Messenger | Facebook</title>
<style>.x1lliihq{display:block}.x1s688f{font-weight:600}.x1fcty0u{font-weight:400}.xzpqnlu{position:absolute;clip:rect(0 0 0 0)}.x1n9lsnk{background-color:rgb(0, 100, 209)}</style></head>
<body class="_6s5d"><div id="mount_0_0_Mx"><div class="x9f619 x1n2onr6">
<div role="navigation" class="x9f619"><div class="x78zum5 xdt5ytf">
<a aria-label="${unread ? `Chats, ${unread} unread` : 'Chats'}" href="/messages/t/" role="link" class="x1i10hfl"><span>Inbox</span></a>
<div aria-label="Chats" role="grid" class="x1n2onr6">
${items.join('\n')}
</div></div></div></div></div></body></html>`;
}
