import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OWN_UI_ATTRIBUTE, READ_MARK, startWatcher, type Watcher } from '@/utils/content/watcher';
import type { InboxRead } from '@/utils/platforms/contract';

/**
 * The page watcher, on fake timers: mutations are counted, not timed. MutationObserver callbacks
 * are microtasks, so each step flushes them before moving the clock.
 */
const flush = async () => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
};

let watcher: Watcher | undefined;
let total: number;
let reads: number;
let reports: { read: InboxRead; url: string }[];

function start(options: { minInterval?: number; maxInterval?: number; shadowHosts?: () => Element[]; frames?: () => Element[] } = {}) {
  watcher = startWatcher({
    doc: document,
    read: () => {
      reads++;
      return { unreadTotal: total, threads: [], active: null, missing: [] };
    },
    report: (read, url) => reports.push({ read, url }),
    ...options,
  });
  return watcher;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  document.body.innerHTML = '<ul id="list"></ul>';
  total = 0;
  reads = 0;
  reports = [];
});

afterEach(() => {
  watcher?.stop();
  watcher = undefined;
  vi.useRealTimers();
});

describe('startWatcher', () => {
  it('reads once at start and reports it', async () => {
    start();
    expect(reads).toBe(0); // scheduled, not synchronous
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(1);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.read.unreadTotal).toBe(0);
    expect(reports[0]!.url).toBe(location.href);
  });

  it('a burst of 5,000 mutations over one second costs at most 5 reads, and the last state is read', async () => {
    start({ minInterval: 250 });
    await vi.advanceTimersByTimeAsync(0);
    const list = document.getElementById('list')!;
    const before = reads;
    // 5,000 mutations spread over one second: 50 batches of 100, 20 ms apart.
    for (let batch = 0; batch < 50; batch++) {
      for (let i = 0; i < 100; i++) {
        const li = document.createElement('li');
        li.textContent = `row ${batch * 100 + i}`;
        list.appendChild(li);
      }
      total = batch + 1;
      await flush();
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(1000);
    const burstReads = reads - before;
    expect(list.children).toHaveLength(5000);
    expect(burstReads).toBeGreaterThanOrEqual(1);
    expect(burstReads).toBeLessThanOrEqual(5); // 1 s / 250 ms, plus the trailing read
    expect(watcher!.reads).toBe(reads);
    // The trailing read saw the end of the burst.
    expect(reports.at(-1)!.read.unreadTotal).toBe(50);
  });

  it('reports only when the read changed', async () => {
    start({ minInterval: 100 });
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toHaveLength(1);

    document.body.setAttribute('class', 'hover'); // a mutation that changes nothing we read
    await flush();
    await vi.advanceTimersByTimeAsync(200);
    expect(reads).toBe(2);
    expect(reports).toHaveLength(1);

    total = 3;
    document.body.setAttribute('class', 'hover-2');
    await flush();
    await vi.advanceTimersByTimeAsync(200);
    expect(reads).toBe(3);
    expect(reports).toHaveLength(2);
    expect(reports[1]!.read.unreadTotal).toBe(3);
  });

  it('style churn and typing in the composer wake nothing', async () => {
    document.body.innerHTML = '<ul id="list"><li>Ana</li></ul><div id="composer" contenteditable="true"><p>Hi</p></div>';
    start();
    await vi.advanceTimersByTimeAsync(0);
    const before = reads;
    const composer = document.getElementById('composer')!;
    for (let i = 0; i < 20; i++) {
      document.getElementById('list')!.setAttribute('style', `opacity: ${i / 20}`);
      composer.firstElementChild!.textContent = `Hi Ana ${i}`;
      composer.appendChild(document.createElement('br'));
      await flush();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(reads).toBe(before);
    // A real change next to the composer is still seen.
    document.getElementById('list')!.appendChild(document.createElement('li'));
    await flush();
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toBe(before + 1);
  });

  it('a page that never settles is read every maxInterval (cheap reads); after a quiet spell, a change is read as soon as it settles', async () => {
    start({ minInterval: 100, maxInterval: 400 });
    await vi.advanceTimersByTimeAsync(0);
    const list = document.getElementById('list')!;
    const times: number[] = [];
    let last = reads;
    // A steady stream of changes for 3 s: every read finds something new, and more keeps coming.
    for (let t = 0; t < 3000; t += 20) {
      total = t;
      list.setAttribute('class', `tick-${t}`);
      await flush();
      await vi.advanceTimersByTimeAsync(20);
      if (reads !== last) times.push(Date.now()), (last = reads);
    }
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(400 + 20);
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(400);
    expect(reads).toBeLessThanOrEqual(12); // vs 30 at a fixed 100 ms
    expect(reports.at(-1)!.read.unreadTotal).toBeGreaterThan(2500); // still following the page
    // After a quiet spell, a single change is read at the short interval again.
    await vi.advanceTimersByTimeAsync(1000);
    const n = reads;
    total = -1;
    list.setAttribute('class', 'after');
    await flush();
    await vi.advanceTimersByTimeAsync(110);
    expect(reads).toBe(n + 1);
    expect(reports.at(-1)!.read.unreadTotal).toBe(-1);
  });

  it('reads nothing while the page is still', async () => {
    start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads).toBe(1);
  });

  it("a change inside the shadow root of an adapter's host is read (X Chat, 2026), and one attached late is found", async () => {
    const host = document.createElement('div');
    document.body.append(host);
    start({ shadowHosts: () => [host] });
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(1);
    // No mutation tells the page that a shadow root was attached: the watcher looks again.
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<ul><li>Ana</li></ul>';
    await vi.advanceTimersByTimeAsync(1000);
    const afterAttach = reads;
    expect(afterAttach).toBeGreaterThan(1);
    // From now on, changes inside the root are seen like any other.
    total = 1;
    root.querySelector('li')!.textContent = 'Ana: new message';
    await flush();
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toBeGreaterThan(afterAttach);
    expect(reports.at(-1)!.read.unreadTotal).toBe(1);
    // And a still page is not read again.
    const settled = reads;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads).toBe(settled);
  });

  it("a change inside an adapter's same-origin frame is read (TikTok Business Suite), and so is the frame's load", async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    start({ frames: () => [frame] });
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(1);
    // The frame's document changes: the watcher sees it as a change of the page.
    total = 1;
    frame.contentDocument!.body.innerHTML = '<ul><li>Ana: new message</li></ul>';
    await flush();
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toBe(2);
    expect(reports.at(-1)!.read.unreadTotal).toBe(1);
    // A load of the frame (a new document, no mutation of the page) is read soon.
    frame.dispatchEvent(new Event('load'));
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toBe(3);
    // Stopped, nothing of the frame wakes it.
    watcher!.stop();
    frame.dispatchEvent(new Event('load'));
    frame.contentDocument!.body.innerHTML = '<ul><li>Ben</li></ul>';
    await flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(3);
  });

  it('a title change alone ("(3) Instagram") triggers a read', async () => {
    document.title = 'Instagram';
    start();
    await vi.advanceTimersByTimeAsync(0);
    total = 3;
    document.title = '(3) Instagram';
    await flush();
    await vi.advanceTimersByTimeAsync(300);
    expect(reports.at(-1)!.read.unreadTotal).toBe(3);
  });

  it('SPA navigation (pushState + popstate) is read and reported with the new URL', async () => {
    const start0 = location.href;
    start();
    await vi.advanceTimersByTimeAsync(0);
    history.pushState({}, '', '/direct/t/123/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toBe(2);
    // Same read, new URL: still a change worth sending.
    expect(reports).toHaveLength(2);
    expect(reports[1]!.url).toMatch(/\/direct\/t\/123\/$/);
    history.replaceState({}, '', start0);
  });

  it('schedule() (navigation from the content script) is coalesced with a pending read', async () => {
    start({ minInterval: 250 });
    await vi.advanceTimersByTimeAsync(0);
    watcher!.schedule();
    watcher!.schedule();
    document.body.appendChild(document.createElement('div'));
    await flush();
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toBe(2);
  });

  it("mutations inside DM Desk's own overlay schedule nothing", async () => {
    const host = document.createElement('div');
    host.setAttribute(OWN_UI_ATTRIBUTE, 'overlay');
    document.body.appendChild(host);
    start();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 100; i++) host.appendChild(document.createElement('span'));
    host.setAttribute('data-open', 'true');
    await flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(1);
  });

  it('stops: no reads after stop(), even with a read pending', async () => {
    start();
    await vi.advanceTimersByTimeAsync(0);
    document.body.appendChild(document.createElement('div'));
    await flush();
    watcher!.stop();
    await vi.advanceTimersByTimeAsync(1000);
    document.body.appendChild(document.createElement('div'));
    await flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(1);
  });

  it('records each read as a user-timing measure of its duration', async () => {
    const mark = vi.spyOn(performance, 'measure');
    start();
    await vi.advanceTimersByTimeAsync(0);
    document.body.appendChild(document.createElement('div'));
    await flush();
    await vi.advanceTimersByTimeAsync(300);
    const calls = mark.mock.calls.filter(([name]) => name === READ_MARK);
    expect(calls).toHaveLength(2);
    expect(calls[0]![1]).toEqual({ start: expect.any(Number) });
  });

  it('an adapter that throws does not stop the watcher', async () => {
    let fail = true;
    watcher = startWatcher({
      doc: document,
      read: () => {
        reads++;
        if (fail) throw new Error('boom');
        return { unreadTotal: 1, threads: [], active: null, missing: [] };
      },
      report: (read, url) => reports.push({ read, url }),
    });
    await vi.advanceTimersByTimeAsync(0);
    fail = false;
    document.body.appendChild(document.createElement('div'));
    await flush();
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toBe(2);
    expect(reports).toHaveLength(1);
  });

  it('while a read is pending, the page builds one batch of records per look, not one per change; it observes again right after the read', async () => {
    // Count the records the watcher's observer receives.
    let delivered = 0;
    const Real = window.MutationObserver;
    class Counting extends Real {
      constructor(callback: MutationCallback) {
        super((records, observer) => {
          delivered += records.length;
          callback(records, observer);
        });
      }
    }
    window.MutationObserver = Counting;
    try {
      start({ minInterval: 250 });
    } finally {
      window.MutationObserver = Real;
    }
    await vi.advanceTimersByTimeAsync(0);
    const list = document.getElementById('list')!;
    list.appendChild(document.createElement('li')); // schedules the next read
    await flush();
    expect(delivered).toBe(1);
    for (let i = 0; i < 200; i++) {
      total = i;
      list.appendChild(document.createElement('li'));
      await flush();
    }
    expect(delivered).toBe(2); // 200 changes while the read was pending: the look's one record
    await vi.advanceTimersByTimeAsync(250); // the look saw a change: the page has not settled
    expect(reads).toBe(1);
    await vi.advanceTimersByTimeAsync(500); // the next one (twice as long) saw none: read
    expect(reads).toBe(2);
    expect(delivered).toBe(2);
    expect(reports.at(-1)!.read.unreadTotal).toBe(199); // the read saw the last of them
    total = 500;
    list.appendChild(document.createElement('li'));
    await flush();
    expect(delivered).toBe(3); // observing again
    await vi.advanceTimersByTimeAsync(300);
    expect(reports.at(-1)!.read.unreadTotal).toBe(500);
  });

  it('in a storm, costly reads are spaced to keep within maxShare of the time, never past stormCeiling', async () => {
    let cost = 40; // ms each read takes (moves the fake clock)
    watcher = startWatcher({
      doc: document,
      read: () => {
        reads++;
        vi.setSystemTime(Date.now() + cost);
        return { unreadTotal: total, threads: [], active: null, missing: [] };
      },
      report: (read, url) => reports.push({ read, url }),
      minInterval: 100,
      maxInterval: 400,
      maxShare: 0.02, // 40 ms → 2,000 ms apart
      stormCeiling: 3000,
    });
    await vi.advanceTimersByTimeAsync(0);
    const list = document.getElementById('list')!;
    const times: number[] = [];
    let last = reads;
    const churn = async (ms: number) => {
      for (let t = 0; t < ms; t += 20) {
        total++;
        list.setAttribute('class', `tick-${total}`);
        await flush();
        await vi.advanceTimersByTimeAsync(20);
        if (reads !== last) times.push(Date.now()), (last = reads);
      }
    };
    await churn(10_000);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // From the first busy window on, 2 s apart (+ the read itself), not every 100–400 ms.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2000 + 40 + 40);
    expect(reports.at(-1)!.read.unreadTotal).toBeGreaterThan(total - 150); // still following
    // A costlier read never pushes the gap past the ceiling.
    cost = 200; // → 10 s by maxShare, capped at 3 s
    times.length = 0;
    await churn(12_000);
    const capped = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.max(...capped)).toBeLessThanOrEqual(3000 + 200 + 40);
    expect(capped.at(-1)).toBeGreaterThanOrEqual(3000);
  });

  describe('a page that never settles', () => {
    let totals: { total: number; url: string }[];
    let lightReads: number;
    /** The id of the one conversation the page lists, when it lists one. */
    let latest = '';
    const list = () => document.getElementById('list')!;
    /** A watcher whose full reads cost 50 ms (→ 10 s apart at maxShare 0.005, the ceiling 20 s). */
    function startCostly() {
      totals = [];
      lightReads = 0;
      latest = '';
      watcher = startWatcher({
        doc: document,
        read: () => {
          reads++;
          vi.setSystemTime(Date.now() + 50);
          return { unreadTotal: total, threads: latest ? [{ id: latest, name: latest, unread: true }] : [], active: null, missing: [] };
        },
        report: (read, url) => reports.push({ read, url }),
        readTotal: () => (lightReads++, total),
        reportTotal: (t, url) => totals.push({ total: t, url }),
        minInterval: 100,
        maxInterval: 500,
        tickInterval: 500,
        maxShare: 0.005,
        stormCeiling: 20_000,
      });
      return watcher;
    }
    /** Changes every 20 ms for `ms`; `step` says how the counter moves at each change. */
    const churn = async (ms: number, step: (t: number) => void = () => undefined) => {
      for (let t = 0; t < ms; t += 20) {
        step(t);
        list().setAttribute('class', `tick-${t}-${Math.random()}`);
        await flush();
        await vi.advanceTimersByTimeAsync(20);
      }
    };

    it('the counter alone is read every tickInterval and reported only when it moved', async () => {
      startCostly();
      await vi.advanceTimersByTimeAsync(1000); // the read at load, then a quiet second
      expect(reads).toBe(1);
      // 8 s of churn: no full read (the page never settles, and the last read's cost allows
      // the next one 10 s after the churn began).
      await churn(8000, (t) => {
        if (t === 3000) total = 7;
      });
      expect(reads).toBe(1);
      // Every 500 ms, at the first look past it: looks are 100 then 200 ms apart, so every 600 ms.
      expect(lightReads).toBeGreaterThanOrEqual(12);
      expect(lightReads).toBeLessThanOrEqual(17);
      // The counter moved once: one light report, the new total, at most 500 ms late.
      expect(totals).toEqual([{ total: 7, url: location.href }]);
      // The next full read agrees with what was reported: nothing is sent again.
      const sent = reports.length;
      await churn(3000);
      expect(reads).toBe(2);
      expect(reports).toHaveLength(sent);
    });

    it('when the storm ends, the full read runs as soon as the page settles', async () => {
      startCostly();
      await vi.advanceTimersByTimeAsync(1000);
      await churn(2000);
      expect(reads).toBe(1);
      latest = 'new-conversation';
      list().setAttribute('class', 'last-change');
      await flush();
      // Looks are 500 ms apart by now (tickInterval): one may still see it, the next sees none.
      await vi.advanceTimersByTimeAsync(2 * 500 + 20);
      expect(reads).toBe(2);
      expect(reports.at(-1)!.read.threads[0]?.id).toBe('new-conversation');
      // And the page is watched as usual again: one change, one read at the short interval.
      total = 4;
      await vi.advanceTimersByTimeAsync(2000);
      list().setAttribute('class', 'later');
      await flush();
      await vi.advanceTimersByTimeAsync(110);
      expect(reads).toBe(3);
      expect(reports.at(-1)!.read.unreadTotal).toBe(4);
    });

    it('a change right after a costly read is read as soon as the page settles, not when the cost allows', async () => {
      startCostly();
      await vi.advanceTimersByTimeAsync(1000);
      total = 1;
      list().setAttribute('class', 'first-step');
      await flush();
      await vi.advanceTimersByTimeAsync(110); // settled for 100 ms: read (its 50 ms cost moves the clock)
      expect(reads).toBe(2);
      // A second step of the same update, right after that read.
      latest = 'second-step';
      list().setAttribute('class', 'second-step');
      await flush();
      await vi.advanceTimersByTimeAsync(110);
      expect(reads).toBe(3);
      expect(reports.at(-1)!.read.threads[0]?.id).toBe('second-step');
    });

    it('navigation cuts a long wait short', async () => {
      startCostly();
      await vi.advanceTimersByTimeAsync(0);
      await churn(1000);
      const n = reads;
      history.pushState({}, '', '/direct/t/42/');
      window.dispatchEvent(new PopStateEvent('popstate'));
      await vi.advanceTimersByTimeAsync(120);
      expect(reads).toBe(n + 1);
      expect(reports.at(-1)!.url).toMatch(/\/direct\/t\/42\/$/);
    });

    it('no light reads while the page is quiet, nor after stop()', async () => {
      const w = startCostly();
      await vi.advanceTimersByTimeAsync(5000);
      expect(lightReads).toBe(0);
      await churn(1000);
      w.stop();
      const n = lightReads;
      await vi.advanceTimersByTimeAsync(30_000);
      expect(lightReads).toBe(n);
      expect(reads).toBe(1);
    });
  });
});
