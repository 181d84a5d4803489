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
  /** Mount the editor inside a web component's open shadow root (a `<message-composer>`). */
  shadow?: boolean;
}

declare global {
  interface Window {
    __editorConfig?: EditorPageConfig;
    /** The editor's own state as plain text (Lexical state, Draft content, React state, DOM lines). */
    __state?: () => string;
    __sends: number;
    __send: () => void;
    /** The first match of a selector in the document or any open shadow root (tests/e2e/editors/pages.ts). */
    __deepQuery: (selector: string) => Element | null;
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

/**
 * Where the editor goes: the mount point, or with `shadow`, the open shadow root of a
 * `<message-composer>` element in it, as a page built from web components has it.
 */
export function editorParent(): HTMLElement | ShadowRoot {
  if (!config().shadow) return mountPoint();
  const host = document.createElement('message-composer');
  mountPoint().append(host);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = '[contenteditable]{outline:none;min-height:22px}';
  root.append(style);
  return root;
}

/** The platform's "send": counted, never expected to run in these tests. */
export function send(): void {
  window.__send();
}
