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
 *
 * A page that keeps changing right after each read (a storm: typing indicators, presence, a
 * long list re-rendering) gets full reads no more often than their cost allows (`maxShare` of
 * the time), and in between, every `tickInterval`, a light read of the unread counter alone
 * (`readTotal`: a few queries), reported when it changes: the badge stays current within a
 * second while the conversation list waits. Each light tick also looks for the end of the storm
 * (one batch of records, then the observer is off again): a tick without any change means the
 * page went quiet, and the full read runs at once instead of waiting out its gap.
 */
export interface WatcherOptions {
  doc: Document;
  read: () => InboxRead;
  report: (read: InboxRead, url: string) => void;
  /** The unread counter alone, cheaply (the adapter's `total`), for the light reads of a storm. */
  readTotal?: () => number | null;
  /** A counter from a light read that differs from the last one reported. */
  reportTotal?: (total: number, url: string) => void;
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
   * While the page is busy, the largest share of the time DM Desk's full reads may take: a read
   * that cost c ms is followed by at least c / maxShare ms. 0.001: a 10 ms read of a 500-row
   * inbox churning non-stop waits 10 s; a 0.3 ms read of a virtualised list still waits only
   * the usual 250–750 ms. The budget (README, "Performance") is 3 % of the page's own script
   * time, and a page storming hard runs its own script ~5–10 % of the time: reads at 0.1 % of
   * the time leave room for the observer and the light reads. The badge does not wait for the
   * full reads: light reads of the counter keep it within `tickInterval`.
   */
  maxShare?: number;
  /** How often the light reads of a long wait run, in ms (each also looks for the storm's end). */
  tickInterval?: number;
  /** The longest gap between full reads of a storming page, in ms. */
  stormCeiling?: number;
  now?: () => number;
  /** Mutations only inside such nodes (DM Desk's own overlay, the composer) schedule nothing. */
  ignore?: (node: Node) => boolean;
}

export interface Watcher {
  /** Read soon (navigation, focus), coalesced with a pending read; a long storm wait is cut short. */
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
  readTotal,
  reportTotal,
  minInterval = 250,
  maxInterval = 750,
  maxShare = 0.001,
  tickInterval = 1000,
  stormCeiling = 15_000,
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
  /** The light-read ticks of a long wait: the timer, and whether the observer is probing for quiet. */
  let tick: ReturnType<typeof setTimeout> | undefined;
  let probing = false;
  let stirred = false;
  /** When the pending full read runs. */
  let due = 0;

  const stopTicks = () => {
    if (tick !== undefined) clearTimeout(tick);
    tick = undefined;
    probing = false;
  };

  const run = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    stopTicks();
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

  /** The counter alone, reported when it moved since the last report (full or light) of this URL. */
  const lightRead = () => {
    if (!readTotal || !reportTotal || !lastSent) return;
    let total: number | null;
    try {
      total = readTotal();
    } catch {
      return;
    }
    const url = doc.location?.href ?? '';
    if (total === null || url !== lastSent.url || total === lastSent.read.unreadTotal) return;
    lastSent = { read: { ...lastSent.read, unreadTotal: total }, url };
    reportTotal(total, url);
  };

  /**
   * A tick of a long wait: if nothing changed since the last tick the storm is over, and the full
   * read runs now; else a light read, and the observer looks again until its first change.
   */
  const onTick = () => {
    tick = undefined;
    if (stopped || timer === undefined) return;
    if (probing && !stirred) {
      run();
      return;
    }
    lightRead();
    probing = true;
    stirred = false;
    observe();
    tick = setTimeout(onTick, tickInterval);
  };

  const schedule = () => {
    if (stopped || timer !== undefined) return;
    const sinceRead = now() - lastRead;
    if (sinceRead > maxInterval) busyStreak = 0; // quiet since the last read
    else if (sinceRead < gap) busyStreak++; // mutating again right after a read
    // Busy windows in a row back off, doubling up to maxInterval; and from the first one, a
    // costly read keeps the reads to maxShare of the time (light reads cover the gap).
    gap = Math.min(maxInterval, minInterval * 2 ** Math.max(0, busyStreak - 2));
    if (busyStreak >= 1) gap = Math.max(gap, Math.min(stormCeiling, cost / maxShare));
    const wait = Math.max(0, lastRead + gap - now());
    due = now() + wait;
    timer = setTimeout(run, wait);
    observer.disconnect(); // the read will see everything until it runs
    if (wait > tickInterval) tick = setTimeout(onTick, tickInterval);
  };

  /**
   * Read soon for a reason other than a mutation (navigation, the tab shown again): like a
   * mutation, but a long storm wait is cut to `minInterval`, as the page the user looks at changed.
   */
  const soon = () => {
    if (stopped) return;
    if (timer === undefined) return schedule();
    if (due - now() <= minInterval) return;
    clearTimeout(timer);
    stopTicks();
    due = now() + minInterval;
    timer = setTimeout(run, minInterval);
  };

  const observer = new (view?.MutationObserver ?? MutationObserver)((records) => {
    if (stopped) return;
    if (probing) {
      // A light tick's look: one relevant change is enough to know the storm goes on.
      if (records.some((record) => !ignore(record.target))) {
        stirred = true;
        probing = false;
        observer.disconnect();
      }
      return;
    }
    if (timer !== undefined) return; // a read is already coming: nothing to look at
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
    soon();
  };
  const onVisible = () => {
    if (doc.visibilityState === 'visible') soon();
  };
  view?.addEventListener('popstate', onNavigate);
  view?.addEventListener('hashchange', onNavigate);
  const navigation = (view as (Window & { navigation?: EventTarget }) | null)?.navigation;
  const onNavigateSuccess = () => soon();
  navigation?.addEventListener?.('navigatesuccess', onNavigateSuccess);
  doc.addEventListener('visibilitychange', onVisible);

  schedule();

  return {
    schedule: soon,
    stop() {
      stopped = true;
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      view?.removeEventListener('popstate', onNavigate);
      view?.removeEventListener('hashchange', onNavigate);
      navigation?.removeEventListener?.('navigatesuccess', onNavigateSuccess);
      doc.removeEventListener('visibilitychange', onVisible);
      stopTicks();
    },
    get reads() {
      return reads;
    },
  };
}
