/**
 * The popup benchmark (bench/extension-benches.ts popupBench) for two builds at once, runs
 * alternating A, B, A, B… so both see the same machine load: for before/after figures on a shared,
 * noisy machine. `AB_A=<dir> AB_B=<dir> npx vite-node bench/ab-popup.ts` (dirs are WXT outDirs).
 */
import { launchExtension, waitFor, type Extension } from '../tests/e2e/harness';
import { seedInbox } from '../tests/e2e/inbox-seed';
import { manyReplies, seedReplies } from '../tests/e2e/replies-seed';

const RUNS = Number(process.env.RUNS ?? 20);

async function prepare(outDir: string): Promise<Extension> {
  process.env.WXT_OUT_DIR = outDir;
  const ext = await launchExtension();
  const first = await ext.openPopup();
  await first.getByText('Nothing waiting').waitFor();
  await first.close();
  await ext.inWorker(seedInbox);
  await seedReplies(ext, manyReplies(2000));
  return ext;
}

async function once(ext: Extension): Promise<[number, number]> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __firstRow?: number; __whole?: number };
    const observer = new MutationObserver(() => {
      if (w.__firstRow === undefined && document.querySelector('[role="grid"] [role="row"]')) w.__firstRow = performance.now();
      // The whole queue: the grid knows its full length (5,000 seeded).
      if (document.querySelector('[role="grid"][aria-rowcount="5000"]')) {
        w.__whole = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-rowcount'] });
  });
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const at = await waitFor(
    () => page.evaluate(() => [(window as unknown as { __firstRow?: number }).__firstRow ?? -1, (window as unknown as { __whole?: number }).__whole ?? -1] as [number, number]),
    ([first, whole]) => first >= 0 && whole >= 0,
    15_000,
  );
  await page.close();
  return at;
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, min ${s[0]!.toFixed(1)}, max ${s[s.length - 1]!.toFixed(1)} (${s.length} runs)`;
};

async function main() {
  const a = await prepare(process.env.AB_A ?? '.output');
  const b = await prepare(process.env.AB_B ?? '.output');
  try {
    await once(a);
    await once(b); // warm-up, as popupBench's first open
    const ta: [number, number][] = [];
    const tb: [number, number][] = [];
    for (let i = 0; i < RUNS; i++) {
      ta.push(await once(a));
      tb.push(await once(b));
    }
    console.log(`A ${process.env.AB_A}: first row ${stat(ta.map((t) => t[0]))}; whole queue ${stat(ta.map((t) => t[1]))}`);
    console.log(`B ${process.env.AB_B}: first row ${stat(tb.map((t) => t[0]))}; whole queue ${stat(tb.map((t) => t[1]))}`);
  } finally {
    await a.close();
    await b.close();
  }
}
void main();
