// An editor whose editable body is in a same-origin iframe, as TinyMCE and CKEditor 4 (classic
// mode) build it: <body contenteditable> with one <p> per line in an about:blank frame. Keys,
// focus and the selection are the frame's own; the page around it never sees them.
import { mountPoint, send } from './common';

const frame = document.createElement('iframe');
frame.title = 'Rich Text Area';
frame.style.cssText = 'width:100%;height:60px;border:1px solid #ccc;padding:2px';
mountPoint().append(frame);
const inner = frame.contentDocument!;
inner.open();
inner.write('<!doctype html><html><head><style>body{font:14px system-ui;margin:4px}p{margin:0}</style></head><body id="tinymce" class="mce-content-body" contenteditable="true" role="textbox" aria-label="Message"><p><br></p></body></html>');
inner.close();
const body = inner.body;

body.addEventListener('input', () => {
  if (!body.querySelector('p')) body.innerHTML = '<p><br></p>';
});
body.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    send();
  }
});
// A synthetic Enter inside the frame counts as one on the page (the tests' never-sends check).
inner.defaultView!.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.isTrusted) window.__syntheticEnter++;
}, true);

window.__state = () =>
  Array.from(body.children)
    .map((p) => (p.textContent ?? '').replace(/\u00A0/g, ' '))
    .join('\n')
    .replace(/\n+$/, '');
