// A Slate editor (slate-react, with slate-history): React's own rich-text framework, driven by
// beforeinput events. DM Desk has no Slate strategy; it must go in as into any contenteditable.
import { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, Editor, Node, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact } from 'slate-react';
import { config, mountPoint, send } from './common';

const c = config();
const initial: Descendant[] = [{ children: [{ text: '' }] } as Descendant];
let current: Editor | null = null;

function Composer() {
  const editor = useMemo(() => withHistory(withReact(createEditor())), []);
  current = editor;
  return (
    <Slate editor={editor} initialValue={initial}>
      <Editable
        aria-label={c.ariaLabel ?? 'Send a chat'}
        placeholder={c.placeholder ?? 'Send a chat'}
        {...(c.attrs ?? {})}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            send();
          }
          if ((event.ctrlKey || event.metaKey) && event.key === 'z') {
            event.preventDefault();
            if (event.shiftKey) editor.redo();
            else editor.undo();
          }
        }}
      />
    </Slate>
  );
}

createRoot(mountPoint()).render(<Composer />);

// The editor's state: one line per top-level block.
window.__state = () => (current ? current.children.map((block) => Node.string(block)).join('\n').replace(/\n+$/, '') : '');
