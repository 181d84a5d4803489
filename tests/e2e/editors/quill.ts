// A Quill 2 editor (its own history and keyboard modules): another editor DM Desk has no strategy
// for. Quill reads native edits back from the DOM (a MutationObserver) into its Delta.
import Quill from 'quill/core';
import { config, mountPoint, send } from './common';

const c = config();
const host = document.createElement('div');
mountPoint().append(host);
const quill = new Quill(host, {
  modules: {
    history: { delay: 1000, maxStack: 100, userOnly: false },
    keyboard: {
      bindings: {
        send: { key: 'Enter', shiftKey: false, handler: () => (send(), false) },
      },
    },
  },
  placeholder: c.placeholder ?? 'Send a message...',
});
const root = quill.root;
root.setAttribute('role', 'textbox');
root.setAttribute('aria-label', c.ariaLabel ?? 'Send a message...');
for (const [name, value] of Object.entries(c.attrs ?? {})) root.setAttribute(name, value);

// The editor's state: Quill's text (it always ends with one "\n").
window.__state = () => quill.getText().replace(/\n+$/, '');
