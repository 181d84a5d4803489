// An editor that refuses every way DM Desk can put text in: it cancels beforeinput and paste
// events and reverts any other change after it is made. Only the clipboard is left.
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
// Other changes are reverted the way a model-first editor (CKEditor 5) renders its model again:
// from its mutation observer, after the change's task, not at once.
const observer = new MutationObserver(() => {
  if (box.innerHTML === pristine) return;
  box.innerHTML = pristine;
  observer.takeRecords();
});
observer.observe(box, { subtree: true, childList: true, characterData: true });
window.__state = () => box.textContent ?? '';
