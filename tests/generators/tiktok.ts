import { esc } from '../html-escape';
/** A TikTok messages page (2026 dm-new-* markup) with `rows` conversations. */
export const url: string = 'https://www.tiktok.com/messages?lang=en';

const NAMES = ['Ana López ✨', 'kai.music', 'ليلى', 'Creators Club 🎬', 'Sofía Ramírez', 'noah_b', 'Jonas Müller', 'Café Luna ☕'];
const HOSTILE = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '<svg onload=alert(1)>'];

export function generateInbox(opts: { rows: number; unreadEvery?: number; hostile?: boolean }): string {
  const every = opts.unreadEvery ?? 3;
  const items: string[] = [];
  let unread = 0;
  for (let i = 0; i < opts.rows; i++) {
    const isUnread = every > 0 && i % every === 0;
    if (isUnread) unread++;
    const name = opts.hostile && i % 2 === 0 ? `${HOSTILE[i % HOSTILE.length]} ${i}` : `${NAMES[i % NAMES.length]} ${i}`;
    const snippet = opts.hostile ? (i === 1 ? 'z'.repeat(10_000) : HOSTILE[(i + 1) % HOSTILE.length]!) : i % 2 ? `You: Link is in my bio (${i})` : `Is the hoodie restocked? (${i})`;
    items.push(`
      <div data-e2e="dm-new-conversation-item" role="listitem" tabindex="0" class="css-d4bw7w-DivItemWrapper e1ds3y5c0">
        <div class="css-1oowjdm-DivAvatarWrapper"><span class="css-1t5v7w3-SpanAvatarContainer"><img src="https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/u${i}~c5_100x100.jpeg?x-expires=1773500000&amp;x-signature=S${i}" alt="" loading="lazy" class="css-1zpj2q-ImgAvatar"></span></div>
        <div class="css-u0ewgb-DivInfoWrapper"><div class="css-1k3x9s8-DivInfoTop"><p data-e2e="dm-new-conversation-nickname" class="css-1l9jh9z-PInfoNickname" dir="auto">${esc(name)}</p><span class="css-xm7pty-SpanInfoTime">${(i % 6) + 1}h</span></div>
          <div class="css-m7j5xv-DivInfoBottom"><span class="css-1htlb3s-SpanInfoExtract">${esc(snippet)}</span>${isUnread ? '<span data-e2e="dm-new-conversation-unread" class="css-5aeg8s-SpanUnreadCount">1</span>' : ''}</div></div></div>`);
  }
  return `<!DOCTYPE html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Messages | TikTok</title></head>
<body><div id="app" class="css-1x8rnre-DivBodyContainer">
  <div id="app-header" class="css-1tt6g1z-DivHeaderContainer"><div class="css-1pgms7v-DivMessageIconContainer"><a data-e2e="top-dm-icon" href="/messages?lang=en" aria-label="Messages" class="css-1n4at5i-StyledLink"><svg></svg>${unread ? `<sup class="css-1fjh5ri-SupBadge">${unread > 99 ? '99+' : unread}</sup>` : ''}</a></div></div>
  <div class="css-1dx3kbs-DivMainContainer">
    <div class="css-e4gvrb-DivConversationListContainer" data-e2e="dm-new-conversation-list" role="list">${items.join('')}
    </div>
    <div class="css-1b3v5wd-DivChatBox" data-e2e="dm-new-chatbox">
      <div class="css-ec6lx2-DivChatHeader"><p data-e2e="dm-new-chat-nickname" class="css-1vyfhqx-PNickname">${esc(opts.hostile ? HOSTILE[2]! : 'Ana López ✨ 0')}</p><p data-e2e="dm-new-chat-uniqueid">@ana.lopez</p></div>
      <div data-e2e="dm-new-input-editor" class="css-1gfiy8t-DivInputAreaContainer"><div class="DraftEditor-root"><div class="notranslate public-DraftEditor-content" contenteditable="true" role="textbox"><div data-contents="true"></div></div></div></div>
    </div>
  </div>
</div></body></html>
`;
}
