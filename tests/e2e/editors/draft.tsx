// X legacy DM / TikTok-like composer: the real Draft.js 0.11.7 editor
// (`.public-DraftEditor-content`, data-testid="dmComposerTextInput").
import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import { Editor, EditorState } from 'draft-js';
import { config, mountPoint, send } from './common';

function App() {
  const [state, setState] = useState(() => EditorState.createEmpty());
  window.__state = () => latest.getCurrentContent().getPlainText();
  latest = state;
  const c = config();
  return (
    <Editor
      editorState={state}
      onChange={(next) => {
        latest = next;
        setState(next);
      }}
      placeholder={c.placeholder ?? 'Start a new message'}
      ariaLabel={c.ariaLabel}
      webDriverTestID={c.attrs?.['data-testid'] ?? 'dmComposerTextInput'}
      handleReturn={(event) => {
        if (event.shiftKey) return 'not-handled';
        send();
        return 'handled';
      }}
    />
  );
}
let latest = EditorState.createEmpty();

createRoot(mountPoint()).render(<App />);
