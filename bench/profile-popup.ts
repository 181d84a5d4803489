/**
 * Profile of the popup's first queue (not a benchmark): with 5,000 conversations and 2,000 replies
 * stored, opens the popup a few times under the CDP Profiler and prints, per run, the resource
 * timings and when the first queue row appeared, then the CPU self time before that row, by
 * function and by script. `npx wxt build` first; `npx vite-node bench/profile-popup.ts`.
 */
import { launchExtension, waitFor } from '../tests/e2e/harness';
import { seedInbox } from '../tests/e2e/inbox-seed';
import { manyReplies, seedReplies } from '../tests/e2e/replies-seed';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

const RUNS = Number(process.env.RUNS ?? 6);
const BUCKET = Number(process.env.BUCKET ?? 20);

async function main() {
  const ext = await launchExtension();
  try {
    const first = await ext.openPopup();
    await first.getByText('Nothing waiting').waitFor();
    await first.close();
    await ext.inWorker(seedInbox);
    await seedReplies(ext, manyReplies(2000));
    const byFn = new Map<string, number>();
    const byUrl = new Map<string, number>();
    let profiled = 0;
    for (let i = 0; i < RUNS; i++) {
      const page = await ext.context.newPage();
      await page.addInitScript(() => {
        // Named busy-waits: markers the CPU profile shows, to cut it at document start and first row.
        const w = window as unknown as Record<string, unknown>;
        w.__markDocStart = function __markDocStart() {
          let x = 0;
          for (let i = 0; i < 3e5; i++) x = (x + i) | 0;
          w.__sink = x;
        };
        w.__markFirstRow = function __markFirstRow() {
          let x = 0;
          for (let i = 0; i < 3e5; i++) x = (x + i) | 0;
          w.__sink = x;
        };
        (w.__markDocStart as () => void)();
        const observer = new MutationObserver(() => {
          if (document.querySelector('[role="grid"] [role="row"]')) {
            (window as unknown as { __firstRow: number }).__firstRow = performance.now();
            observer.disconnect();
            (window as unknown as Record<string, () => void>).__markFirstRow!();
          }
        });
        observer.observe(document, { childList: true, subtree: true });
      });
      const cdp = await ext.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      const at = await waitFor(
        () => page.evaluate(() => (window as unknown as { __firstRow?: number }).__firstRow ?? -1),
        (v) => v >= 0,
        15_000,
      );
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const res = performance.getEntriesByType('resource').map((r) => `${r.name.split('/').pop()} ${Math.round(r.startTime)}→${Math.round((r as PerformanceResourceTiming).responseEnd)}`);
        const marks = performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`);
        return { domInteractive: Math.round(nav.domInteractive), dcl: Math.round(nav.domContentLoadedEventEnd), res, marks, origin: performance.timeOrigin };
      });
      console.log(`run ${i}: first row ${Math.round(at)} ms, domInteractive ${timing.domInteractive}, DCL ${timing.dcl}`);
      console.log('   ', timing.res.join(' | '));
      if (timing.marks.length) console.log('   ', timing.marks.join(' | '));
      if (i > 0) {
        profiled++;
        const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
        const name = (id: number) => nodes.get(id)!.callFrame.functionName;
        let t = profile.startTime;
        let t0 = -1;
        let t1 = -1;
        const times: number[] = [];
        for (let s = 0; s < profile.samples.length; s++) {
          t += profile.timeDeltas[s] ?? 0;
          times.push(t);
          const f = name(profile.samples[s]!);
          if (t0 < 0 && f === '__markDocStart') t0 = t;
          if (t1 < 0 && f === '__markFirstRow') t1 = t;
        }
        const firstSeen = new Map<string, number>();
        const buckets = new Map<number, Map<string, number>>();
        for (let s = 0; s < profile.samples.length; s++) {
          const ts = times[s]!;
          if (ts < t0 || ts > t1) continue;
          const us = (times[s + 1] ?? ts) - ts;
          const n = nodes.get(profile.samples[s]!)!;
          const url = n.callFrame.url.split('/').pop() || '(native)';
          const fn = `${n.callFrame.functionName || '(anon)'} ${url}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
          byFn.set(fn, (byFn.get(fn) ?? 0) + us / 1000);
          byUrl.set(url, (byUrl.get(url) ?? 0) + us / 1000);
          if (url !== '(native)' && !firstSeen.has(url)) firstSeen.set(url, (ts - t0) / 1000);
          const b = Math.floor((ts - t0) / (BUCKET * 1000)) * BUCKET;
          const m = buckets.get(b) ?? new Map<string, number>();
          const label = process.env.BY_FN ? `${n.callFrame.functionName || '(anon)'}@${url.slice(0, 6)}:${n.callFrame.lineNumber}` : url === '(native)' ? n.callFrame.functionName : url;
          m.set(label, (m.get(label) ?? 0) + us / 1000);
          buckets.set(b, m);
        }
        if (process.env.STACK_OF) {
          const parent = new Map<number, number>();
          for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
          const chains = new Map<string, number>();
          for (let s = 0; s < profile.samples.length; s++) {
            const ts = times[s]!;
            if (ts < t0 || ts > t1) continue;
            let id: number | undefined = profile.samples[s]!;
            if (name(id) !== process.env.STACK_OF) continue;
            const chain: string[] = [];
            while (id !== undefined && chain.length < 14) {
              const f = nodes.get(id)!.callFrame;
              chain.push(`${f.functionName || '(anon)'}@${f.url.split('/').pop()?.slice(0, 6)}:${f.lineNumber}`);
              id = parent.get(id);
            }
            const k = chain.join(' < ');
            chains.set(k, (chains.get(k) ?? 0) + ((times[s + 1] ?? ts) - ts) / 1000);
          }
          for (const [k, v] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 3)) console.log(`    ${v.toFixed(1)} ms: ${k}`);
        }
        console.log(`    profile window ${((t1 - t0) / 1000).toFixed(0)} ms; scripts first seen:`, [...firstSeen].map(([u, v]) => `${u}@${v.toFixed(0)}`).join(' '));
        for (const [b, m] of [...buckets].sort((a, b) => a[0] - b[0]))
          console.log(`    ${String(b).padStart(4)}ms: ` + [...m].sort((x, y) => y[1] - x[1]).slice(0, Number(process.env.TOP ?? 4)).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
      }
      await page.close();
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / profiled).toFixed(1).padStart(7)} ms  ${k}`).join('\n');
    console.log('\nCPU self time per run (whole profile), by script:\n' + top(byUrl, 15));
    console.log('\nby function:\n' + top(byFn, 40));
  } finally {
    await ext.close();
  }
}
void main();
