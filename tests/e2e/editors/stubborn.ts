// An editor that refuses every way DM Desk can put text in: it cancels beforeinput and paste
// events and reverts any other change. Only the clipboard is left.
import { config, mountPoint } from './common';

const c = config();
const box = document.createElement('div');
box.setAttribute('contenteditable', 'true');
box.setAttribute('role', 'textbox');
box.setAttribute('aria-label', c.ariaLabel ?? 'Message');
box.innerHTML = '<p><br></p>';
mountPoint().append(box);
const pristine = box.innerHTML;
for (const type of ['beforeinput', 'paste', 'drop']) box.addEventListener(type, (event) => event.preventDefault());
box.addEventListener('input', () => {
  box.innerHTML = pristine;
});
window.__state = () => box.textContent ?? '';
