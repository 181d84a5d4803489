/**
 * Rows read before, reused while nothing that could change them has changed.
 *
 * The watcher reads a page after it changes, and a change is mostly one conversation: a new
 * message, a read receipt, a typing indicator. Parsing every row again for it costs 3–6 ms at 500
 * rows and 20–60 ms at 2,000 (Instagram and Messenger keep every loaded conversation in the DOM).
 * With this memo a read parses only the rows that changed since the last read of the same page:
 *
 * - A MutationObserver watches the subtree holding the rows (childList, characterData, every
 *   attribute), the attributes of its ancestors, and the document's head (style sheets). It only
 *   records; the records are looked at when the next read starts (`takeRecords` gives the ones
 *   not yet delivered), so nothing that happened before the read is missed.
 * - A change inside a row forgets that row. A change of attributes on the rows' container or its
 *   ancestors, or in the head, forgets every row: classes and styles there can change what a row
 *   looks like (computed font weight, dot colour) without a change inside it.
 * - A row (or an element above it) inserted since the last read is read again: it may have been
 *   changed while it was out of the watched subtree.
 * - A row is reused only with the same per-row key (the list-wide facts its read depended on:
 *   whether the page shows the durable unread marker, whether styles are read for it…), the same
 *   page URL, and a clock within a minute of its read (relative times are read against it; the
 *   labels say minutes at best).
 * - A page changing more than `RECORD_LIMIT` times between reads (a storm) makes the memo stop
 *   watching and forget everything: the next read parses every row and watches again. Recording a
 *   storm's changes would cost the page as much as the reads saved.
 *
 * The first read of a page, and any read after a storm, is a full parse; `setRowMemo(false)`
 * turns the memo off (tests compare both, the benchmark reports both). Nothing here throws: a
 * failure turns the memo off for that document.
 */

/** Mutation records between two reads past which the memo stops watching until the next read. */
export const RECORD_LIMIT = 200;
/** How long (ms of the read clock) a row's read is reused while nothing in it changed. */
export const MEMO_CLOCK_MS = 60_000;

let enabled = true;

/** Rows answered by the memo and rows parsed, since the last reset (tests and benchmarks). */
export const rowMemoCounts = { reused: 0, parsed: 0 };

/** Turns the memo on or off for every document (off: every read parses every row). */
export function setRowMemo(on: boolean): void {
  enabled = on;
}

interface Entry<T> {
  key: string;
  token: unknown;
  at: number;
  value: T;
}

class RowMemo<T> {
  private entries = new WeakMap<Element, Entry<T>>();
  private observer: MutationObserver | null = null;
  private pending: MutationRecord[] = [];
  private overflowed = false;
  private pageKey = '';
  /** The element holding the rows of the last read, watched with its subtree. */
  private scope: Element | null = null;
  /** The elements between the scope and the rows of the last read (list sections, wrappers). */
  private wrappers = new Set<Element>();
  /** Nodes inserted in the scope since the last read. */
  private added = new Set<Node>();
  broken = false;

  constructor(private readonly doc: Document) {}

  /** Applies the changes since the last read; a new page key (URL) forgets everything. */
  begin(pageKey: string): void {
    const records = this.pending;
    this.pending = [];
    if (this.observer) for (const record of this.observer.takeRecords()) records.push(record);
    this.added.clear();
    if (this.overflowed || pageKey !== this.pageKey || records.length > RECORD_LIMIT) {
      this.forget();
    } else {
      for (const record of records) {
        if (!this.apply(record)) {
          this.forget();
          break;
        }
      }
    }
    this.overflowed = false;
    this.pageKey = pageKey;
  }

  private forget(): void {
    this.entries = new WeakMap();
    this.added.clear();
  }

  /** Forgets the rows the record may have changed; false when that may be every row. */
  private apply(record: MutationRecord): boolean {
    const scope = this.scope;
    const target = record.target;
    // Outside the watched subtree: an ancestor's attributes, the head, or a row already removed.
    if (!scope || !scope.contains(target)) return false;
    let inRow = false;
    let inAdded = false;
    // Every cached row from the target up to the scope is stale (rows can hold rows).
    for (let el = target.nodeType === 1 ? (target as Element) : target.parentElement; el && el !== scope; el = el.parentElement) {
      if (this.entries.has(el)) {
        this.entries.delete(el);
        inRow = true;
      }
      if (this.added.has(el)) inAdded = true;
    }
    if (record.type === 'childList') {
      for (let i = 0; i < record.addedNodes.length; i++) this.added.add(record.addedNodes[i]!);
      return true;
    }
    // Text outside every row is no row's. Attributes of the scope, or of a wrapper holding rows,
    // may restyle the rows under it; those of an element beside the rows (a spinner) do not.
    if (record.type === 'characterData' || inRow || inAdded) return true;
    return target !== scope && !this.wrappers.has(target as Element);
  }

  /** The row's last read when nothing it depends on changed since, else undefined. */
  get(row: Element, key: string, token: unknown, now: number): T | undefined {
    const entry = this.entries.get(row);
    if (!entry || entry.key !== key || entry.token !== token || Math.abs(now - entry.at) >= MEMO_CLOCK_MS) return undefined;
    // The row must still be in the watched subtree, and not be (in) a node inserted since.
    const scope = this.scope;
    let node: Node | null = row;
    for (; node && node !== scope; node = node.parentNode) if (this.added.has(node)) return undefined;
    return node ? entry.value : undefined;
  }

  set(row: Element, key: string, token: unknown, now: number, value: T): void {
    this.entries.set(row, { key, token, at: now, value });
  }

  /** Watches the rows of this read until the next. */
  end(rows: readonly Element[]): void {
    const scope = containerOf(rows);
    this.wrappers.clear();
    if (!scope) {
      this.stop();
      this.scope = null;
      this.forget();
      return;
    }
    for (const row of rows) {
      for (let up = row.parentElement; up && up !== scope && !this.wrappers.has(up); up = up.parentElement) this.wrappers.add(up);
    }
    // The rows just read were checked against the old scope or parsed now; from here the new
    // scope watches them, in the same task as their read, so no change falls between.
    if (scope === this.scope && this.observer) return;
    this.stop();
    this.scope = scope;
    const Observer = this.doc.defaultView?.MutationObserver;
    if (!Observer) {
      this.broken = true;
      return;
    }
    const observer = new Observer((records) => {
      if (this.overflowed) return;
      for (const record of records) this.pending.push(record);
      if (this.pending.length > RECORD_LIMIT) {
        // A storm: stop watching; the next read parses every row and watches again.
        this.overflowed = true;
        this.pending = [];
        this.stop();
      }
    });
    observer.observe(scope, { subtree: true, childList: true, characterData: true, attributes: true });
    for (let up = scope.parentElement; up; up = up.parentElement) observer.observe(up, { attributes: true });
    if (this.doc.head) observer.observe(this.doc.head, { subtree: true, childList: true, characterData: true, attributes: true });
    this.observer = observer;
  }

  private stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}

/** The nearest element holding every row, when the rows are in one tree; else null. */
function containerOf(rows: readonly Element[]): Element | null {
  const first = rows[0];
  if (!first) return null;
  let scope = first.parentElement;
  for (const row of rows) {
    while (scope && !scope.contains(row)) scope = scope.parentElement;
    if (!scope) return null;
  }
  return scope;
}

const memos = new WeakMap<Document, Map<string, RowMemo<unknown>>>();

function memoFor<T>(doc: Document, name: string): RowMemo<T> | null {
  let byName = memos.get(doc);
  if (!byName) memos.set(doc, (byName = new Map()));
  let memo = byName.get(name) as RowMemo<T> | undefined;
  if (!memo) byName.set(name, (memo = new RowMemo<T>(doc) as RowMemo<unknown> as RowMemo<T>));
  return memo.broken ? null : memo;
}

export interface RowRead<R, T> {
  /** Names the memo: one per adapter and list. */
  name: string;
  /** What every row's read depends on beyond the row: the page URL and anything page-wide. */
  pageKey: string;
  /** The read clock. */
  now: number;
  rows: readonly R[];
  element: (row: R) => Element;
  /** The list-wide facts this row's read depends on (see the file comment); '' for none. */
  key?: (row: R, i: number) => string;
  /**
   * An object inside the row its read depends on, compared by identity (the thread link, when a
   * row can hold two): a row read with another one is parsed again.
   */
  token?: (row: R, i: number) => unknown;
  /** Called once, with the rows to parse, before the first of them is parsed (per-read indexes). */
  prepare?: (stale: readonly R[]) => void;
  parse: (row: R, i: number) => T;
}

/**
 * Every row's read, in order: the memo's for rows unchanged since the last read of this page, a
 * fresh `parse` for the others (and every row when the memo is off or cannot watch).
 */
export function readRows<R, T>(doc: Document, spec: RowRead<R, T>): T[] {
  const { rows, parse } = spec;
  let memo: RowMemo<T> | null = null;
  if (enabled) {
    try {
      memo = memoFor<T>(doc, spec.name);
      memo?.begin(spec.pageKey);
    } catch {
      memo = null;
    }
  }
  if (!memo) {
    spec.prepare?.(rows);
    return rows.map(parse);
  }
  const out: T[] = new Array(rows.length);
  const keys: string[] = new Array(rows.length);
  const stale: number[] = [];
  const elements: Element[] = new Array(rows.length);
  try {
    for (let i = 0; i < rows.length; i++) {
      const element = spec.element(rows[i]!);
      elements[i] = element;
      const key = spec.key ? spec.key(rows[i]!, i) : '';
      keys[i] = key;
      const found = memo.get(element, key, spec.token?.(rows[i]!, i), spec.now);
      if (found === undefined) stale.push(i);
      else out[i] = found;
    }
  } catch {
    spec.prepare?.(rows);
    return rows.map(parse);
  }
  rowMemoCounts.reused += rows.length - stale.length;
  rowMemoCounts.parsed += stale.length;
  if (stale.length) {
    spec.prepare?.(stale.length === rows.length ? rows : stale.map((i) => rows[i]!));
    for (const i of stale) {
      const value = parse(rows[i]!, i);
      out[i] = value;
      memo.set(elements[i]!, keys[i]!, spec.token?.(rows[i]!, i), spec.now, value);
    }
  }
  try {
    memo.end(elements);
  } catch {
    memo.broken = true;
  }
  return out;
}
