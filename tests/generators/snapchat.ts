import { esc } from '../html-escape';
/** A Snapchat for web page (www.snapchat.com/web, Friends Feed list) with `rows` chats after the friend carousel. */
export const url: string = 'https://www.snapchat.com/web';

const NAMES = ['Ana López', 'Ben 🏄', 'محمد علي', 'Chloé', 'Team Snapchat', 'Jo', 'Kai ✨', 'Lina'];
const READ_STATUS = ['Received', 'Opened', 'Delivered', 'Sent'];
const HOSTILE = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '<iframe src=javascript:alert(1)>'];

function uuid(i: number): string {
  const hex = i.toString(16).padStart(12, '0');
  return `5a1c0000-0000-4000-8000-${hex}`;
}

export function generateInbox(opts: { rows: number; unreadEvery?: number; hostile?: boolean }): string {
  const every = opts.unreadEvery ?? 3;
  const items: string[] = [];
  let unread = 0;
  for (let i = 0; i < opts.rows; i++) {
    const isUnread = every > 0 && i % every === 0;
    if (isUnread) unread++;
    const id = uuid(i);
    const name = opts.hostile && i % 2 === 0 ? `${HOSTILE[i % HOSTILE.length]} ${i}` : `${NAMES[i % NAMES.length]} ${i}`;
    const status = isUnread ? (i % 2 ? 'New Snap' : 'New Chat') : READ_STATUS[i % READ_STATUS.length]!;
    const word = isUnread ? `<span class="T1yt2"><span class="nonIntl NPyTE">${status}</span></span>` : `<span class="T1yt2">${status}</span>`;
    const iso = new Date(Date.UTC(2026, 2, 12, 12, 0) - i * 600_000).toISOString();
    items.push(`
        <li role="listitem" class="O4POs"><div role="button" tabindex="0" aria-labelledby="title-${id} status-${id}" class="ReDyg eKaL7">
          <div class="LNwMF"><img class="Mjl8V" alt="" src="https://cf-st.sc-cdn.net/3d/render/b${i}?trim=circle"></div>
          <div class="FiLwP"><span id="title-${id}" class="mYSR9 FiLwP"><span class="nonIntl" dir="auto">${esc(name)}</span></span>
            <div id="status-${id}" class="GQKvA"><span class="yr2Cq${isUnread ? ' PqVsZ' : ''}"><svg class="NNZo6"></svg></span>${word}<span aria-hidden="true">·</span><time datetime="${iso}"><span>${i * 10}m</span></time></div></div>
        </div></li>`);
  }
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${unread ? `(${unread}) ` : ''}Snapchat</title></head>
<body><div id="root"><div class="Vbjsg"><div class="RmXA2">
  <nav class="BL7do"><input class="ofXKy" type="text" placeholder="Search" aria-label="Search"></nav>
  <div class="Do4zz"><div class="ReactVirtualized__Grid ReactVirtualized__List"><ul role="list" aria-label="Friends Feed" class="ReactVirtualized__Grid__innerScrollContainer">
    <li role="listitem" class="O4POs"><div class="cK1t5" role="group" aria-label="Friends"><button aria-label="Add friends"><span>Add</span></button></div></li>${items.join('')}
  </ul></div></div></div>
  <div class="Lpxy8">
    <div id="cv-${uuid(0)}" class="XKY5G"><ul><li><header class="R1ne3"><span class="nonIntl">ME</span></header><span>${esc(opts.hostile ? HOSTILE[1]! : 'hi')}</span></li></ul></div>
    <div class="OfSRy"><div role="textbox" contenteditable="true" class="euyIb" placeholder="Send a chat"></div></div>
  </div>
</div></div></body></html>
`;
}
