// Instagram / Messenger / WhatsApp-like composer: the real Lexical (0.39) plain-text editor with
// history, as those sites mount it (`div[role="textbox"][contenteditable][data-lexical-editor]`).
import { createRoot } from 'react-dom/client';
import { useEffect } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND } from 'lexical';
import { config, mountPoint, send } from './common';

function Expose() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    window.__state = () => editor.getEditorState().read(() => $getRoot().getTextContent());
    // Enter sends, Shift+Enter breaks the line (as on Instagram).
    return editor.registerCommand(
      KEY_ENTER_COMMAND,
      (event) => {
        if (event?.shiftKey) return false;
        event?.preventDefault();
        send();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
  }, [editor]);
  return null;
}

function App() {
  const c = config();
  return (
    <LexicalComposer initialConfig={{ namespace: 'composer', onError: (e: Error) => { throw e; } }}>
      <PlainTextPlugin
        contentEditable={
          <ContentEditable
            ariaLabel={c.ariaLabel ?? 'Message'}
            className={c.className ?? 'xzsf02u x1a2a7pz'}
            {...(c.attrs ?? {})}
            style={{ minHeight: 22, outline: 'none', whiteSpace: 'pre-wrap' }}
          />
        }
        placeholder={<div className="placeholder">{c.placeholder ?? 'Message...'}</div>}
        ErrorBoundary={LexicalErrorBoundary}
      />
      <HistoryPlugin />
      <Expose />
    </LexicalComposer>
  );
}

createRoot(mountPoint()).render(<App />);
