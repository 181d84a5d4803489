import type { Contact, PlatformAdapter, PlatformId } from '@/utils/platforms/contract';
import type { Reply } from '@/utils/replies/model';
import { renderReply, type Rendered } from '@/utils/replies/render';
import { createReplySearch, type ReplySearch } from '@/utils/replies/search';
import { DEFAULT_HOTKEY } from '@/utils/settings';
import { deepActiveElement, detectEditor, textBeforeCaret } from '@/utils/dom/editors';
import { insertText, saveCaret, restoreCaret, type InsertOutcome, type SavedCaret } from '@/utils/dom/insert';
import { matchShortcut } from '@/utils/dom/shortcut';
import { matchesHotkey, parseHotkey, type Hotkey } from './hotkey';
import { cornerPosition, sendButtonsNear, viewportRect, type Box } from './position';
import { OVERLAY_CSS } from './styles';
import { OWN_UI_ATTRIBUTE } from '../watcher';
import { checkLength, describeLength } from '@/utils/replies/limits';

/**
 * The in-page overlay, in plain DOM (the content script loads into every platform page; no React
 * here): a shadow-root dialog "Saved replies" opened by the hotkey or a button at the composer's
 * corner, shortcut expansion on Tab, and the insertion itself. Never sends anything.
 */
export interface OverlayOptions {
  doc: Document;
  platform: PlatformId;
  adapter: PlatformAdapter | null;
  /** Saved replies usable on this platform (from the background). */
  loadReplies: () => Promise<Reply[]>;
  /** An insertion happened (counted by the background). */
  onUsed: (replyId: string) => void;
  myName?: string;
  hotkey?: string;
}

export interface Overlay {
  /** Who the open conversation is with (adapter), the composer, the length limit. */
  context(): { contact: Contact | null; composer: HTMLElement | null; maxLength?: number };
  /** Insert into the page's composer (the popup's replies tab). */
  insert(text: string, options?: { cursor?: number | null; replyId?: string }): Promise<InsertOutcome>;
  refreshReplies(): Promise<void>;
  setSettings(settings: { myName?: string; hotkey?: string }): void;
  destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const BUTTON_SIZE = 24;

export function mountOverlay(options: OverlayOptions): Overlay {
  const { doc, platform, adapter } = options;
  const win = doc.defaultView ?? window;
  let myName = options.myName ?? '';
  let hotkey: Hotkey | null = parseHotkey(options.hotkey ?? DEFAULT_HOTKEY);
  let replies: Reply[] = [];
  let search: ReplySearch = createReplySearch([]);
  let loaded: Promise<void> | null = null;
  let lastLoad = 0;

  // --- shadow host ---------------------------------------------------------------------------
  const host = doc.createElement('dm-desk-overlay');
  // The watcher ignores mutations under this attribute: moving the corner button is not news.
  host.setAttribute(OWN_UI_ATTRIBUTE, '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  const root = doc.createElement('div');
  root.className = 'root';
  shadow.append(style, root);

  // Keys typed in the overlay stay in the overlay: the page's shortcuts (bubbling listeners on
  // document / window) never see them.
  for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste', 'copy', 'cut']) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }

  const corner = doc.createElement('button');
  corner.type = 'button';
  corner.className = 'corner';
  corner.setAttribute('aria-label', 'Saved replies');
  corner.title = 'Saved replies';
  corner.hidden = true;
  const icon = doc.createElementNS(SVG_NS, 'svg');
  icon.setAttribute('viewBox', '0 0 16 16');
  icon.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M2 2h12v9H6l-4 3zm2 2v1h8V4zm0 3v1h6V7z');
  icon.append(path);
  corner.append(icon);

  const dialog = doc.createElement('div');
  dialog.className = 'dialog';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-label', 'Saved replies');
  dialog.hidden = true;
  const input = doc.createElement('input');
  input.type = 'search';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-label', 'Search saved replies');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'true');
  input.setAttribute('aria-controls', 'dmd-list');
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = 'Search saved replies';
  const list = doc.createElement('ul');
  list.className = 'list';
  list.id = 'dmd-list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Replies');
  const empty = doc.createElement('p');
  empty.className = 'empty';
  empty.hidden = true;
  const hint = doc.createElement('p');
  hint.className = 'hint';
  hint.textContent = '↑ ↓ to choose · Enter to insert · Esc to close';
  dialog.append(input, list, empty, hint);

  const toast = doc.createElement('div');
  toast.className = 'toast';
  toast.setAttribute('role', 'alert');
  toast.hidden = true;

  root.append(corner, dialog, toast);
  doc.documentElement.append(host);

  const isOurs = (event: Event) => event.composedPath().includes(host);

  // --- replies -------------------------------------------------------------------------------
  async function refreshReplies(): Promise<void> {
    lastLoad = Date.now();
    try {
      replies = await options.loadReplies();
      search = createReplySearch(replies);
    } catch {
      // The extension was updated or the worker is starting: keep the cache we have.
    }
    if (!dialog.hidden) renderList();
  }
  function ensureReplies(maxAge = 30_000): Promise<void> {
    if (!loaded || Date.now() - lastLoad > maxAge) loaded = refreshReplies();
    return loaded;
  }

  // --- context -------------------------------------------------------------------------------
  function contact(): Contact | null {
    if (!adapter) return null;
    try {
      return adapter.read(doc, new URL(doc.location.href)).active;
    } catch {
      return null;
    }
  }
  function render(reply: Reply, who: Contact | null): Rendered {
    return renderReply(reply.body, { contact: who, platform, myName });
  }

  // --- composer tracking -----------------------------------------------------------------------
  let focused: HTMLElement | null = null;
  /**
   * The adapter's last answer, for the corner button's polling. On a page without a composer
   * (the inbox) each look-up is a few queries over the whole document that find nothing, every
   * second, forever: so "none" is trusted for 1 s, then 2, 4… up to a minute, unless the user
   * did something on the page (a composer appears on a click, a key, a focus, or after a
   * navigation, which is a click too); a page still loading its composer is looked at again
   * within 1, 3 and 7 s. A found composer is trusted for 1 s while it stays in the page.
   */
  let lookup: { at: number; found: HTMLElement | null } | null = null;
  let noneInARow = 0;
  const NONE_TRUSTED_MS = 1000;
  const NONE_TRUSTED_MAX_MS = 60_000;
  const FOUND_TRUSTED_MS = 1000;
  const forgetLookup = () => {
    lookup = null;
    noneInARow = 0;
  };
  /** `fresh`: for the popup's questions and insertions, never a remembered answer. */
  function composer(fresh = false): HTMLElement | null {
    if (focused?.isConnected) return focused;
    const now = win.performance.now();
    if (!fresh && lookup) {
      const age = now - lookup.at;
      const noneTrusted = Math.min(NONE_TRUSTED_MAX_MS, NONE_TRUSTED_MS * 2 ** (noneInARow - 1));
      if (lookup.found ? lookup.found.isConnected && age < FOUND_TRUSTED_MS : age < noneTrusted) return lookup.found;
    }
    const fromAdapter = adapter?.composer(doc);
    const found = fromAdapter ? (detectEditor(fromAdapter)?.root ?? null) : null;
    lookup = { at: now, found };
    noneInARow = found ? 0 : noneInARow + 1;
    return found;
  }
  doc.addEventListener('pointerdown', forgetLookup, true);
  doc.addEventListener('keydown', forgetLookup, true);
  win.addEventListener('popstate', forgetLookup);
  /** The composer that gets the corner button: the platform's own, or a focused multi-line editor. */
  function buttonComposer(): HTMLElement | null {
    const current = composer();
    if (!current) return null;
    if (current.tagName === 'INPUT') return null;
    return current;
  }

  const onFocusIn = (event: FocusEvent) => {
    if (isOurs(event)) return;
    // The focused element itself, inside a web component's shadow tree too (the event's target
    // is its host there).
    noteFocus((event.composedPath()[0] ?? event.target) as Element | null);
  };
  function noteFocus(target: Element | null) {
    const editor = target ? detectEditor(target, { descend: false }) : null;
    forgetLookup();
    if (editor) {
      focused = editor.root;
      void ensureReplies();
      observeComposer();
      schedulePosition();
    }
  }
  doc.addEventListener('focusin', onFocusIn, true);

  /**
   * Editors in a same-origin frame (TinyMCE and CKEditor 4 put their editable body in an iframe):
   * keys and focus inside it never reach this document, so the frame's own document is listened
   * to as well, from the first time focus goes into it. A cross-origin frame is not readable and
   * is left alone.
   */
  const isFrame = (el: Element | null): el is Element => el?.localName === 'iframe' || el?.localName === 'frame';
  const watchedFrames: { doc: Document; win: Window }[] = [];
  function watchFrame(frameElement: Element) {
    let inner: Document | null = null;
    try {
      inner = (frameElement as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    const innerWin = inner?.defaultView;
    if (!inner || !innerWin) return;
    if (!watchedFrames.some((f) => f.doc === inner)) {
      // A frame that navigated left its old document behind: let it go.
      for (let i = watchedFrames.length - 1; i >= 0; i--) if (!watchedFrames[i]!.doc.defaultView) watchedFrames.splice(i, 1);
      watchedFrames.push({ doc: inner, win: innerWin });
      innerWin.addEventListener('keydown', onKeyDown, true);
      innerWin.addEventListener('blur', onBlur);
      inner.addEventListener('focusin', onFocusIn, true);
      inner.addEventListener('pointerdown', forgetLookup, true);
    }
    // Focus is already inside: the frame's own focusin came first.
    noteFocus(inner.activeElement);
  }
  /**
   * Focus going into a frame fires no focusin in the document around it, only a blur of its
   * window; the frame is then that document's active element.
   */
  const onBlur = (event: Event) => {
    const from = (event.currentTarget as Window | null)?.document;
    if (!from) return;
    win.setTimeout(() => {
      const active = from.activeElement;
      if (isFrame(active)) watchFrame(active);
    }, 0);
  };
  win.addEventListener('blur', onBlur);
  if (isFrame(doc.activeElement)) watchFrame(doc.activeElement);
  // Back from editing replies in another tab: the cache may be stale ("changed" broadcasts reach
  // content scripts only when the background sends them to tabs).
  const onWindowFocus = () => {
    if (loaded) void refreshReplies();
  };
  win.addEventListener('focus', onWindowFocus);

  // --- corner button -------------------------------------------------------------------------
  let frame = 0;
  let observed: HTMLElement | null = null;
  const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => schedulePosition()) : null;
  function observeComposer() {
    const target = buttonComposer();
    if (target === observed) return;
    if (observed) resizeObserver?.unobserve(observed);
    observed = target;
    if (target) resizeObserver?.observe(target);
  }
  function schedulePosition() {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      position();
    });
  }
  function toBox(rect: DOMRect): Box {
    return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
  }
  function position() {
    const target = buttonComposer();
    if (!target || !dialog.hidden) {
      corner.hidden = true;
      return;
    }
    const rect = viewportRect(target, win);
    const visible = rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < win.innerHeight;
    if (!visible) {
      corner.hidden = true;
      return;
    }
    const avoid = sendButtonsNear(target).map((el) => toBox(viewportRect(el, win)));
    const box = cornerPosition(toBox(rect), avoid, BUTTON_SIZE, { width: win.innerWidth, height: win.innerHeight });
    corner.style.left = `${Math.round(box.left)}px`;
    corner.style.top = `${Math.round(box.top)}px`;
    corner.hidden = false;
  }
  const onScrollOrResize = () => schedulePosition();
  win.addEventListener('scroll', onScrollOrResize, { capture: true, passive: true });
  win.addEventListener('resize', onScrollOrResize, { passive: true });
  resizeObserver?.observe(doc.documentElement);
  // Backstop for relayouts nothing above reports (a banner inserted above, a new composer node).
  const poll = win.setInterval(() => {
    observeComposer();
    // No composer and the button already hidden (an inbox page): nothing to place this second.
    if (observed === null && corner.hidden) return;
    schedulePosition();
  }, 1000);
  observeComposer();
  schedulePosition();

  // Keep focus and caret in the composer when the button is pressed.
  corner.addEventListener('mousedown', (event) => event.preventDefault());
  corner.addEventListener('click', () => {
    const target = buttonComposer();
    if (target) openDialog(target);
  });

  // --- dialog --------------------------------------------------------------------------------
  let target: HTMLElement | null = null;
  let caret: SavedCaret | null = null;
  let results: Reply[] = [];
  let active = 0;
  let who: Contact | null = null;

  function placeDialog(anchor: HTMLElement) {
    const rect = viewportRect(anchor, win);
    const width = Math.min(420, win.innerWidth - 16);
    const height = Math.min(420, win.innerHeight - 16);
    const left = Math.max(8, Math.min(rect.left, win.innerWidth - width - 8));
    const above = rect.top - 8 - height;
    const top = above >= 8 ? above : Math.max(8, Math.min(rect.bottom + 8, win.innerHeight - height - 8));
    dialog.style.left = `${Math.round(left)}px`;
    dialog.style.top = `${Math.round(top)}px`;
  }

  function openDialog(editorRoot: HTMLElement) {
    target = editorRoot;
    caret = saveCaret(editorRoot);
    who = contact();
    hideToast();
    input.value = '';
    active = 0;
    dialog.hidden = false;
    corner.hidden = true;
    placeDialog(editorRoot);
    renderList();
    input.focus({ preventScroll: true });
    void ensureReplies(0);
  }

  function closeDialog(returnFocus: boolean) {
    if (dialog.hidden) return;
    dialog.hidden = true;
    const back = target;
    if (returnFocus && back?.isConnected) restoreCaret(back, caret);
    schedulePosition();
  }

  function renderList() {
    results = search.search(input.value, { platform });
    active = Math.min(active, Math.max(0, results.length - 1));
    const items = results.map((reply, index) => {
      const item = doc.createElement('li');
      item.className = 'option';
      item.id = `dmd-opt-${index}`;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', String(index === active));
      item.dataset.replyId = reply.id;
      const title = doc.createElement('span');
      title.className = 'title';
      title.textContent = reply.title;
      if (reply.shortcut) {
        const shortcut = doc.createElement('span');
        shortcut.className = 'shortcut';
        shortcut.textContent = reply.shortcut;
        title.append(shortcut);
      }
      const { text } = render(reply, who);
      const preview = doc.createElement('span');
      preview.className = 'preview';
      preview.textContent = text;
      item.append(title, preview);
      // One table of DM limits (utils/replies/limits.ts) for the overlay, the popup and the editor.
      const length = checkLength(text, platform);
      if (length.over) {
        const warning = doc.createElement('span');
        warning.className = 'warning';
        warning.textContent = `Too long for ${describeLength(length)}`;
        item.append(warning);
      }
      item.addEventListener('mousedown', (event) => event.preventDefault());
      item.addEventListener('click', () => {
        active = index;
        void choose();
      });
      return item;
    });
    list.replaceChildren(...items);
    empty.hidden = results.length > 0;
    empty.textContent = replies.length === 0 ? 'No saved replies yet. Add some in DM Desk’s options.' : 'No reply matches.';
    updateActive();
  }

  function updateActive() {
    const options = list.children;
    for (let i = 0; i < options.length; i++) options[i]!.setAttribute('aria-selected', String(i === active));
    const current = options[active] as HTMLElement | undefined;
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView?.({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  async function choose() {
    const reply = results[active];
    const editorRoot = target;
    if (!reply || !editorRoot) return;
    const rendered = render(reply, who);
    closeDialog(false);
    await insertReply(reply, rendered, editorRoot, { caret });
  }

  input.addEventListener('input', () => {
    active = 0;
    renderList();
  });
  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (results.length) active = (active + 1) % results.length;
        updateActive();
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (results.length) active = (active - 1 + results.length) % results.length;
        updateActive();
        break;
      case 'Home':
      case 'End':
        if (!event.ctrlKey) break;
        event.preventDefault();
        active = event.key === 'Home' ? 0 : Math.max(0, results.length - 1);
        updateActive();
        break;
      case 'Enter':
        event.preventDefault();
        if (!event.isComposing) void choose();
        break;
      case 'Escape':
        event.preventDefault();
        closeDialog(true);
        break;
      case 'Tab':
        // One field: focus stays in the dialog until it closes.
        event.preventDefault();
        break;
    }
  });
  // Clicking elsewhere closes the dialog and leaves focus where the user put it.
  const onPointerDown = (event: Event) => {
    if (!dialog.hidden && !isOurs(event)) closeDialog(false);
  };
  doc.addEventListener('pointerdown', onPointerDown, true);

  // --- toast ---------------------------------------------------------------------------------
  let toastTimer = 0;
  function showToast(message: string, anchor: HTMLElement | null) {
    toast.textContent = message;
    toast.hidden = false;
    const rect = anchor ? viewportRect(anchor, win) : undefined;
    const top = rect ? Math.max(8, rect.top - 64) : 8;
    const left = rect ? Math.max(8, Math.min(rect.left, win.innerWidth - 368)) : 8;
    toast.style.top = `${Math.round(top)}px`;
    toast.style.left = `${Math.round(left)}px`;
    win.clearTimeout(toastTimer);
    toastTimer = win.setTimeout(hideToast, 10_000);
  }
  function hideToast() {
    toast.hidden = true;
  }

  // --- insertion -----------------------------------------------------------------------------
  async function insertReply(
    reply: Reply | null,
    rendered: Rendered,
    editorRoot: HTMLElement | null,
    extra: { caret?: SavedCaret | null; replaceBefore?: number },
  ): Promise<InsertOutcome> {
    // Busy while the text goes in (the editor is checked after it settles): tests and assistive
    // tools can tell when the composer is final.
    host.setAttribute('data-busy', 'true');
    const outcome = await insertText(editorRoot, rendered.text, { cursor: rendered.cursor, ...extra }).finally(() =>
      host.removeAttribute('data-busy'),
    );
    if (outcome.ok) {
      if (reply) options.onUsed(reply.id);
    } else {
      showToast(outcome.error ?? 'The reply could not be inserted.', editorRoot);
    }
    return outcome;
  }

  // --- keys: hotkey and shortcut expansion ---------------------------------------------------------
  const onKeyDown = (event: KeyboardEvent) => {
    if (isOurs(event) || event.defaultPrevented) return;
    const origin = event.composedPath()[0] as Element | undefined;
    if (matchesHotkey(event, hotkey)) {
      const editor = origin ? detectEditor(origin, { descend: false }) : null;
      if (!editor) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      focused = editor.root;
      openDialog(editor.root);
      return;
    }
    if (event.key !== 'Tab' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    const editor = origin ? detectEditor(origin, { descend: false }) : null;
    if (!editor || !dialog.hidden) return;
    const match = matchShortcut(textBeforeCaret(editor.root), replies.filter((r) => r.platforms.length === 0 || r.platforms.includes(platform)));
    if (!match) return; // Tab does what it always does
    event.preventDefault();
    event.stopImmediatePropagation();
    const rendered = render(match.reply, contact());
    void insertReply(match.reply, rendered, editor.root, { replaceBefore: match.length });
  };
  win.addEventListener('keydown', onKeyDown, true);

  // An editor focused before the overlay mounted still gets replies for Tab.
  const editorAtStart = detectEditor(deepActiveElement(doc), { descend: false });
  if (editorAtStart) {
    focused = editorAtStart.root;
    void ensureReplies();
  }

  return {
    context() {
      const current = composer(true);
      return { contact: contact(), composer: current, ...(adapter?.maxLength ? { maxLength: adapter.maxLength } : {}) };
    },
    async insert(text, insertOptions = {}) {
      const current = composer(true);
      const outcome = await insertReply(null, { text, cursor: insertOptions.cursor ?? null }, current, {});
      if (outcome.ok && insertOptions.replyId) options.onUsed(insertOptions.replyId);
      return outcome;
    },
    refreshReplies,
    setSettings(settings) {
      if (settings.myName !== undefined) myName = settings.myName;
      if (settings.hotkey !== undefined) hotkey = parseHotkey(settings.hotkey);
      if (!dialog.hidden) renderList();
    },
    destroy() {
      win.removeEventListener('keydown', onKeyDown, true);
      win.removeEventListener('scroll', onScrollOrResize, true);
      win.removeEventListener('resize', onScrollOrResize);
      doc.removeEventListener('focusin', onFocusIn, true);
      win.removeEventListener('focus', onWindowFocus);
      doc.removeEventListener('pointerdown', onPointerDown, true);
      doc.removeEventListener('pointerdown', forgetLookup, true);
      doc.removeEventListener('keydown', forgetLookup, true);
      win.removeEventListener('popstate', forgetLookup);
      win.removeEventListener('blur', onBlur);
      for (const frameDoc of watchedFrames) {
        frameDoc.win.removeEventListener('keydown', onKeyDown, true);
        frameDoc.win.removeEventListener('blur', onBlur);
        frameDoc.doc.removeEventListener('focusin', onFocusIn, true);
        frameDoc.doc.removeEventListener('pointerdown', forgetLookup, true);
      }
      win.clearInterval(poll);
      win.clearTimeout(toastTimer);
      if (frame) win.cancelAnimationFrame(frame);
      resizeObserver?.disconnect();
      host.remove();
    },
  };
}
