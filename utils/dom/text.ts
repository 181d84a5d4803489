/**
 * Helpers that turn untrusted page DOM into plain, bounded strings and numbers.
 * Nothing here throws on odd input: a read must survive any page.
 */

// Zero-width spaces, bidi marks and isolates that platforms wrap names in (WhatsApp, X). The
// joiners U+200C/U+200D stay: they hold emoji sequences (👩‍💻) and Persian words together.
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// C0/C1 control characters except tab and newline.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

// Anything cleanText changes inside a string: invisible or control characters, white space other
// than single spaces (one class: every \s but the space, with the invisible and control ones), two
// spaces. With the leading or trailing space (tested apart: anchored alternatives cost the regular
// expression a try at every position), most names, times and snippets have none: no new string.
const NEEDS_CLEANING = /[\u0000-\u001F\u007F-\u00A0\u1680\u2000-\u200B\u200E\u200F\u2028-\u202F\u205F-\u2069\u3000\uFEFF]| {2}/;
// Runs of white space that are not already one space (a single space stays, unreplaced).
const SPACE_RUNS = /\s{2,}|[^\S ]/g;

/** Collapse white space, drop invisible and control characters, trim, and cut to `max`. */
export function cleanText(value: string | null | undefined, max = Infinity): string {
  if (!value) return '';
  const cleaned =
    value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32 || NEEDS_CLEANING.test(value)
      ? value.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(SPACE_RUNS, ' ').trim()
      : value;
  return truncate(cleaned, max);
}

/**
 * Cut to at most `max` UTF-16 units (what the zod `.max()` limits count), ending with "…" when cut,
 * without splitting a surrogate pair (an emoji is never cut in half).
 */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  if (max <= 0) return '';
  let out = '';
  for (const point of value) {
    if (out.length + point.length > max - 1) break;
    out += point;
  }
  return `${out.trimEnd()}…`;
}

/** An element's text as one clean line; '' for a missing node. */
export function textOf(node: Node | null | undefined, max = Infinity): string {
  if (!node) return '';
  try {
    return cleanText(node.textContent, max);
  } catch {
    return '';
  }
}

/** An element's text split into its visible lines (innerText when laid out, else text blocks). */
export function linesOf(element: Element | null | undefined): string[] {
  if (!element) return [];
  const html = element as HTMLElement;
  const raw = typeof html.innerText === 'string' && html.innerText.trim() ? html.innerText : leafTexts(element).join('\n');
  return raw
    .split('\n')
    .map((line) => cleanText(line))
    .filter(Boolean);
}

/** Texts of the leaf elements (no element children) under `root`, in document order. */
export function leafTexts(root: Element, limit = 50): string[] {
  const out: string[] = [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  let node = walker.nextNode() as Element | null;
  while (node && out.length < limit) {
    if (node.childElementCount === 0) {
      const text = cleanText(node.textContent);
      if (text) out.push(text);
    }
    node = walker.nextNode() as Element | null;
  }
  return out;
}

/**
 * The first element under `root` with visible text of its own (a text node child that is not
 * blank, outside script, style and SVG): where a header's first text sits when no attribute
 * marks it. Null when there is none.
 */
export function firstTextLeaf(root: Element | null | undefined): Element | null {
  if (!root) return null;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !cleanText(node.nodeValue)) continue;
    if (parent.closest('script, style, svg, noscript')) continue;
    return parent;
  }
  return null;
}

/**
 * A count from a badge or label: "3" → 3, "99+" → 99, "12 unread messages" → 12,
 * "1,234" → 1234, "Unread" / "" → null. Digits of any script are read.
 */
export function parseCount(value: string | null | undefined): number | null {
  if (!value) return null;
  const normalised = toAsciiDigits(value);
  const match = normalised.match(/\d{1,3}(?:[,.\u00A0\u202F ]\d{3})+(?!\d)|\d+/);
  if (!match) return null;
  const count = Number(match[0].replace(/[^\d]/g, ''));
  return Number.isFinite(count) && count <= 1_000_000 ? count : null;
}

/** "(3) Instagram" → 3. Only the "(n) …" form counts: blinking titles ("Ana messaged you") do not. */
export function titleCount(title: string | null | undefined): number | null {
  if (!title) return null;
  // (Right-to-left titles may start with a direction mark.)
  const match = toAsciiDigits(title.replace(INVISIBLE, '')).match(/^\s*\((\d+)\+?\)/);
  return match ? Number(match[1]) : null;
}

/** Arabic-Indic, Persian, Devanagari and full-width digits to ASCII. */
export function toAsciiDigits(value: string): string {
  return value.replace(/[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\uFF10-\uFF19]/g, (digit) => {
    const code = digit.charCodeAt(0);
    for (const base of [0x0660, 0x06f0, 0x0966, 0xff10]) {
      if (code >= base && code <= base + 9) return String(code - base);
    }
    return digit;
  });
}

/** A short stable id from strings (FNV-1a, 32-bit, base 36), for rows without a thread link. */
export function hashId(...parts: (string | null | undefined)[]): string {
  // FNV-1a of the parts joined by U+0001 (missing parts as ''), without building the joined string.
  let hash = 0x811c9dc5;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) hash = Math.imul(hash ^ 1, 0x01000193);
    const part = parts[p] ?? '';
    for (let i = 0; i < part.length; i++) hash = Math.imul(hash ^ part.charCodeAt(i), 0x01000193);
  }
  return `h${(hash >>> 0).toString(36)}`;
}

/** An absolute URL for a link on the page, or undefined when it is not http(s). */
export function absoluteUrl(href: string | null | undefined, base: URL | string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href.slice(0, 2048) : undefined;
  } catch {
    return undefined;
  }
}
