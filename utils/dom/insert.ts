import { activeElementFor, deepActiveElement, detectEditor, editorText, gained, isTextControl, selectionFor, type EditorKind } from './editors';

/**
 * Put text into a platform's composer the way its editor listens, check that it landed, and fall
 * back: the next strategy, and last the clipboard (the caller tells the user). Never sends: no
 * Enter is dispatched and no button is clicked.
 *
 * | editor            | first strategy                                           | undo           |
 * |-------------------|----------------------------------------------------------|----------------|
 * | textarea / input  | execCommand('insertText') (native undo), else the native  | one step       |
 * |                   | value setter + input/change (React sees it)               | none (setter)  |
 * | Lexical           | beforeinput insertText, data null + DataTransfer text/plain| one update     |
 * |                   | (Lexical's insertRawText: "\n" become line breaks)         |                |
 * | Draft.js          | synthetic paste with DataTransfer text/plain              | one fragment   |
 * | Slate             | the Lexical beforeinput, else the paste (Slate reads both; | its history's  |
 * |                   | never execCommand: Slate ignores native edits, the DOM     | batching       |
 * |                   | would show text its model and the send button never get) |                |
 * | CKEditor 5        | the paste (its clipboard pipeline: lines become paragraphs | one batch      |
 * |                   | and soft breaks; never execCommand, whose text it takes back)|               |
 * | Trix              | the paste, else execCommand as for any contenteditable     | one entry      |
 * | contenteditable   | execCommand insertText line by line + insertParagraph /   | one typing run |
 * |                   | insertLineBreak, then an input event                      |                |
 *
 * Native edits (execCommand) count only if the text is still there a task later: a model-first
 * editor DM Desk does not know renders its model again and takes such text back out.
 */
export type Strategy = 'textarea' | 'textarea-setter' | 'lexical' | 'draft' | 'contenteditable';

export const STRATEGIES: Record<EditorKind, Strategy[]> = {
  textarea: ['textarea', 'textarea-setter'],
  lexical: ['lexical', 'draft', 'contenteditable'],
  draft: ['draft', 'lexical', 'contenteditable'],
  slate: ['lexical', 'draft'],
  ckeditor: ['draft'],
  trix: ['draft', 'contenteditable'],
  contenteditable: ['contenteditable', 'lexical', 'draft'],
};

export interface InsertOptions {
  /** Caret offset in `text` after insertion ({{cursor}}); null/undefined = after the text. */
  cursor?: number | null;
  /** Characters right before the caret to replace (a typed shortcut). */
  replaceBefore?: number;
  /** Where the caret was (saved when the overlay opened); the current selection otherwise. */
  caret?: SavedCaret | null;
  /** Last resort; default: the async clipboard API, then execCommand('copy'). */
  copy?: (text: string) => Promise<boolean>;
  /** Try only these strategies (tests). */
  only?: Strategy[];
}

export interface InsertOutcome {
  ok: boolean;
  /** The strategy that worked, or "clipboard" / "none". */
  method: Strategy | 'clipboard' | 'none';
  error?: string;
}

export type SavedCaret =
  | { kind: 'control'; root: HTMLElement; start: number; end: number }
  /** The range, and its ends as text offsets in `root`, for an editor that renders its nodes anew. */
  | { kind: 'range'; root: HTMLElement; range: Range; start: number; end: number };

/** Remember where the caret is in `root` (to restore it after the overlay took focus). */
export function saveCaret(root: HTMLElement): SavedCaret | null {
  if (isTextControl(root)) {
    const control = root as HTMLTextAreaElement;
    const start = control.selectionStart ?? control.value.length;
    return { kind: 'control', root, start, end: control.selectionEnd ?? start };
  }
  const selection = selectionFor(root);
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  return { kind: 'range', root, range: range.cloneRange(), start: textOffset(root, range.startContainer, range.startOffset), end: textOffset(root, range.endContainer, range.endOffset) };
}

/** How many characters of `root`'s text come before a position in it. */
function textOffset(root: HTMLElement, node: Node, offset: number): number {
  const before = root.ownerDocument.createRange();
  before.selectNodeContents(root);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** The position `offset` characters into `root`'s text, or null past its end. */
function positionAt(root: HTMLElement, offset: number): { node: Node; offset: number } | null {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  let left = offset;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).length;
    if (left <= length) return { node, offset: left };
    left -= length;
  }
  return null;
}

/**
 * The saved range again when it is still where it was in the text; else, when the editor has
 * rendered its text anew (Trix does on focus: the live range then falls back to an element
 * around the old nodes), the same text offsets in the new nodes.
 */
function savedRange(root: HTMLElement, saved: Extract<SavedCaret, { kind: 'range' }>): Range | null {
  const live = saved.range;
  if (
    root.contains(live.startContainer) &&
    root.contains(live.endContainer) &&
    textOffset(root, live.startContainer, live.startOffset) === saved.start &&
    textOffset(root, live.endContainer, live.endOffset) === saved.end
  ) {
    return live.cloneRange();
  }
  const start = positionAt(root, saved.start);
  const end = positionAt(root, saved.end);
  if (!start || !end) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

function caretAtEnd(root: HTMLElement): void {
  const doc = root.ownerDocument;
  const selection = selectionFor(root);
  if (!selection) return;
  const range = doc.createRange();
  // Deepest last text position, so editors map it to their own last node.
  let node: Node = root;
  while (node.lastChild && !(node.lastChild.nodeType === 1 && (node.lastChild as Element).tagName === 'BR')) node = node.lastChild;
  if (node.nodeType === 3) range.setStart(node, (node as Text).length);
  else range.selectNodeContents(node), range.collapse(false);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Whether `root` holds the focus: its tree's focused element is in it and, for an editor in a
 * frame, each frame up is its parent's focused element (a frame's document keeps its own
 * focused element while focus is outside the frame).
 */
function hasFocus(root: HTMLElement): boolean {
  const active = activeElementFor(root);
  if (active !== root && !root.contains(active)) return false;
  try {
    for (let view: Window | null = root.ownerDocument.defaultView; view?.frameElement; view = view.parent) {
      if (view.parent.document.activeElement !== view.frameElement) return false;
    }
  } catch {
    // A cross-origin parent: nothing more to tell.
  }
  return true;
}

/** Focus `root` and put the caret back where it was (or at the end when that place is gone). */
export function restoreCaret(root: HTMLElement, saved: SavedCaret | null | undefined): void {
  const wasFocused = hasFocus(root);
  if (!wasFocused) root.focus({ preventScroll: true });
  if (isTextControl(root)) {
    const control = root as HTMLTextAreaElement;
    const max = control.value.length;
    if (saved?.kind === 'control' && saved.root === root) {
      control.setSelectionRange(Math.min(saved.start, max), Math.min(saved.end, max));
    } else if (!wasFocused) {
      control.setSelectionRange(max, max);
    }
    return;
  }
  const selection = selectionFor(root);
  if (!selection) return;
  const range = saved?.kind === 'range' && saved.root === root ? savedRange(root, saved) : null;
  if (range) {
    selection.removeAllRanges();
    selection.addRange(range);
    return;
  }
  const current = selection.rangeCount ? selection.getRangeAt(0) : null;
  // Focusing puts the caret at the start; a composer we were not in gets it at the end.
  if (!wasFocused || !current || !root.contains(current.startContainer)) caretAtEnd(root);
}

/** Let the editor catch up: selectionchange, React commits, Lexical reconciliation. */
export function settle(win: Window = window): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    win.requestAnimationFrame(() => setTimeout(finish, 0));
    // Background tabs get no animation frames.
    setTimeout(finish, 120);
  });
}

/** After the current task: the editor's mutation observers and the renders they start have run. */
function nextTask(win: Window): Promise<void> {
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

function graphemes(text: string): number {
  const Segmenter = (Intl as unknown as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (!Segmenter) return Array.from(text).length;
  let count = 0;
  for (const _ of new Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) count++;
  return count;
}

/** Select `count` characters before a collapsed caret (the typed shortcut). */
function selectBefore(root: HTMLElement, count: number): void {
  if (count <= 0) return;
  if (isTextControl(root)) {
    const control = root as HTMLTextAreaElement;
    const end = control.selectionEnd ?? control.value.length;
    control.setSelectionRange(Math.max(0, end - count), end, 'backward');
    return;
  }
  const selection = selectionFor(root);
  if (!selection || selection.rangeCount === 0) return;
  selection.collapseToEnd();
  for (let i = 0; i < count; i++) selection.modify('extend', 'backward', 'character');
}

/** Move the caret back over `tail` (the text after `{{cursor}}`). */
function moveCaretBack(root: HTMLElement, tail: string): void {
  if (!tail) return;
  if (isTextControl(root)) {
    const control = root as HTMLTextAreaElement;
    const end = control.selectionEnd ?? control.value.length;
    const at = Math.max(0, end - tail.length);
    control.setSelectionRange(at, at);
    return;
  }
  const selection = selectionFor(root);
  if (!selection || selection.rangeCount === 0) return;
  selection.collapseToEnd();
  // One step per grapheme; a line break ("\n") is one step between lines or blocks.
  const steps = graphemes(tail.replace(/\r\n/g, '\n'));
  for (let i = 0; i < steps; i++) selection.modify('move', 'backward', 'character');
}

function nativeValueSetter(control: HTMLTextAreaElement | HTMLInputElement): ((value: string) => void) | null {
  const proto = control.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  return setter ? (value: string) => setter.call(control, value) : null;
}

function hasBlockLines(root: HTMLElement): boolean {
  return Array.from(root.children).some((child) => /^(P|DIV|LI)$/.test(child.tagName));
}

/** Run one strategy. Returns false when it could not even be attempted. */
function run(strategy: Strategy, root: HTMLElement, text: string): boolean {
  const doc = root.ownerDocument;
  const win = doc.defaultView ?? window;
  switch (strategy) {
    case 'textarea': {
      if (!isTextControl(root)) return false;
      // Native editing: one undo step, and React/Vue see a real input event.
      return doc.execCommand('insertText', false, text);
    }
    case 'textarea-setter': {
      if (!isTextControl(root)) return false;
      const control = root as HTMLTextAreaElement;
      const start = control.selectionStart ?? control.value.length;
      const end = control.selectionEnd ?? start;
      const next = control.value.slice(0, start) + text + control.value.slice(end);
      // The prototype's setter bypasses React's value tracker, so React's onChange sees the change.
      const set = nativeValueSetter(control);
      if (set) set(next);
      else control.setRangeText(text, start, end, 'end');
      const caret = start + text.length;
      control.setSelectionRange(caret, caret);
      control.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      control.dispatchEvent(new win.Event('change', { bubbles: true }));
      return true;
    }
    case 'lexical': {
      // Lexical's beforeinput handler: insertText with no data and a DataTransfer goes through
      // selection.insertRawText, which turns "\n" into line breaks, in one update (one undo step).
      const data = new win.DataTransfer();
      data.setData('text/plain', text);
      root.dispatchEvent(
        new win.InputEvent('beforeinput', {
          inputType: 'insertText',
          data: null,
          dataTransfer: data,
          bubbles: true,
          cancelable: true,
          composed: true,
        }),
      );
      return true;
    }
    case 'draft': {
      // Draft.js reads text/plain from a paste and inserts it as blocks, one undo step.
      const data = new win.DataTransfer();
      data.setData('text/plain', text);
      root.dispatchEvent(new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
      return true;
    }
    case 'contenteditable': {
      const lines = text.replace(/\r\n?/g, '\n').split('\n');
      const breakCommand = hasBlockLines(root) ? 'insertParagraph' : 'insertLineBreak';
      let ok = true;
      lines.forEach((line, index) => {
        if (index > 0) ok = doc.execCommand(breakCommand, false) && ok;
        if (line) ok = doc.execCommand('insertText', false, line) && ok;
      });
      root.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      return ok;
    }
  }
}

/** Copy `text` to the clipboard: the async API first, then a hidden textarea and execCommand. */
export async function copyToClipboard(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Not focused or not allowed: try the older way.
  }
  const active = deepActiveElement(doc) as HTMLElement | null;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
  doc.documentElement.append(area);
  area.select();
  let ok = false;
  try {
    ok = doc.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  active?.focus?.({ preventScroll: true });
  return ok;
}

/**
 * Insert `text` into the editor at `target` (the composer or any element inside it), at the caret.
 * Resolves once the editor is checked to hold the text, or after the clipboard fallback.
 */
export async function insertText(target: HTMLElement | null, text: string, options: InsertOptions = {}): Promise<InsertOutcome> {
  const editor = target ? detectEditor(target) : null;
  const copy = options.copy ?? ((value: string) => copyToClipboard(value, target?.ownerDocument ?? document));
  const fallback = async (reason: string): Promise<InsertOutcome> => {
    const copied = await copy(text).catch(() => false);
    return copied
      ? { ok: false, method: 'clipboard', error: `${reason} The reply was copied to the clipboard: paste it with Ctrl+V.` }
      : { ok: false, method: 'none', error: `${reason} Copying to the clipboard failed too.` };
  };
  if (!editor) return fallback('No editable composer found.');
  const { root } = editor;
  const win = root.ownerDocument.defaultView ?? window;

  restoreCaret(root, options.caret);
  if (options.replaceBefore) {
    // The key that typed or confirmed the shortcut is still being dispatched: let the editor
    // finish with it (and its selection) before the shortcut is selected.
    await settle(win);
    selectBefore(root, options.replaceBefore);
  }
  await settle(win);
  const original = editorText(root);
  const control = isTextControl(root);
  const strategies = (options.only ?? STRATEGIES[editor.kind]).filter((s) => s.startsWith('textarea') === control);

  for (const strategy of strategies) {
    const before = editorText(root);
    if (before !== original) break; // a strategy changed something without inserting: stop here
    let attempted = false;
    try {
      attempted = run(strategy, root, text);
    } catch {
      attempted = false;
    }
    if (!attempted && editorText(root) === before) continue;
    // Native editing and Lexical change the editor at once; React-rendered editors a moment later.
    if (!gained(before, editorText(root), text)) await settle(win);
    // A model-first editor takes native edits back out on its next render (see above).
    if (strategy === 'contenteditable' && gained(before, editorText(root), text)) await nextTask(win);
    if (gained(before, editorText(root), text)) {
      if (options.cursor !== null && options.cursor !== undefined && options.cursor < text.length) {
        moveCaretBack(root, text.slice(options.cursor));
        await settle(win);
      }
      return { ok: true, method: strategy };
    }
    // Back to where we started for the next strategy (the editor may have moved the caret).
    if (editorText(root) === original) {
      restoreCaret(root, options.caret);
      selectBefore(root, options.replaceBefore ?? 0);
      await settle(win);
    }
  }
  return fallback('This composer did not accept the text.');
}
