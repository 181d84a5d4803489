// Bundled into the benchmark pages: every adapter, and the naive watchers DM Desk is compared with.
import { adapterFor } from '@/utils/platforms/registry';
import { setRowMemo } from '@/utils/dom/row-memo';
import { floorMismatch, floorRead, floorRows } from './floor';

function adapter() {
  const found = adapterFor(location.href);
  if (!found) throw new Error(`no adapter for ${location.href}`);
  return found;
}

/**
 * Time `runs` reads of this page; returns per-read ms. `change`: before each read (untimed), one
 * row changes, as when a message arrives: the read the watcher makes. Without it the page stays
 * as it is, and every read after the first reuses every row (utils/dom/row-memo.ts).
 */
function timeReads(runs: number, change = false): number[] {
  const a = adapter();
  const url = new URL(location.href);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (change) changeRow(i);
    const t0 = performance.now();
    a.read(document, url);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Time `runs` full parses (the row memo off): a first read, or any read after a storm. */
function timeFullReads(runs: number): number[] {
  setRowMemo(false);
  try {
    return timeReads(runs);
  } finally {
    setRowMemo(true);
  }
}

let changes = 0;
/**
 * A new preview in one row (rows taken in a scattered order): the row's longest text gets a
 * different ending, the way React updates a text in place.
 */
function changeRow(i: number): void {
  const rows = floorRows(adapter().id, document);
  const row = rows[(i * 37) % rows.length];
  if (!row) return;
  const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
  let longest: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!longest || (node.nodeValue ?? '').length > (longest.nodeValue ?? '').length) longest = node;
  }
  if (longest) longest.nodeValue = `${(longest.nodeValue ?? '').replace(/ \(\d+\)$/, '')} (${++changes})`;
}

/** Time `runs` reads of this page by the known-markup floor reader (./floor.ts); per-read ms. */
function timeFloor(runs: number): number[] {
  const id = adapter().id;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    floorRead(id, document);
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * The floor and read()'s full parse in `n` interleaved batches of ten reads each (after one of
 * each to warm), so both see the same state of a noisy host: each batch's mean ms.
 */
function floorBatches(n: number): { floor: number[]; read: number[] } {
  const floor: number[] = [];
  const read: number[] = [];
  const batch = (fn: (runs: number) => number[]) => fn(10).reduce((a, b) => a + b, 0) / 10;
  batch(timeFloor);
  batch(timeFullReads);
  for (let i = 0; i < n; i++) {
    floor.push(batch(timeFloor));
    read.push(batch(timeFullReads));
  }
  return { floor, read };
}

/** bench/browser/floor.ts's check of the floor reader against this page's adapter. */
function checkFloor(): string {
  const a = adapter();
  return floorMismatch(a.id, document, a.read(document, new URL(location.href)).threads);
}

/** Naive watcher 1: re-read the whole inbox on every mutation batch. */
function naiveReread(): () => number {
  const a = adapter();
  let reads = 0;
  // A naive watcher parses the whole list each time (DM Desk's row memo is DM Desk's).
  setRowMemo(false);
  const observer = new MutationObserver(() => {
    a.read(document, new URL(location.href));
    reads++;
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  return () => (observer.disconnect(), reads);
}

/** Naive watcher 2: poll the whole document every second, as desktop messenger wrappers do. */
function naivePoll(): () => number {
  let polls = 0;
  setRowMemo(false);
  const timer = setInterval(() => {
    const text = document.body.innerText;
    let unread = 0;
    for (const el of document.querySelectorAll('*')) if (el.getAttribute('aria-label')?.includes('Unread')) unread++;
    void text.length;
    void unread;
    adapter().read(document, new URL(location.href));
    polls++;
  }, 1000);
  return () => (clearInterval(timer), polls);
}

/** The observer alone, watching what DM Desk's watcher watches, doing nothing: the floor. */
function observerOnly(): () => number {
  let calls = 0;
  const observer = new MutationObserver(() => void calls++);
  observer.observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributeFilter: ['class', 'aria-label', 'aria-current', 'aria-selected', 'href', 'id', 'title', 'data-testid', 'data-e2e', 'data-icon', 'datetime'],
  });
  return () => (observer.disconnect(), calls);
}

Object.assign(globalThis, { __dmdBench: { timeReads, timeFullReads, changeRow, timeFloor, floorBatches, checkFloor, naiveReread, naivePoll, observerOnly } });
