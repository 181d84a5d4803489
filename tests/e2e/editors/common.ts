/**
 * What every editor test page shares: its configuration (set inline by the page shell), the
 * editor-state reader the tests call, and the send counter. Runs in the page, not in the test.
 */
export interface EditorPageConfig {
  ariaLabel?: string;
  placeholder?: string;
  /** Extra attributes for the editable root (data-testid, data-tab…). */
  attrs?: Record<string, string>;
  /** Extra class names for the editable root. */
  className?: string;
}

declare global {
  interface Window {
    __editorConfig?: EditorPageConfig;
    /** The editor's own state as plain text (Lexical state, Draft content, React state, DOM lines). */
    __state?: () => string;
    __sends: number;
    __send: () => void;
  }
}

export function config(): EditorPageConfig {
  return window.__editorConfig ?? {};
}

export function mountPoint(): HTMLElement {
  const el = document.getElementById('composer-root');
  if (!el) throw new Error('page has no #composer-root');
  return el;
}

/** The platform's "send": counted, never expected to run in these tests. */
export function send(): void {
  window.__send();
}
