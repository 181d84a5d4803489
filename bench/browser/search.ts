// Bundled into a benchmark page: reply search over a generated library.
import { createReplySearch } from '@/utils/replies/search';
import type { Reply } from '@/utils/replies/model';

const WORDS = 'thanks order shipping refund price collab email hours sorry review link discount size stock return delivery hello welcome support team'.split(' ');

function library(count: number): Reply[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const w = (k: number) => WORDS[(i * 7 + k * 13) % WORDS.length]!;
    return {
      id: `r${i}`,
      title: `${w(0)} ${w(1)} ${i}`,
      body: `Hi {{first_name|there}}, about your ${w(2)}: ${w(3)} ${w(4)} ${w(5)}. Thanks, {{my_name}}`,
      shortcut: `/${w(0).slice(0, 3)}${i}`,
      tags: [w(6), w(7)],
      platforms: [],
      createdAt: now - i * 1000,
      updatedAt: now - i * 1000,
      useCount: i % 17,
      ...(i % 3 === 0 ? { lastUsedAt: now - i * 60_000 } : {}),
    };
  });
}

/** Time in ms between keystrokes: a fast typist (~100 ms a character is usual). */
const KEYSTROKE_GAP_MS = 50;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Build the index once, then time one search per keystroke of each query, the keystrokes as
 * typed: `KEYSTROKE_GAP_MS` apart, and the first one that long after the build. Back to back,
 * the engine's clean-up of the index build landed on whichever keystrokes came first.
 */
async function timeSearch(count: number, queries: string[]): Promise<{ build: number; keystrokes: number[] }> {
  const replies = library(count);
  const t0 = performance.now();
  const search = createReplySearch(replies);
  const build = performance.now() - t0;
  const keystrokes: number[] = [];
  for (const query of queries) {
    for (let n = 1; n <= query.length; n++) {
      await pause(KEYSTROKE_GAP_MS);
      const t = performance.now();
      search.search(query.slice(0, n), { platform: 'instagram', limit: 20 });
      keystrokes.push(performance.now() - t);
    }
  }
  return { build, keystrokes };
}

Object.assign(globalThis, { __dmdSearch: { timeSearch } });
