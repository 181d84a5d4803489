/** Percentiles and rounding shared by the benchmarks (a module without side effects to import). */
export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), n: samples.length };
}

export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
