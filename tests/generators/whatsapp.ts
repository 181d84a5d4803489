import { esc } from '../html-escape';
/** A WhatsApp Web page (2024–2026 markup: role=listitem rows, no test ids) with `rows` chats. */
export const url: string = 'https://web.whatsapp.com/';

const NAMES = ['Mamá ❤️', 'Ana López', 'محمد علي', '+1 (555) 010-', 'Family 🏡', 'José García', 'Tienda Sol', 'Priya'];
const HOSTILE = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '<a href="javascript:alert(1)">x</a>'];

export function generateInbox(opts: { rows: number; unreadEvery?: number; hostile?: boolean }): string {
  const every = opts.unreadEvery ?? 3;
  const items: string[] = [];
  for (let i = 0; i < opts.rows; i++) {
    const isUnread = every > 0 && i % every === 0;
    const ours = !isUnread && i % 2 === 1;
    const name = opts.hostile && i % 2 === 0 ? `${HOSTILE[i % HOSTILE.length]} ${i}` : `${NAMES[i % NAMES.length]} ${i}`;
    const preview = opts.hostile ? (i === 1 ? 'y'.repeat(10_000) : HOSTILE[(i + 1) % HOSTILE.length]!) : ours ? `See you then (${i})` : `¿Vienes mañana? (${i})`;
    items.push(`
          <div class="x10l6tqk xh8yej3 x1g42fcv" role="listitem" style="z-index: ${opts.rows - i}; height: 72px; transform: translateY(${i * 72}px);">
            <div tabindex="-1"><div tabindex="-1" role="row" aria-selected="false" class="_ak72 _ak73 _ak7n">
              <div class="_ak8n"><img src="https://pps.whatsapp.net/v/t61.24694-24/${100000 + i}_n.jpg?ccb=11-4&amp;oh=01_Q${i}&amp;oe=67F2C4D1" alt="" draggable="false" class="x1n2onr6 _ao3e"></div>
              <div class="_ak8l">
                <div role="gridcell" aria-colindex="2" class="_ak8o"><div class="_ak8q"><span dir="auto" title="${esc(name)}" class="x1iyjqo2 x6ikm8r _ao3e">${esc(name)}</span></div><div class="_ak8i">${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}</div></div>
                <div class="_ak8j"><div class="_ak8k"><div class="x78zum5">${ours ? '<span aria-label=" Read " data-icon="status-dblcheck"><svg></svg></span>' : ''}<span class="x78zum5 x1cy8zhl" title="${esc(preview)}"><span dir="ltr" class="_ao3e">${esc(preview)}</span></span></div></div>
                  <div role="gridcell" aria-colindex="1" class="_ak8i">${isUnread ? '<span><div class="_ahlk"><span class="x1rg5ohu x1s688f" aria-label="1 unread message">1</span></div></span>' : '<span></span>'}</div></div>
              </div></div></div></div>`);
  }
  return `<!DOCTYPE html>
<html class="js" lang="en" dir="ltr"><head><meta charset="utf-8"><title>WhatsApp</title></head>
<body class="web"><div id="app"><div class="_aigs x9f619" tabindex="-1"><div class="two _aigs" tabindex="-1">
  <div class="_aigw"><div id="side">
    <div class="x1c4vz4f"><div contenteditable="true" role="textbox" aria-label="Search input textbox" data-tab="3" data-lexical-editor="true"><p><br></p></div></div>
    <div id="pane-side" tabindex="-1"><div tabindex="-1" data-tab="4"><div aria-label="Chat list" role="grid" aria-rowcount="${opts.rows}" style="height: ${opts.rows * 72}px;">${items.join('')}
    </div></div></div>
  </div></div>
  <div class="_aigv"><div id="main">
    <header class="_amid"><div class="_amie" role="button"><span dir="auto" class="x1iyjqo2 _ao3e">${esc(opts.hostile ? HOSTILE[1]! : 'Ana López 1')}</span></div></header>
    <footer class="_ak1i"><div class="lexical-rich-text-input"><div contenteditable="true" role="textbox" aria-label="Type a message" data-tab="10" data-lexical-editor="true"><p><br></p></div></div></footer>
  </div></div>
</div></div></div></body></html>
`;
}
