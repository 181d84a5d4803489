// A ProseMirror editor (prosemirror-view, the basic schema, history and the base keymap): the
// editor of many web apps (Tiptap is built on it). DM Desk has no ProseMirror strategy; it must go
// in as into any contenteditable. ProseMirror reads native edits back from the DOM into its state.
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { config, mountPoint, send } from './common';

const c = config();
const state = EditorState.create({
  schema,
  plugins: [
    history(),
    keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }),
    keymap({
      Enter: () => {
        send();
        return true;
      },
    }),
    keymap(baseKeymap),
  ],
});
const view = new EditorView(mountPoint(), {
  state,
  attributes: {
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': c.ariaLabel ?? 'Write a message…',
    class: c.className ?? '',
    ...(c.attrs ?? {}),
  },
});

// The editor's state: one line per paragraph.
window.__state = () => {
  const lines: string[] = [];
  view.state.doc.forEach((block) => lines.push(block.textContent));
  return lines.join('\n').replace(/\n+$/, '');
};
