import type { InboxRead } from '@/utils/platforms/contract';

/**
 * Watches a platform page and reports what it reads, cheaply:
 * one MutationObserver whose callback only schedules; reads are coalesced to at most one per
 * `minInterval` ms (a burst of thousands of mutations costs a handful of reads, and the last state
 * of a burst is always read); a read on SPA navigation and when the tab comes back into view; and a
 * report only when the result differs from the last one sent.
 *
 * A timer, not requestAnimationFrame, paces the reads: frames stop in background tabs, and a DM
 * tab in the background is exactly the one whose badge must stay current.
 *
 * While a read is pending the observer is disconnected: the read will see every change made until
 * it runs, so the records of a storm would only be built to be thrown away (on a page applying
 * thousands of changes a second, building them costs the page as much as everything else DM Desk
 * does). It observes again right after the read, in the same task, so no change slips between.
 */
export interface WatcherOptions {
  doc: Document;
  read: () => InboxRead;
  report: (read: InboxRead, url: string) => void;
  /** Smallest gap between two reads, in ms (250 → at most 4 reads a second). */
  minInterval?: number;
  /**
   * While the page stays busy (each read is followed by more mutations: a storm, a typing
   * indicator, an animation), the gap doubles up to this many ms; a page that was quiet for that
   * long starts again at `minInterval`. Kept under a second, so a change still reaches the badge
   * within one even mid-storm, while an isolated change is read within `minInterval`.
   */
  maxInterval?: number;
  /**
   * During a storm, the largest share of the page's time DM Desk's reads may take: a read that
   * cost c ms is followed by at least c / maxShare ms (0.003 → a 10 ms read of a 500-row inbox
   * churning non-stop waits 3.3 s; a 1 ms read of a small one still waits only `maxInterval`).
   * A page whose every row changes every second would otherwise pay for a full read four
   * times a second; the badge then lags by that gap, never by more than `stormCeiling`.
   */
  maxShare?: number;
  /** The longest gap between reads of a storming page, in ms. */
  stormCeiling?: number;
  now?: () => number;
  /** Mutations only inside such nodes (DM Desk's own overlay, the composer) schedule nothing. */
  ignore?: (node: Node) => boolean;
}

export interface Watcher {
  /** Read soon (navigation, focus), still coalesced with any pending read. */
  schedule(): void;
  stop(): void;
  /** How many reads ran (benchmarks and tests). */
  readonly reads: number;
}

/** Each read is recorded as a user-timing mark; the page's main world sees it (e2e tests count them). */
export const READ_MARK = 'dm-desk:read';

/** DM Desk's own UI carries this attribute on its host element. */
export const OWN_UI_ATTRIBUTE = 'data-dm-desk';

const IRRELEVANT = `[${OWN_UI_ATTRIBUTE}], [contenteditable]:not([contenteditable="false"])`;

/**
 * Mutations that cannot change what an adapter reads: DM Desk's own UI, and text being typed in
 * an editor (the composer changes on every keystroke; the inbox does not).
 */
function irrelevant(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!element?.closest?.(IRRELEVANT);
}

/**
 * Attributes adapters read (unread markers, labels, links, ids); style and other attribute churn
 * (animations, hover states) wakes nothing.
 */
export const WATCHED_ATTRIBUTES = [
  'class',
  'aria-label',
  'aria-current',
  'aria-selected',
  'href',
  'id',
  'title',
  'data-testid',
  'data-e2e',
  'data-icon',
  'datetime',
];

/** Relative times drift every minute; they are compared coarsely (10 minutes) so drift alone sends nothing. */
const TIME_GRAIN = 600_000;

function sameValues(a: object | null, b: object | null, timeKey?: string): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const key of ka) {
    const va = (a as Record<string, unknown>)[key];
    const vb = (b as Record<string, unknown>)[key];
    if (va === vb) continue;
    if (key !== timeKey || typeof va !== 'number' || typeof vb !== 'number') return false;
    if (Math.round(va / TIME_GRAIN) !== Math.round(vb / TIME_GRAIN)) return false;
  }
  return true;
}

/**
 * Whether two reads say the same (rows' times to the nearest ten minutes). A field-by-field walk:
 * cheaper than serialising both, which at 500 rows cost as much as a tenth of the read.
 */
export function sameRead(a: InboxRead, b: InboxRead): boolean {
  if (a.unreadTotal !== b.unreadTotal || a.threads.length !== b.threads.length) return false;
  if (a.missing.length !== b.missing.length || a.missing.some((m, i) => m !== b.missing[i])) return false;
  if (!sameValues(a.active, b.active)) return false;
  for (let i = 0; i < a.threads.length; i++) if (!sameValues(a.threads[i]!, b.threads[i]!, 'time')) return false;
  return true;
}

export function startWatcher({
  doc,
  read,
  report,
  minInterval = 250,
  maxInterval = 750,
  maxShare = 0.003,
  stormCeiling = 4000,
  now = () => Date.now(),
  ignore = irrelevant,
}: WatcherOptions): Watcher {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRead = -Infinity;
  let gap = minInterval;
  let busyStreak = 0;
  let lastSent: { read: InboxRead; url: string } | null = null;
  let reads = 0;
  /** What the last read and its report cost, in ms. */
  let cost = 0;
  let stopped = false;
  const view = doc.defaultView;

  const run = () => {
    timer = undefined;
    if (stopped) return;
    lastRead = now();
    reads++;
    try {
      readAndReport();
    } finally {
      cost = Math.max(0, now() - lastRead);
      if (!stopped) observe();
    }
  };

  const readAndReport = () => {
    try {
      view?.performance?.mark?.(READ_MARK);
    } catch {
      // User timing is a debugging aid only.
    }
    let result: InboxRead;
    try {
      result = read();
    } catch {
      return; // adapters never throw; if one does, the next mutation tries again
    }
    const url = doc.location?.href ?? '';
    if (lastSent && lastSent.url === url && sameRead(lastSent.read, result)) return;
    lastSent = { read: result, url };
    report(result, url);
  };

  const schedule = () => {
    if (stopped || timer !== undefined) return;
    const sinceRead = now() - lastRead;
    if (sinceRead > maxInterval) busyStreak = 0; // quiet since the last read
    else if (sinceRead < gap) busyStreak++; // mutating again right after a read
    // Three busy windows in a row make a storm: back off, doubling up to maxInterval, and
    // further when the reads are costly, so they keep to maxShare of the time.
    gap = Math.min(maxInterval, minInterval * 2 ** Math.max(0, busyStreak - 2));
    if (busyStreak >= 3) gap = Math.max(gap, Math.min(stormCeiling, cost / maxShare));
    timer = setTimeout(run, Math.max(0, lastRead + gap - now()));
    observer.disconnect(); // the read will see everything until it runs
  };

  const observer = new (view?.MutationObserver ?? MutationObserver)((records) => {
    if (timer !== undefined || stopped) return; // a read is already coming: nothing to look at
    for (const record of records) {
      if (!ignore(record.target)) {
        schedule();
        return;
      }
    }
  });
  // Title changes ("(3) Instagram") are mutations of <title>, covered by the subtree.
  const observe = () =>
    observer.observe(doc.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  observe();

  // SPA navigation: history traversal, and the Navigation API's navigate event for pushState
  // (Chromium 102+; content scripts see the page's same-document navigations).
  const onNavigate = () => {
    busyStreak = 0;
    schedule();
  };
  const onVisible = () => {
    if (doc.visibilityState === 'visible') schedule();
  };
  view?.addEventListener('popstate', onNavigate);
  view?.addEventListener('hashchange', onNavigate);
  const navigation = (view as (Window & { navigation?: EventTarget }) | null)?.navigation;
  const onNavigateSuccess = () => schedule();
  navigation?.addEventListener?.('navigatesuccess', onNavigateSuccess);
  doc.addEventListener('visibilitychange', onVisible);

  schedule();

  return {
    schedule,
    stop() {
      stopped = true;
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      view?.removeEventListener('popstate', onNavigate);
      view?.removeEventListener('hashchange', onNavigate);
      navigation?.removeEventListener?.('navigatesuccess', onNavigateSuccess);
      doc.removeEventListener('visibilitychange', onVisible);
    },
    get reads() {
      return reads;
    },
  };
}
