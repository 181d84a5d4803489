/**
 * 7. Memory: what DM Desk keeps, each part measured after a full garbage collection, and what a
 * read allocates. Reported, not budgeted (the issue sets no memory budget); the README shows it.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchExtension, waitFor, type Extension } from '../tests/e2e/harness';
import { seedInbox } from '../tests/e2e/inbox-seed';
import { manyReplies, seedReplies } from '../tests/e2e/replies-seed';
import { round, stats } from './stats';

const QUICK = process.env.BENCH_QUICK === '1';
const MB = 1024 * 1024;
const round1 = (n: number) => round(n, 1);
const median = (xs: number[]) => stats(xs).median;

/** The JS heap in use in a page's isolate (main world and content scripts' worlds), after a full GC. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * The background service worker's JS heap after a full GC. Playwright opens CDP sessions on pages
 * only: the worker is reached through a page's session (Target.attachToTarget, messages wrapped).
 */
async function workerHeap(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!worker) throw new Error('no extension service worker');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    let next = 0;
    const pending = new Map<number, (result: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
      if (message.id !== undefined) pending.get(message.id)?.(message.result ?? message.error);
    });
    const send = (method: string) =>
      new Promise<unknown>((resolve) => {
        const id = ++next;
        pending.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
      });
    await send('HeapProfiler.collectGarbage');
    await send('HeapProfiler.collectGarbage');
    return ((await send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  } finally {
    await cdp.detach();
  }
}

/** The popup's heap once its first queue row is shown, and the worker's around it. */
async function popupAndWorker(ext: Extension) {
  const blank = await ext.context.newPage();
  const workerIdle = await workerHeap(ext.context, blank);
  const popups: number[] = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) {
    const popup = await ext.openPopup();
    await popup.locator('[role="grid"] [role="row"]').first().waitFor();
    popups.push(await heapAfterGc(await ext.context.newCDPSession(popup)));
    await popup.close();
  }
  const workerAfter = await workerHeap(ext.context, blank);
  await blank.close();
  return { popupMb: round1(median(popups) / MB), workerIdleMb: round1(workerIdle / MB), workerAfterPopupMb: round1(workerAfter / MB) };
}

/**
 * The content script's retained heap on a 500-row Instagram inbox: the page's isolate after the
 * first read, with the extension minus the same page in a browser without it (median of runs).
 */
async function contentScript(ext: Extension, without: BrowserContext, url: string, html: string) {
  await ext.serve(url, { html });
  const heaps = async (context: BrowserContext, withExtension: boolean) => {
    const page = await context.newPage();
    await page.goto(url);
    if (withExtension) {
      await waitFor(() => page.evaluate(() => performance.getEntriesByName('dm-desk:read').length), (n) => n > 0, 15_000);
    }
    await page.waitForTimeout(1000);
    const used = await heapAfterGc(await context.newCDPSession(page));
    await page.close();
    return used;
  };
  const withIt: number[] = [];
  const withoutIt: number[] = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) {
    withIt.push(await heaps(ext.context, true));
    withoutIt.push(await heaps(without, false));
  }
  return { withMb: round1(median(withIt) / MB), withoutMb: round1(median(withoutIt) / MB), contentScriptKb: Math.round((median(withIt) - median(withoutIt)) / 1024) };
}

export async function memoryBench(without: BrowserContext, inbox: { url: string; html: string }) {
  const ext = await launchExtension();
  try {
    const content = await contentScript(ext, without, inbox.url, inbox.html);
    await ext.inWorker(seedInbox);
    await seedReplies(ext, manyReplies(2000));
    return { content, ...(await popupAndWorker(ext)), conversations: 5000, replies: 2000 };
  } finally {
    await ext.close();
  }
}

/**
 * Bytes one read allocates, by the sampling heap profiler counting objects collected since (the
 * read's garbage is mostly gone by the time it returns): the mean over `reads` hot full parses
 * (every row parsed: the row memo off).
 */
export async function readAllocation(cdp: CDPSession, fullReads: () => Promise<unknown>, reads: number): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await fullReads();
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  await cdp.send('HeapProfiler.disable');
  let total = 0;
  const walk = (node: { selfSize: number; children: unknown[] }) => {
    total += node.selfSize;
    for (const child of node.children) walk(child as typeof node);
  };
  walk(profile.head);
  return total / reads;
}
