// X "Chat" (2025+) composer: a React-controlled textarea (data-testid="dm-composer-textarea").
import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import { config, mountPoint, send } from './common';

let value = '';
function App() {
  const [text, setText] = useState('');
  value = text;
  window.__state = () => value;
  const c = config();
  return (
    <textarea
      data-testid={c.attrs?.['data-testid'] ?? 'dm-composer-textarea'}
      aria-label={c.ariaLabel ?? 'Message'}
      placeholder={c.placeholder ?? 'Message'}
      rows={3}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !event.shiftKey) {
          event.preventDefault();
          send();
        }
      }}
    />
  );
}

createRoot(mountPoint()).render(<App />);
