// A Trix 2 editor (Basecamp's <trix-editor>): a model-first editor no platform uses today. Chrome
// has it read the browser's beforeinput events into its document; Enter sends here, as in a chat
// app, and Shift+Enter is a line break. Its state is its document, not the DOM.
import 'trix';
import { config, mountPoint, send } from './common';

interface TrixEditorElement extends HTMLElement {
  editor: { getDocument(): { toString(): string } };
}

const c = config();
const editor = document.createElement('trix-editor') as TrixEditorElement;
editor.setAttribute('role', 'textbox');
editor.setAttribute('aria-label', c.ariaLabel ?? 'Send a message...');
editor.setAttribute('placeholder', c.placeholder ?? 'Send a message...');
for (const [name, value] of Object.entries(c.attrs ?? {})) editor.setAttribute(name, value);
// Trix needs a toolbar element; a hidden one keeps the page a chat box.
const toolbar = document.createElement('trix-toolbar');
toolbar.id = 'trix-toolbar';
toolbar.hidden = true;
editor.setAttribute('toolbar', 'trix-toolbar');
mountPoint().append(toolbar, editor);
editor.addEventListener(
  'keydown',
  (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      event.stopImmediatePropagation();
      send();
    }
  },
  true,
);

// The document as text: blocks joined by "\n" (Trix ends it with one "\n"). Set once Trix has
// started the editor, so the tests wait for it.
editor.addEventListener('trix-initialize', () => {
  window.__state = () => editor.editor.getDocument().toString().replace(/\n+$/, '');
});
