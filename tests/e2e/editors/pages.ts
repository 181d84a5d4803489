import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleName, PAGES_DIST } from './build';
import type { EditorPageConfig } from './common';

/**
 * Test pages: platform markup (what the adapters read: header, participant, send button) around a
 * real editor bundle, inlined so the page is one HTML document served at the platform's URL.
 */
export type EditorName = 'lexical' | 'draft' | 'textarea' | 'plain' | 'stubborn' | 'prosemirror' | 'quill' | 'slate' | 'ckeditor' | 'trix' | 'framed';

export interface PageSpec {
  title: string;
  editor: EditorName;
  /** Body markup; must hold `<div id="composer-root"></div>` and usually a send button calling __send(). */
  body: string;
  config?: EditorPageConfig;
}

function bundle(editor: EditorName): string {
  const file = path.join(PAGES_DIST, bundleName(`${editor}.ts`));
  return readFileSync(file, 'utf8').replace(/<\/script/gi, '<\\/script');
}

export function editorPage(spec: PageSpec): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${spec.title}</title>
<style>body{font:14px system-ui;margin:0} .composer-row{display:flex;align-items:flex-end;gap:8px;padding:8px;border-top:1px solid #ddd}
#composer-root{flex:1;border:1px solid #ccc;border-radius:18px;padding:8px 12px;min-height:22px}
#composer-root textarea{width:100%;border:0;resize:none;font:inherit;outline:none}
#composer-root [contenteditable]{outline:none;min-height:22px}
.ProseMirror,.ql-editor{white-space:pre-wrap;word-wrap:break-word}.ql-editor p{margin:0}.ql-clipboard{position:absolute;left:-10000px;height:1px;overflow-y:hidden}
button{font:inherit}</style>
<script>
window.__sends = 0;
window.__send = function () { window.__sends++; };
// The page's own keyboard shortcuts: every key the page sees (bubbling to document).
window.__keys = [];
document.addEventListener('keydown', function (e) { window.__keys.push(e.key); });
// Tab as the page sees it: was its default prevented?
window.__tabs = [];
document.addEventListener('keydown', function (e) { if (e.key === 'Tab') window.__tabs.push(e.defaultPrevented); });
// A synthetic Enter anywhere (capture on window runs before anyone can stop it).
window.__syntheticEnter = 0;
window.addEventListener('keydown', function (e) { if (e.key === 'Enter' && !e.isTrusted) window.__syntheticEnter++; }, true);
// The tests' query for the composer: in the document or in any open shadow root.
window.__deepQuery = function (selector) {
  var find = function (root) {
    var hit = root.querySelector(selector);
    if (hit) return hit;
    var all = root.querySelectorAll('*');
    for (var i = 0; i < all.length; i++) if (all[i].shadowRoot) { var inner = find(all[i].shadowRoot); if (inner) return inner; }
    return null;
  };
  return find(document);
};
window.__editorConfig = ${JSON.stringify(spec.config ?? {}).replace(/</g, '\\u003c')};
</script></head>
<body>
${spec.body}
<script>${bundle(spec.editor)}</script>
</body></html>`;
}

/** A composer row: the editor mount point and a send button with the platform's markup. */
export function composerRow(sendButton: string): string {
  return `<div class="composer-row"><div id="composer-root"></div>${sendButton}</div>`;
}
