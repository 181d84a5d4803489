import { cleanText, hashId, parseCount } from './text';
import { parseTime, type ParseTimeOptions } from './time';

/**
 * Small reading helpers for the LinkedIn, TikTok, WhatsApp and Snapchat adapters: ordered
 * strategy lists that survive a throwing step, null-safe queries, relative boldness, stable
 * avatar keys. Nothing here throws.
 */

// The strategy helpers are shared with the other adapters (utils/dom/read.ts).
import { attempt, firstOf, fontWeight, q, selfPrefix } from './read';
export { attempt, firstOf, fontWeight, q };

/** querySelectorAll as an array that never throws. */
export function qa<E extends Element = HTMLElement>(root: ParentNode | null | undefined, selector: string): E[] {
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll<E>(selector));
  } catch {
    return [];
  }
}

/** The first selector of a list that matches under root. */
export function qFirst<E extends Element = HTMLElement>(root: ParentNode | null | undefined, selectors: readonly string[]): E | null {
  for (const selector of selectors) {
    const found = q<E>(root, selector);
    if (found) return found;
  }
  return null;
}

/** All matches of the first selector of a list that matches anything under root. */
export function qaFirst<E extends Element = HTMLElement>(root: ParentNode | null | undefined, selectors: readonly string[]): E[] {
  for (const selector of selectors) {
    const found = qa<E>(root, selector);
    if (found.length) return found;
  }
  return [];
}

/**
 * Which elements are bold compared with their peers: weight ≥ 600 and heavier than the lightest
 * of the list. Relative, because a heading's default bold (LinkedIn names are <h3>) or a page
 * that styles every name bold must not make every row unread.
 */
export function boldAmong(elements: readonly (Element | null | undefined)[]): boolean[] {
  const weights = elements.map((element) => (element ? fontWeight(element) : 400));
  const lightest = Math.min(...weights);
  return weights.map((weight) => weight >= 600 && weight > lightest);
}

/**
 * A key for an avatar that stays the same between page loads: the image URL without its query
 * (signed CDN URLs carry expiring tokens: TikTok x-expires, WhatsApp oe=, LinkedIn e=) and
 * without data: URIs (placeholders).
 */
export function avatarKey(img: Element | null | undefined, options: { pathOnly?: boolean } = {}): string {
  if (!img) return '';
  const src = img.getAttribute('src') ?? '';
  if (!src || src.startsWith('data:') || src.startsWith('blob:')) return '';
  // The part before the first "?" or "#" (as src.split(/[?#]/)[0], without a regular expression).
  const query = src.indexOf('?');
  const hash = src.indexOf('#');
  const end = query < 0 ? hash : hash < 0 ? query : Math.min(query, hash);
  const bare = end < 0 ? src : src.slice(0, end);
  // CDN shards change between loads (TikTok p16-sign-va / p77-sign-sg): keep the path alone.
  return (options.pathOnly ? bare.replace(/^[a-z]+:\/\/[^/]+/i, '') : bare).slice(0, 500);
}

/**
 * A count shown as a number in a badge whose aria-label repeats it in any language
 * ("2" with aria-label "2 unread messages" / "2 mensajes no leídos"): the number, else null.
 */
export function labelledCount(element: Element | null | undefined): number | null {
  if (!element) return null;
  const text = cleanText(element.textContent);
  if (!/^\d{1,6}\+?$/.test(text)) return null;
  const label = element.getAttribute('aria-label') ?? element.closest('[aria-label]')?.getAttribute('aria-label') ?? '';
  const fromText = parseCount(text);
  return fromText !== null && parseCount(label) === fromText ? fromText : null;
}

/**
 * "You: Thanks!" → { fromMe: true, text: "Thanks!" }: selfPrefix, whose list of the localised
 * prefixes ("Tú:", "Вы:", "あなた:") and "You sent…" forms all adapters share.
 */
export function stripYou(snippet: string): { fromMe: boolean; text: string } {
  return selfPrefix(snippet);
}

/** An id from a path pattern such as /messaging/thread/<id>/. */
export function idFromPath(href: string | null | undefined, pattern: RegExp): string | null {
  if (!href) return null;
  const match = href.match(pattern);
  return match?.[1] ? decodeURIComponentSafe(match[1]) : null;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A thread row without its undefined fields (smaller messages, cleaner comparisons). */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as T;
}

/*
 * Per-read helpers for lists of hundreds of rows (issue 8: 500 rows in ≤ 2 ms). A read decides
 * once which strategy the page's rows follow, queries the list once for selectors that would be
 * slow per row, and parses each distinct time label once.
 */

/**
 * The selectors reordered so the first one that matches in the first `probe` rows comes first
 * (the others keep their order after it). Rows of one list share a UI generation: trying the
 * selector that works first spares every row the misses of the ones before it. A row where it
 * misses still gets every other selector.
 */
export function pickSelectors(rows: readonly Element[], selectors: readonly string[], probe = 8): readonly string[] {
  const sample = rows.slice(0, probe);
  for (let i = 0; i < selectors.length; i++) {
    const selector = selectors[i]!;
    if (sample.some((row) => !!q(row, selector))) {
      return i === 0 ? selectors : [selector, ...selectors.slice(0, i), ...selectors.slice(i + 1)];
    }
  }
  return selectors;
}

/** Row → position, for `perRow`. */
export function rowIndex(rows: readonly Element[]): Map<Element, number> {
  const index = new Map<Element, number>();
  rows.forEach((row, i) => index.set(row, i));
  return index;
}

/** The closest element holding every row (rows in document order): where list-wide queries run. */
export function commonRoot(rows: readonly Element[]): Element | null {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return null;
  let root = first.parentElement;
  while (root && !root.contains(last)) root = root.parentElement;
  return root;
}

/**
 * For every row, its first descendant matching the first of `selectors` that matches in it (and
 * `accept`, when given): the same answer as `qFirst(row, selectors)` row by row, from one query
 * of the whole list per selector. Descendant selectors ("[role=gridcell] span[title]") cost a
 * walk to the document root per row and per candidate when run row by row; a single class
 * selector is matched list-wide almost for free (a selector list "a, b" is not: pass an array).
 */
export function perRow(
  root: ParentNode | null | undefined,
  index: Map<Element, number>,
  selectors: string | readonly string[],
  accept?: (element: Element, row: number) => boolean,
): (Element | null)[] {
  const out: (Element | null)[] = new Array(index.size).fill(null);
  let open = index.size;
  for (const selector of typeof selectors === 'string' ? [selectors] : selectors) {
    if (open === 0) break;
    const found = all(root, selector);
    for (let k = 0; k < found.length; k++) {
      const element = found[k]!;
      const row = ownerRow(index, element);
      if (row !== undefined && out[row] === null && (!accept || attempt(() => accept(element, row), false))) {
        out[row] = element;
        open--;
      }
    }
  }
  return out;
}

/** querySelectorAll without copying the list (hundreds of matches per read); empty on failure. */
export function all(root: ParentNode | null | undefined, selector: string): ArrayLike<Element> {
  if (!root) return [];
  try {
    return root.querySelectorAll(selector);
  } catch {
    return [];
  }
}

/**
 * A row id from its name and avatar: hashId of the name and avatarKey of the image. Computed on
 * every read (a memo kept between reads would make later reads look cheaper than a changed page's).
 */
export function rowId(name: string, img: Element | null | undefined, options: { pathOnly?: boolean } = {}): string {
  return hashId(name, avatarKey(img, options));
}

/** The indexed row holding `element` (its nearest indexed ancestor), or undefined. */
export function ownerRow(index: Map<Element, number>, element: Element): number | undefined {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const row = index.get(node);
    if (row !== undefined) return row;
  }
  return undefined;
}

/**
 * parseTime with the clock of one read fixed: each distinct label ("3h", "Yesterday", "10:42 AM")
 * is parsed once per read. Lists repeat a handful of labels across hundreds of rows.
 */
export function timeReader(now: number, options?: ParseTimeOptions): (label: string | null | undefined) => number | undefined {
  const seen = new Map<string, number | undefined>();
  return (label) => {
    if (!label) return undefined;
    if (seen.has(label)) return seen.get(label);
    const value = parseTime(label, now, options);
    if (seen.size < 5000) seen.set(label, value);
    return value;
  };
}
