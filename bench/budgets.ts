/**
 * The performance budget (README "Performance"). Bundle sizes are asserted by
 * tests/e2e/bundle-size.e2e.ts; timings are only reported by `npm run bench`.
 */
export const BUDGETS_KB_GZIP = { content: 60, popup: 200, options: 220, background: 60 } as const;

export const TIME_BUDGETS_MS = {
  read500Median: 2,
  popupFirstQueue: 150,
  searchKeystrokeP95: 10,
  insertionP95: 50,
} as const;

/** Extension overhead during the mutation storm, as a share of the page's own script time. */
export const STORM_BUDGET = { maxOverheadPct: 3, minTimesBelowNaive: 10 } as const;
