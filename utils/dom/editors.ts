/**
 * Editor detection: which kind of composer an element is, so text goes in the way that editor
 * listens to. Markers, most specific first:
 * - Lexical: `[data-lexical-editor]` on the root (Instagram, Messenger, WhatsApp, 2023–2026).
 * - Draft.js: `.public-DraftEditor-content` (X legacy DMs, TikTok); its stable public class.
 * - Slate: `[data-slate-editor]` on the root (no platform today). Slate keeps its own model and
 *   ignores native edits: text put in by execCommand shows in the DOM but is not in the message.
 * - CKEditor 5: `.ck-editor__editable` on the root (no platform today). Its model ignores native
 *   edits too (execCommand fires no beforeinput), and its next render takes the text back out.
 * - Trix: the `<trix-editor>` element (no platform today). It reads native edits back, as typing
 *   merged with what was typed before into one undo step; a paste is its own step.
 * - textarea / text input (X "Chat" 2025+, Facebook single-message popups).
 * - any other contenteditable (LinkedIn `div.msg-form__contenteditable` with `<p>` lines).
 */
export type EditorKind = 'textarea' | 'lexical' | 'draft' | 'slate' | 'ckeditor' | 'trix' | 'contenteditable';

export interface DetectedEditor {
  kind: EditorKind;
  /** The editable root (the element that holds focus and the text). */
  root: HTMLElement;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

export function isTextControl(el: Element | null | undefined): el is HTMLTextAreaElement | HTMLInputElement {
  if (!el) return false;
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName === 'INPUT') return TEXT_INPUT_TYPES.has(((el as HTMLInputElement).type ?? '').toLowerCase());
  return false;
}

function isEditableRoot(el: Element): el is HTMLElement {
  const value = el.getAttribute('contenteditable');
  if (value === null || value.toLowerCase() === 'false') return false;
  const parent = el.parentElement?.closest('[contenteditable]');
  // The outermost editable element is the editor; nested editable islands belong to it.
  return !parent || parent.getAttribute('contenteditable')?.toLowerCase() === 'false';
}

/** The editable root that contains `node` (a caret position, an event target), or null. */
export function editableRootOf(node: Node | null | undefined): HTMLElement | null {
  if (!node) return null;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return null;
  if (isTextControl(el)) return el as HTMLElement;
  const lexical = el.closest('[data-lexical-editor]');
  if (lexical && lexical.getAttribute('contenteditable') !== 'false') return lexical as HTMLElement;
  let candidate = el.closest('[contenteditable]');
  while (candidate && !isEditableRoot(candidate)) candidate = candidate.parentElement?.closest('[contenteditable]') ?? null;
  return (candidate as HTMLElement | null) ?? null;
}

/**
 * What kind of editor `el` (or the editor around it) is; null when it is not editable. With
 * `descend` (default), an element that wraps an editor (an adapter's container) counts too; key
 * and focus targets pass `descend: false` so only a focused editor counts.
 */
export function detectEditor(el: Element | null | undefined, { descend = true }: { descend?: boolean } = {}): DetectedEditor | null {
  if (!el) return null;
  if (isTextControl(el)) {
    const control = el as HTMLTextAreaElement | HTMLInputElement;
    return control.disabled || control.readOnly ? null : { kind: 'textarea', root: control };
  }
  const root = editableRootOf(el) ?? (descend ? (el.querySelector?.('[contenteditable]:not([contenteditable="false" i]), textarea') as HTMLElement | null) : null);
  if (!root) return null;
  if (isTextControl(root)) return detectEditor(root);
  if (root.hasAttribute('data-lexical-editor')) return { kind: 'lexical', root };
  if (root.hasAttribute('data-slate-editor')) return { kind: 'slate', root };
  if (root.classList.contains('ck-editor__editable')) return { kind: 'ckeditor', root };
  if (root.localName === 'trix-editor') return { kind: 'trix', root };
  if (root.classList.contains('public-DraftEditor-content') || root.closest('.DraftEditor-root')) {
    return { kind: 'draft', root };
  }
  return { kind: 'contenteditable', root };
}

/**
 * The editor's text as the user sees it, lines joined with "\n": the value of a text control,
 * the text of each block (`<p>`, `<div>`, Draft blocks) of a contenteditable.
 */
export function editorText(root: HTMLElement): string {
  if (isTextControl(root)) return (root as HTMLTextAreaElement).value;
  const text = typeof root.innerText === 'string' ? root.innerText : (root.textContent ?? '');
  return text.replace(/\u00A0/g, ' ').replace(/\u200B|\uFEFF/g, '').replace(/\n+$/, '');
}

/** Text compared loosely: line breaks and spacing vary by editor (p, br, \n\n). */
export function looseText(value: string): string {
  return value.replace(/[\s\u00A0\u200B\uFEFF]+/g, '');
}

function countOf(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  let at = haystack.indexOf(needle);
  while (at >= 0) {
    count++;
    at = haystack.indexOf(needle, at + needle.length);
  }
  return count;
}

/** Did the editor gain `text`? Compares occurrences before and after, ignoring spacing. */
export function gained(before: string, after: string, text: string): boolean {
  const needle = looseText(text);
  if (!needle) return true;
  return countOf(looseText(after), needle) > countOf(looseText(before), needle);
}

/**
 * The selection as seen from `node`'s tree. For a caret inside a shadow tree (a web component's
 * composer), Chromium's `document.getSelection()` reports the shadow host, not the caret; the
 * shadow root's own `getSelection()` has it. Setting it works through either.
 */
export function selectionFor(node: Node): Selection | null {
  const tree = node.getRootNode() as Node & { getSelection?: () => Selection | null };
  if (tree !== node.ownerDocument && typeof tree.getSelection === 'function') return tree.getSelection();
  return node.ownerDocument?.getSelection() ?? null;
}

/** The focused element of `node`'s tree: the shadow root's own in a shadow tree, else the document's. */
export function activeElementFor(node: Node): Element | null {
  const tree = node.getRootNode() as Node & { activeElement?: Element | null };
  if (tree !== node.ownerDocument && tree.activeElement !== undefined) return tree.activeElement;
  return node.ownerDocument?.activeElement ?? null;
}

/** The focused element, through open shadow roots (`document.activeElement` stops at the host). */
export function deepActiveElement(doc: Document): Element | null {
  let element = doc.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** The text of the current line before the caret in `root`, or null when the caret is elsewhere. */
export function textBeforeCaret(root: HTMLElement, doc: Document = root.ownerDocument): string | null {
  if (isTextControl(root)) {
    const control = root as HTMLTextAreaElement;
    const { selectionStart, selectionEnd } = control;
    if (selectionStart === null || selectionStart !== selectionEnd) return null;
    const before = control.value.slice(0, selectionStart);
    return before.slice(before.lastIndexOf('\n') + 1);
  }
  const selection = selectionFor(root);
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  const caret = selection.getRangeAt(0);
  if (!root.contains(caret.startContainer)) return null;
  const range = doc.createRange();
  range.selectNodeContents(root);
  range.setEnd(caret.startContainer, caret.startOffset);
  const text = range.toString();
  // Lines: the block the caret is in starts after the last line break in the range's text. A
  // Range's toString has no breaks between blocks, so cut at the caret's block element too.
  const block = (caret.startContainer.nodeType === 1
    ? (caret.startContainer as Element)
    : caret.startContainer.parentElement
  )?.closest('p, div, li, [data-block="true"]');
  if (block && block !== root && root.contains(block)) {
    const inBlock = doc.createRange();
    inBlock.selectNodeContents(block);
    inBlock.setEnd(caret.startContainer, caret.startOffset);
    const line = inBlock.toString();
    return line.slice(line.lastIndexOf('\n') + 1);
  }
  return text.slice(text.lastIndexOf('\n') + 1);
}
