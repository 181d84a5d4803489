import { composerRow, editorPage, type EditorName } from './pages';
import type { EditorPageConfig } from './common';

/**
 * Platform pages around the real editors, with the markup each adapter reads (PLATFORMS.md):
 * the open conversation's participant and the send button. `conversation: false` leaves the
 * participant out (no open conversation), so personalisation falls back.
 */
export type PagePlatform =
  | 'instagram'
  | 'messenger'
  | 'x-legacy'
  | 'x-chat'
  | 'linkedin'
  | 'linkedin-prosemirror'
  | 'linkedin-shadow'
  | 'linkedin-iframe'
  | 'whatsapp'
  | 'tiktok-stubborn'
  | 'tiktok-quill'
  | 'snapchat-slate'
  | 'whatsapp-ckeditor'
  | 'tiktok-trix';

export interface PlatformPage {
  url: string;
  html: string;
  editor: EditorName;
  /** Selector of the editable root. */
  composer: string;
  /** Selector of the platform's send button. */
  sendButton: string;
}

const LINKEDIN_THREAD = 'https://www.linkedin.com/messaging/thread/2-YWJjZGVmZ2hpams=/';

/**
 * LinkedIn's messaging markup around the composer. The plain editor page enables its send button
 * on input, as LinkedIn does, so it starts disabled there.
 */
function linkedinBody(who: string | null, { sendDisabled }: { sendDisabled: boolean }): string {
  const thread = who !== null ? `<div class="msg-thread"><h2 class="msg-entity-lockup__entity-title">${who}</h2><ul class="msg-s-message-list"></ul></div>` : '';
  const send = `<button type="button" id="send" class="msg-form__send-button artdeco-button"${sendDisabled ? ' disabled' : ''} onclick="__send()">Send</button>`;
  return `<main class="msg-overlay-list-bubble">${thread}\n<form class="msg-form">${composerRow(send)}</form></main>`;
}

const PLAIN_COMPOSER = 'div.msg-form__contenteditable[contenteditable="true"][role="textbox"]';

/** A LinkedIn thread (or the inbox, without a contact) around one of the test editors. */
function linkedinPage(
  who: string | null,
  editor: EditorName,
  composer: string,
  { sendDisabled, config }: { sendDisabled: boolean; config?: EditorPageConfig },
): PlatformPage {
  return {
    url: who !== null ? LINKEDIN_THREAD : 'https://www.linkedin.com/messaging/',
    editor,
    composer,
    sendButton: 'button.msg-form__send-button',
    html: editorPage({ title: 'Messaging | LinkedIn', editor, ...(config ? { config } : {}), body: linkedinBody(who, { sendDisabled }) }),
  };
}

/** TikTok's chat box around the composer. */
const TIKTOK_BODY = `<div data-e2e="dm-new-chatbox">${composerRow('<button id="send" data-e2e="dm-send" onclick="__send()">Send</button>')}</div>`;

export function platformPage(kind: PagePlatform, options: { contact?: string | null } = {}): PlatformPage {
  const who = options.contact === undefined ? 'Ana López' : options.contact;
  const open = who !== null;
  switch (kind) {
    case 'instagram':
      return {
        url: open ? 'https://www.instagram.com/direct/t/340282366841710300949128/' : 'https://www.instagram.com/direct/inbox/',
        editor: 'lexical',
        composer: 'div[role="textbox"][contenteditable="true"][aria-label="Message"][data-lexical-editor="true"]',
        sendButton: '#send',
        html: editorPage({
          title: 'Instagram',
          editor: 'lexical',
          config: { ariaLabel: 'Message', placeholder: 'Message...' },
          body: `<main><section>${open ? `<div aria-label="Messages in conversation with ${who}" role="list"><div role="listitem">Hi, is the blue one back?</div></div>` : ''}
${composerRow('<div id="send" role="button" tabindex="0" onclick="__send()">Send</div>')}</section></main>`,
        }),
      };
    case 'messenger':
      return {
        url: open ? 'https://www.facebook.com/messages/t/100012345678901/' : 'https://www.facebook.com/messages/',
        editor: 'lexical',
        composer: 'div[role="textbox"][data-lexical-editor="true"]',
        sendButton: '#send',
        html: editorPage({
          title: 'Messenger | Facebook',
          editor: 'lexical',
          config: { ariaLabel: 'Message', placeholder: 'Aa' },
          body: `<div role="main">${open ? `<h2>${who}</h2><div aria-label="Messages in conversation with ${who}" role="grid"></div>` : ''}
${composerRow('<div id="send" role="button" aria-label="Press enter to send" tabindex="0" onclick="__send()">➤</div>')}</div>`,
        }),
      };
    case 'x-legacy':
      return {
        url: open ? 'https://x.com/messages/1234567890-9876543210' : 'https://x.com/messages',
        editor: 'draft',
        composer: '.public-DraftEditor-content',
        sendButton: '[data-testid="dmComposerSendButton"]',
        html: editorPage({
          title: 'Messages / X',
          editor: 'draft',
          config: { ariaLabel: 'Start a new message', attrs: { 'data-testid': 'dmComposerTextInput' } },
          body: `<main><section data-testid="DmActivityContainer">${open ? `<h2 id="detail-header"><span>${who}</span><span>@ana_lopez</span></h2>` : ''}
<aside>${composerRow('<button id="send" data-testid="dmComposerSendButton" aria-label="Send" onclick="__send()">Send</button>')}</aside></section></main>`,
        }),
      };
    case 'x-chat':
      return {
        url: open ? 'https://x.com/i/chat/1234567890-9876543210' : 'https://x.com/i/chat',
        editor: 'textarea',
        composer: 'textarea[data-testid="dm-composer-textarea"]',
        sendButton: '[data-testid="dm-composer-send-button"]',
        html: editorPage({
          title: 'Chat / X',
          editor: 'textarea',
          body: `<main><section data-testid="dm-conversation-panel">${open ? `<div data-testid="dm-conversation-header"><span>${who}</span><span>@ana_lopez</span></div>` : ''}
${composerRow('<button id="send" data-testid="dm-composer-send-button" aria-label="Send" onclick="__send()">Send</button>')}</section></main>`,
        }),
      };
    case 'linkedin':
      return linkedinPage(who, 'plain', PLAIN_COMPOSER, { sendDisabled: true });
    case 'linkedin-shadow':
      // LinkedIn's composer inside a web component's shadow root: the page's focus, keys and
      // selection all stop at the component unless read through it.
      return linkedinPage(who, 'plain', PLAIN_COMPOSER, { sendDisabled: true, config: { shadow: true } });
    case 'linkedin-iframe':
      // LinkedIn's messaging markup around an editor in an iframe (TinyMCE, CKEditor 4 classic).
      return linkedinPage(who, 'framed', '#composer-root iframe', { sendDisabled: false });
    case 'linkedin-prosemirror':
      // LinkedIn's composer markers on a ProseMirror editor: an editor DM Desk was not built for.
      return linkedinPage(who, 'prosemirror', '.ProseMirror[contenteditable="true"]', {
        sendDisabled: false,
        config: { className: 'msg-form__contenteditable' },
      });
    case 'tiktok-quill':
      // TikTok's chat box around a Quill editor: another editor DM Desk was not built for.
      return {
        url: 'https://www.tiktok.com/messages?lang=en',
        editor: 'quill',
        composer: '.ql-editor[contenteditable="true"]',
        sendButton: '#send',
        html: editorPage({
          title: 'Messages | TikTok',
          editor: 'quill',
          body: TIKTOK_BODY,
        }),
      };
    case 'tiktok-trix':
      // TikTok's chat box around a Trix editor: another model-first editor DM Desk was not built for.
      return {
        url: 'https://www.tiktok.com/messages?lang=en',
        editor: 'trix',
        composer: 'trix-editor[contenteditable]',
        sendButton: '#send',
        html: editorPage({
          title: 'Messages | TikTok',
          editor: 'trix',
          body: TIKTOK_BODY,
        }),
      };
    case 'snapchat-slate':
      // Snapchat's chat page around a Slate editor: a third editor DM Desk was not built for.
      return {
        url: 'https://www.snapchat.com/web/7a9e3c52-18b4-4f0d-8c6e-5d2a1b9f3e22',
        editor: 'slate',
        composer: '[data-slate-editor="true"]',
        sendButton: '#send',
        html: editorPage({
          title: 'Snapchat',
          editor: 'slate',
          body: `<div id="cv-7a9e3c52-18b4-4f0d-8c6e-5d2a1b9f3e22">${composerRow('<button id="send" onclick="__send()">Send</button>')}</div>`,
        }),
      };
    case 'whatsapp':
      return {
        url: 'https://web.whatsapp.com/',
        editor: 'lexical',
        composer: 'footer div[contenteditable="true"][role="textbox"]',
        sendButton: '#send',
        html: editorPage({
          title: 'WhatsApp',
          editor: 'lexical',
          config: { ariaLabel: 'Type a message', attrs: { 'data-tab': '10' } },
          body: open
            ? `<div id="app"><div id="main"><header><div><span dir="auto" title="${who}">${who}</span></div></header><div role="application"></div>
<footer>${composerRow('<button id="send" aria-label="Send" onclick="__send()"><span data-icon="send">➤</span></button>')}</footer></div></div>`
            : `<div id="app"><div id="side"></div><footer>${composerRow('<button id="send" aria-label="Send" onclick="__send()"><span data-icon="send">➤</span></button>')}</footer></div>`,
        }),
      };
    case 'whatsapp-ckeditor':
      // WhatsApp Web's footer around a CKEditor 5 editor: a model-first editor DM Desk was not built for.
      return {
        url: 'https://web.whatsapp.com/',
        editor: 'ckeditor',
        composer: 'footer .ck-editor__editable[contenteditable="true"]',
        sendButton: '#send',
        html: editorPage({
          title: 'WhatsApp',
          editor: 'ckeditor',
          config: { ariaLabel: 'Type a message', attrs: { 'data-tab': '10' } },
          body: `<div id="app"><div id="main"><header><div><span dir="auto" title="${who}">${who}</span></div></header><div role="application"></div>
<footer>${composerRow('<button id="send" aria-label="Send" onclick="__send()"><span data-icon="send">➤</span></button>')}</footer></div></div>`,
        }),
      };
    case 'tiktok-stubborn':
      return {
        url: 'https://www.tiktok.com/messages?lang=en',
        editor: 'stubborn',
        composer: '#composer-root [contenteditable="true"]',
        sendButton: '#send',
        html: editorPage({
          title: 'Messages | TikTok',
          editor: 'stubborn',
          body: TIKTOK_BODY,
        }),
      };
  }
}
