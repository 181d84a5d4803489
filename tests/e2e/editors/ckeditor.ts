// A CKEditor 5 inline editor (Essentials: typing, enter, soft enter, clipboard, undo): a model-first
// editor no platform uses today. Like a chat app built on it, Enter sends, through the editor's own
// "enter" view event (which CKEditor also fires for a beforeinput insertParagraph), and Shift+Enter
// is a soft line break. Its state is the model, not the DOM.
import { Essentials, InlineEditor, Paragraph } from 'ckeditor5';
import { config, mountPoint, send } from './common';

const c = config();
const host = document.createElement('div');
mountPoint().append(host);

void InlineEditor.create(host, { licenseKey: 'GPL', plugins: [Essentials, Paragraph], placeholder: c.placeholder ?? 'Type a message' }).then((editor) => {
  const root = editor.ui.getEditableElement()!;
  root.setAttribute('aria-label', c.ariaLabel ?? 'Type a message');
  for (const [name, value] of Object.entries(c.attrs ?? {})) root.setAttribute(name, value);
  editor.editing.view.document.on(
    'enter',
    (event, data) => {
      if (data.isSoft) return;
      send();
      data.preventDefault();
      event.stop();
    },
    { priority: 'high' },
  );
  // The model as plain text: paragraphs joined by "\n", soft breaks as "\n".
  window.__state = () => {
    const lines: string[] = [];
    for (const block of editor.model.document.getRoot()!.getChildren()) {
      let line = '';
      if (block.is('element')) {
        for (const child of block.getChildren()) {
          // A "\n" inside a text is no line break here (it shows as a space): marked so a test sees it.
          if (child.is('$text')) line += child.data.replace(/\n/g, '⏎');
          else if (child.is('element', 'softBreak')) line += '\n';
        }
      }
      lines.push(line);
    }
    return lines.join('\n').replace(/\n+$/, '');
  };
});
