import type { InboxRead } from '@/utils/platforms/contract';

/**
 * Watches a platform page and reports what it reads, cheaply:
 * one MutationObserver whose callback only schedules; a change is read once the page has settled
 * (a look of `minInterval` ms, or longer ones in a longer burst, saw no change), so a burst of
 * thousands of mutations costs one read, and its
 * last state is the one read; a read on SPA navigation and when the tab comes back into view; and
 * a report only when the result differs from the last one sent.
 *
 * A page that never settles (a storm: typing indicators, presence, a long list re-rendering) is
 * still read, as often as the reads' cost allows: at most `maxShare` of the time, never less than
 * `maxInterval` apart, and at least once every `stormCeiling`. Meanwhile, once every
 * `tickInterval`, a light read of the unread counter alone (`readTotal`: a few queries) is
 * reported when it changed: the toolbar badge stays current within a second while the
 * conversation list waits for the storm to end.
 *
 * A timer, not requestAnimationFrame, paces the reads: frames stop in background tabs, and a DM
 * tab in the background is exactly the one whose badge must stay current.
 *
 * While a read is pending the observer does not record a storm: after the change that scheduled
 * the read, it only looks, `minInterval`, then twice that, then up to `tickInterval` apart (250,
 * 500, 1,000 ms), for one more change (it
 * observes until the first one, then is off again until the next look). On a page applying
 * thousands of changes a second, building every record costs the page as much as everything else
 * DM Desk does. It observes again right after the read, in the same task, so no change slips
 * between.
 */
export interface WatcherOptions {
  doc: Document;
  read: () => InboxRead;
  report: (read: InboxRead, url: string) => void;
  /** The unread counter alone, cheaply (the adapter's `total`), for the light reads of a storm. */
  readTotal?: () => number | null;
  /** A counter from a light read that differs from the last one reported. */
  reportTotal?: (total: number, url: string) => void;
  /** How long the page must stay unchanged for a change to be read, in ms. */
  minInterval?: number;
  /** The smallest gap between reads of a page that never settles, in ms. */
  maxInterval?: number;
  /**
   * The largest share of the time a never-settling page's reads may take: a read that cost c ms is
   * followed by at least c / maxShare ms. 0.0005: a 5 ms read of a long inbox churning non-stop
   * comes every 10 s (a 500-row one, ~12 ms, every 15 s, the ceiling); a 0.3 ms read of a
   * virtualised list every 750 ms (`maxInterval`). The budget (README, "Performance") is 3 % of
   * the page's own script time, and a page storming hard runs its own script ~5–10 % of the time.
   */
  maxShare?: number;
  /** The longest a never-settling page waits for a read, in ms. */
  stormCeiling?: number;
  /** How often the light reads of a long wait run, in ms. */
  tickInterval?: number;
  now?: () => number;
  /** Mutations only inside such nodes (DM Desk's own overlay, the composer) schedule nothing. */
  ignore?: (node: Node) => boolean;
  /**
   * Elements whose shadow roots hold the DM panes (the adapter's `shadowHosts`): their roots are
   * observed with the document, since an observer of the document sees nothing inside them.
   */
  shadowHosts?: () => Element[];
  /**
   * Same-origin frames whose documents hold the DM panes (the adapter's `frames`): their
   * documents are observed with this one, and a frame's load (a new document) schedules a read.
   */
  frames?: () => Element[];
}

export interface Watcher {
  /** Read soon (navigation, focus), coalesced with a pending read; a long storm wait is cut short. */
  schedule(): void;
  stop(): void;
  /** How many reads ran (benchmarks and tests). */
  readonly reads: number;
}

/**
 * Each read (with its report) is recorded as a user-timing measure of its duration; the page's
 * main world sees it (e2e tests count them, the benchmark reports their durations).
 */
export const READ_MARK = 'dm-desk:read';

/** DM Desk's own UI carries this attribute on its host element. */
export const OWN_UI_ATTRIBUTE = 'data-dm-desk';

const IRRELEVANT = `[${OWN_UI_ATTRIBUTE}], [contenteditable]:not([contenteditable="false" i])`;

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
  maxShare = 0.0005,
  stormCeiling = 15_000,
  tickInterval = 1000,
  now = () => Date.now(),
  ignore = irrelevant,
  shadowHosts,
  frames,
}: WatcherOptions): Watcher {
  /** The pending read: the latest it runs, however busy the page stays. */
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = 0;
  let lastSent: { read: InboxRead; url: string } | null = null;
  let reads = 0;
  /** What the last read and its report cost, in ms. */
  let cost = 0;
  let stopped = false;
  const view = doc.defaultView;
  /** The looks for quiet while a read is pending: the timer, and whether a look saw a change. */
  let tick: ReturnType<typeof setTimeout> | undefined;
  let looking = false;
  let stirred = false;
  /** ms of the wait since the last light read, and until the next look. */
  let sinceLight = 0;
  let lookEvery = minInterval;

  const stopLooking = () => {
    if (tick !== undefined) clearTimeout(tick);
    tick = undefined;
    looking = false;
  };

  const run = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    stopLooking();
    if (stopped) return;
    const started = now();
    reads++;
    try {
      readAndReport();
    } finally {
      cost = Math.max(0, now() - started);
      if (!stopped) observe();
    }
  };

  const readAndReport = () => {
    const timing = view?.performance;
    let start = 0;
    try {
      start = timing?.now?.() ?? 0;
    } catch {
      // User timing is a debugging aid only.
    }
    try {
      readOnce();
    } finally {
      try {
        timing?.measure?.(READ_MARK, { start });
      } catch {
        // As above.
      }
    }
  };

  const readOnce = () => {
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

  /** Observe until the first relevant change, and look again in `lookEvery` ms. */
  const look = () => {
    looking = true;
    stirred = false;
    observe();
    tick = setTimeout(onLook, lookEvery);
  };

  /**
   * Nothing changed since the last look: the page settled, read it now. Else, once every
   * `tickInterval`, a light read, and another look, the next ones twice as far apart up to
   * `tickInterval` (a short burst is read within `minInterval` of settling, the end of a long storm
   * within two `tickInterval`s).
   */
  const onLook = () => {
    tick = undefined;
    if (stopped || timer === undefined) return;
    if (!stirred) {
      run();
      return;
    }
    sinceLight += lookEvery;
    if (sinceLight >= tickInterval) {
      sinceLight = 0;
      lightRead();
    }
    // Up to one look per light read: each look is a wake-up of the page's main thread.
    lookEvery = Math.min(Math.max(2 * minInterval, tickInterval), lookEvery * 2);
    look();
  };

  /** A relevant change: read once the page settles, and by the time the reads' cost allows. */
  const schedule = () => {
    if (stopped || timer !== undefined) return;
    const wait = Math.max(maxInterval, Math.min(stormCeiling, cost / maxShare));
    due = now() + wait;
    timer = setTimeout(run, wait);
    observer.disconnect(); // the scheduling change is seen; only look for more from here
    sinceLight = 0;
    lookEvery = minInterval;
    look();
  };

  /**
   * Read soon for a reason other than a mutation (navigation, the tab shown again): in
   * `minInterval`, settled or not, as the page the user looks at changed.
   */
  const soon = () => {
    if (stopped) return;
    if (timer !== undefined && due - now() <= minInterval) return;
    if (timer !== undefined) clearTimeout(timer);
    stopLooking();
    observer.disconnect();
    due = now() + minInterval;
    timer = setTimeout(run, minInterval);
  };

  const observer = new (view?.MutationObserver ?? MutationObserver)((records) => {
    if (stopped) return;
    if (looking) {
      // A look for quiet: one relevant change is enough to know the page is still busy.
      if (records.some((record) => !ignore(record.target))) {
        stirred = true;
        looking = false;
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
  const OBSERVED: MutationObserverInit = { subtree: true, childList: true, characterData: true, attributeFilter: WATCHED_ATTRIBUTES };
  /** Hosts seen without their shadow root yet, and how often one was waited for. */
  let shadowWait: ReturnType<typeof setTimeout> | undefined;
  let shadowWaits = 0;
  const observe = () => {
    observer.observe(doc.documentElement, OBSERVED);
    if (shadowHosts) observeShadows(shadowHosts);
    if (frames) observeFrames(frames);
  };
  /** Frames listened to for their loads (each once). */
  const framesHeard = new Set<Element>();
  const onFrameLoad = () => soon();
  const observeFrames = (list: () => Element[]) => {
    try {
      // Frames gone from the page (a navigation replaced them) are let go.
      for (const frame of framesHeard) {
        if (frame.isConnected) continue;
        frame.removeEventListener('load', onFrameLoad);
        framesHeard.delete(frame);
      }
      for (const frame of list()) {
        if (!framesHeard.has(frame)) {
          framesHeard.add(frame);
          frame.addEventListener('load', onFrameLoad);
        }
        // A cross-origin frame throws or gives null: nothing of it is read either.
        let inner: Document | null = null;
        try {
          inner = (frame as HTMLIFrameElement).contentDocument;
        } catch {
          inner = null;
        }
        if (inner?.documentElement) observer.observe(inner.documentElement, OBSERVED);
      }
    } catch {
      // As for shadow hosts: the next read tries again.
    }
  };
  const observeShadows = (hosts: () => Element[]) => {
    let waiting = false;
    try {
      for (const host of hosts()) {
        const root = host.shadowRoot;
        if (root) observer.observe(root, OBSERVED);
        else waiting = true;
      }
    } catch {
      return;
    }
    if (!waiting) shadowWaits = 0;
    // Attaching a shadow root to a host already in the page makes no mutation: read again soon,
    // which observes again (a few times, then the next change of the page does).
    else if (shadowWait === undefined && shadowWaits < 20) {
      shadowWaits++;
      shadowWait = setTimeout(() => {
        shadowWait = undefined;
        soon();
      }, 500);
    }
  };
  observe();

  // SPA navigation: history traversal, and the Navigation API's navigate event for pushState
  // (Chromium 102+; content scripts see the page's same-document navigations).
  const onNavigate = () => soon();
  const onVisible = () => {
    if (doc.visibilityState === 'visible') soon();
  };
  view?.addEventListener('popstate', onNavigate);
  view?.addEventListener('hashchange', onNavigate);
  const navigation = (view as (Window & { navigation?: EventTarget }) | null)?.navigation;
  const onNavigateSuccess = () => soon();
  navigation?.addEventListener?.('navigatesuccess', onNavigateSuccess);
  doc.addEventListener('visibilitychange', onVisible);

  // The page as it is now, at once.
  due = now();
  timer = setTimeout(run, 0);

  return {
    schedule: soon,
    stop() {
      stopped = true;
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      if (shadowWait !== undefined) clearTimeout(shadowWait);
      for (const frame of framesHeard) frame.removeEventListener('load', onFrameLoad);
      framesHeard.clear();
      timer = undefined;
      view?.removeEventListener('popstate', onNavigate);
      view?.removeEventListener('hashchange', onNavigate);
      navigation?.removeEventListener?.('navigatesuccess', onNavigateSuccess);
      doc.removeEventListener('visibilitychange', onVisible);
      stopLooking();
    },
    get reads() {
      return reads;
    },
  };
}
