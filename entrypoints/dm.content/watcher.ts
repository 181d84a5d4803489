import type { InboxRead } from '@/utils/platforms/contract';

/**
 * Watches a platform page and reports what it reads, cheaply:
 * one MutationObserver, reads coalesced to at most one per `minInterval` ms (a burst of thousands
 * of mutations costs a handful of reads), a read on SPA navigation, and a report only when the
 * result differs from the last one sent.
 */
export interface WatcherOptions {
  doc: Document;
  read: () => InboxRead;
  report: (read: InboxRead, url: string) => void;
  /** Smallest gap between two reads, in ms. */
  minInterval?: number;
  now?: () => number;
}

export interface Watcher {
  /** Read now (navigation, focus) unless a read just happened; still coalesced. */
  schedule(): void;
  stop(): void;
  /** How many reads ran (benchmarks and tests). */
  readonly reads: number;
}

/** Relative times drift every minute; compare them coarsely so drift alone sends nothing. */
function fingerprint(read: InboxRead, url: string): string {
  return JSON.stringify([url, read.unreadTotal, read.active, read.missing, read.threads.map((t) => ({
    ...t,
    time: t.time === undefined ? undefined : Math.round(t.time / 600_000),
  }))]);
}

export function startWatcher({ doc, read, report, minInterval = 250, now = () => Date.now() }: WatcherOptions): Watcher {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRead = -Infinity;
  let lastSent = '';
  let reads = 0;
  let stopped = false;

  const run = () => {
    timer = undefined;
    if (stopped) return;
    lastRead = now();
    reads++;
    const result = read();
    const url = doc.location?.href ?? '';
    const print = fingerprint(result, url);
    if (print === lastSent) return;
    lastSent = print;
    report(result, url);
  };

  const schedule = () => {
    if (stopped || timer !== undefined) return;
    timer = setTimeout(run, Math.max(0, lastRead + minInterval - now()));
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  // Title changes ("(3) Instagram") are mutations of <title>, covered by the subtree above.
  schedule();

  return {
    schedule,
    stop() {
      stopped = true;
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    get reads() {
      return reads;
    },
  };
}
