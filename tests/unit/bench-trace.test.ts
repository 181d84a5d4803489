import { describe, expect, it } from 'vitest';
import { extensionScriptTime, type TraceEvent } from '@/bench/trace';

// A page thread (tid 1) and another thread (tid 2); times in µs.
const EXT = 'chrome-extension://abc/content-scripts/dm.js';
const PAGE = 'https://www.instagram.com/app.js';
const task = (ts: number, dur: number, tid = 1): TraceEvent => ({ name: 'RunTask', ph: 'X', ts, dur, tid, pid: 9 });
const call = (ts: number, dur: number, url: string, tid = 1): TraceEvent => ({ name: 'FunctionCall', ph: 'X', ts, dur, tid, pid: 9, args: { data: { url } } });
const micro = (ts: number, dur: number): TraceEvent => ({ name: 'RunMicrotasks', ph: 'X', ts, dur, tid: 1, pid: 9 });
const isExt = (url: string) => url.startsWith('chrome-extension://');

describe('extensionScriptTime (bench/trace.ts)', () => {
  it("counts DM Desk's calls, and the microtasks of tasks that only called DM Desk", () => {
    const events = [
      // A timer of ours with its promise continuations: 2 ms + 0.5 ms.
      task(0, 3000), call(100, 2000, EXT), micro(2200, 500),
      // A page task whose observer callbacks include ours: 1 ms of ours; the microtasks are the page's.
      task(10_000, 9000), call(10_100, 6000, PAGE), call(16_200, 1000, EXT), micro(17_300, 1500),
      // A task nested in a task is part of it.
      task(20_000, 4000), task(20_100, 3000), call(20_200, 2500, EXT), micro(22_800, 1000),
      // Page work only, and work on another thread.
      task(30_000, 5000), call(30_100, 4000, PAGE), micro(34_200, 700),
      task(0, 50_000, 2), call(100, 40_000, EXT, 2),
    ];
    expect(extensionScriptTime(events, isExt)).toEqual({ extensionMs: 2 + 0.5 + 1 + 2.5 + 1, calls: 3 });
  });

  it('a call of ours inside another of ours counts once; no call of ours is nothing', () => {
    expect(extensionScriptTime([task(0, 5000), call(0, 4000, EXT), call(1000, 1000, EXT)], isExt)).toEqual({ extensionMs: 4, calls: 1 });
    expect(extensionScriptTime([task(0, 5000), call(0, 4000, PAGE), micro(4100, 500)], isExt)).toEqual({ extensionMs: 0, calls: 0 });
  });
});
