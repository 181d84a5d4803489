import { esc } from '../html-escape';
/**
 * A realistic x.com Chat inbox (2026 markup, see tests/fixtures/x/chat-current-thread.html) with
 * any number of rows. `hostile` puts markup and script-like text in names and snippets, a
 * 10,000-character snippet and rows without a name.
 */
export const url = 'https://x.com/i/chat';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("dm")</script>',
  '"><svg onload=alert(1)>',
  '@everyone',
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
    const name = hostile ? (i % 7 === 3 ? '' : `${payload} ${i}`) : `Follower ${i}`;
    const snippet = hostile ? (i === 1 ? '🙂'.repeat(5_000) : payload) : i % 2 ? `You: Thanks for the follow, ${i}!` : `Hey, quick question #${i}`;
    const id = `${1000000000 + i}-9876543210`;
    items.push(`<div data-testid="dm-conversation-item-${id}" role="button" tabindex="0" class="css-175oi2r r-1loqt21">
<div class="css-175oi2r r-18u37iz"><div class="css-175oi2r"><img alt="" src="https://pbs.twimg.com/profile_images/${i}/p_normal.jpg"></div>
<div class="css-175oi2r r-1iusvr4"><div class="css-175oi2r r-18u37iz">
<div dir="ltr" class="css-146c3p1 r-b88u0q"><span class="css-1jxf684">${esc(name)}</span></div>
<div dir="ltr" class="css-146c3p1 r-14j79pv"><span class="css-1jxf684">${(i % 59) + 1}m</span></div></div>
<div dir="auto" class="css-146c3p1 ${isUnread ? 'r-b88u0q' : 'r-16dba41'}"><span class="css-1jxf684">${esc(snippet)}</span></div></div>
${isUnread ? '<div data-testid="dm-conversation-item-unread-badge" class="css-175oi2r r-l5o3uw"><span>1</span></div>' : ''}</div></div>`);
  }
  return `<!DOCTYPE html>
<html dir="ltr" lang="en"><head><meta charset="utf-8"><title>${unread ? `(${unread}) ` : ''}Chat / X</title>
<style>.r-b88u0q{font-weight:700}.r-16dba41{font-weight:400}.r-l5o3uw{background-color:rgb(29, 155, 240)}</style></head>
<body><div id="react-root"><div class="css-175oi2r r-13awgt0">
<header role="banner"><nav aria-label="Primary" role="navigation">
<a href="/i/chat" aria-label="Chat" role="link" data-testid="AppTabBar_DirectMessage_Link"><div class="css-175oi2r"><svg></svg>${unread ? `<div aria-label="${unread} unread items" class="css-175oi2r r-l5o3uw"><span>${unread}</span></div>` : ''}</div></a>
</nav></header>
<main role="main"><section data-testid="dm-inbox-panel" aria-label="Inbox" class="css-175oi2r"><div role="list" aria-label="Conversations">
${items.join('\n')}
</div></section></main></div></div></body></html>`;
}
