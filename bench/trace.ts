/**
 * DM Desk's own script time on a page, from a Chrome trace (category devtools.timeline) of one
 * run, side by side with the page's: every call the browser makes into a script (timer, observer,
 * listener, extension API callback) is a FunctionCall event naming the script's URL, with its
 * exact duration. Promise continuations run after those calls, in RunMicrotasks events that name
 * no script: they are counted as DM Desk's when every call of their task was DM Desk's (its
 * timers and message callbacks), else as the page's.
 *
 * A CPU profile attributes samples instead, and its sampling slows rarely run (unoptimised)
 * code most: a read that runs a few times a minute, like DM Desk's, looked up to ~1.5× dearer.
 */

/** The fields of a trace event this reads (Chrome's JSON trace format, complete events). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid?: number;
  args?: { data?: { url?: string } };
}

export interface ScriptShare {
  /** ms in DM Desk's calls and the promise continuations of its own tasks. */
  extensionMs: number;
  /** How many calls into DM Desk's scripts (nested ones not counted twice). */
  calls: number;
}

const isCall = (e: TraceEvent) => e.name === 'FunctionCall' && e.ph === 'X' && e.dur !== undefined;

export function extensionScriptTime(events: readonly TraceEvent[], isExtension: (url: string) => boolean): ScriptShare {
  const ours = (e: TraceEvent) => isExtension(e.args?.data?.url ?? '');
  const first = events.find((e) => isCall(e) && ours(e));
  if (!first) return { extensionMs: 0, calls: 0 };
  // The page's main thread: the one DM Desk's content script runs on.
  const onThread = events
    .filter((e) => e.tid === first.tid && e.pid === first.pid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

  let us = 0;
  let calls = 0;
  let ourCallEnd = -Infinity;
  // Outermost tasks, each with whether it made calls, all of them DM Desk's, and its microtasks.
  interface Task { end: number; anyCall: boolean; allOurs: boolean; microUs: number }
  let task: Task | null = null;
  const close = () => {
    if (task && task.anyCall && task.allOurs) us += task.microUs;
    task = null;
  };
  for (const e of onThread) {
    if (task && e.ts >= task.end) close();
    if (e.name === 'RunTask') {
      if (!task) task = { end: e.ts + e.dur!, anyCall: false, allOurs: true, microUs: 0 };
      continue;
    }
    if (isCall(e)) {
      const mine = ours(e);
      if (task) {
        task.anyCall = true;
        if (!mine) task.allOurs = false;
      }
      // A call of ours inside another of ours (a listener run by our own code) is counted once.
      if (mine && e.ts >= ourCallEnd) {
        us += e.dur!;
        calls++;
        ourCallEnd = e.ts + e.dur!;
      }
      continue;
    }
    if (e.name === 'RunMicrotasks' && task) task.microUs += e.dur!;
  }
  close();
  return { extensionMs: us / 1000, calls };
}
