// LinkedIn-like composer: a plain contenteditable with one <p> per line, no framework. The send
// button is enabled only by input events, as on LinkedIn (setting innerHTML leaves it disabled).
import { config, editorParent, send } from './common';

const c = config();
const box = document.createElement('div');
box.className = c.className ?? 'msg-form__contenteditable t-14 t-black--light t-normal flex-grow-1 full-height notranslate';
box.setAttribute('contenteditable', 'true');
box.setAttribute('role', 'textbox');
box.setAttribute('aria-multiline', 'true');
box.setAttribute('aria-label', c.ariaLabel ?? 'Write a message…');
for (const [name, value] of Object.entries(c.attrs ?? {})) box.setAttribute(name, value);
box.innerHTML = '<p><br></p>';
editorParent().append(box);

const sendButton = document.querySelector<HTMLButtonElement>('button.msg-form__send-button');
box.addEventListener('input', () => {
  if (!box.querySelector('p')) box.innerHTML = '<p><br></p>';
  if (sendButton) sendButton.disabled = !box.textContent?.trim();
});
box.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    send();
  }
});

window.__state = () =>
  Array.from(box.children)
    .map((p) => (p.textContent ?? '').replace(/\u00A0/g, ' '))
    .join('\n')
    .replace(/\n+$/, '');
