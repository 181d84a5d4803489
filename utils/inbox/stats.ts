import { getDb, type EventRecord } from '../db';
import { PLATFORM_IDS, type PlatformId } from '../platforms/hosts';
import { validEvents } from './records';

/** Median first-response time per platform over the last 7 and 30 days, and replies used. */
export const DAY_MS = 24 * 60 * 60_000;

export interface WindowStats {
  /** Median wait from "started waiting" to "answered or read", ms; null without data. */
  medianMs: number | null;
  /** How many waits ended in the window. */
  count: number;
}

export interface PlatformResponseStats {
  platform: PlatformId;
  days7: WindowStats;
  days30: WindowStats;
}

export interface ResponseTimeStats {
  platforms: PlatformResponseStats[];
  /** Saved replies inserted (events 'reply-used'). */
  repliesUsed: { days7: number; days30: number };
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function windowStats(durations: readonly number[]): WindowStats {
  return { medianMs: median(durations), count: durations.length };
}

/** Pure: the statistics of `events` as of `now`. Only platforms with responses are listed. */
export function computeResponseStats(events: readonly EventRecord[], now: number): ResponseTimeStats {
  const since7 = now - 7 * DAY_MS;
  const since30 = now - 30 * DAY_MS;
  const per = new Map<PlatformId, { d7: number[]; d30: number[] }>();
  let used7 = 0;
  let used30 = 0;
  for (const event of events) {
    if (event.at < since30 || event.at > now) continue;
    if (event.type === 'reply-used') {
      used30++;
      if (event.at >= since7) used7++;
      continue;
    }
    if (event.type !== 'response' || !event.platform || event.start === undefined) continue;
    const duration = event.at - event.start;
    if (!(duration >= 0)) continue;
    let entry = per.get(event.platform);
    if (!entry) per.set(event.platform, (entry = { d7: [], d30: [] }));
    entry.d30.push(duration);
    if (event.at >= since7) entry.d7.push(duration);
  }
  const platforms = PLATFORM_IDS.filter((id) => per.has(id)).map((platform) => {
    const entry = per.get(platform)!;
    return { platform, days7: windowStats(entry.d7), days30: windowStats(entry.d30) };
  });
  return { platforms, repliesUsed: { days7: used7, days30: used30 } };
}

/** The statistics from IndexedDB (events of the last 30 days, read through the `at` index). */
export async function responseTimeStats(now = Date.now()): Promise<ResponseTimeStats> {
  const db = await getDb();
  const rows = await db.getAllFromIndex('events', 'at', IDBKeyRange.bound(now - 30 * DAY_MS, now));
  return computeResponseStats(validEvents(rows), now);
}
