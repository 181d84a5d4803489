import { z } from 'zod/mini';

/**
 * Schema shorthands on zod/mini. The schemas shared with the content script are written with
 * zod's tree-shakable build: it loads into every platform page, where zod's full build alone
 * would take a quarter of the size budget. Pages and the worker compose them freely with `zod`.
 */
export { z };

// Extension pages and workers forbid eval (MV3 CSP): tell zod not to try its compiled fast path,
// which would only log a CSP violation and fall back to this same interpreter.
z.config({ jitless: true });

/** A string of at most `max` characters (and at least `min`). */
export const str = (max: number, min = 0) =>
  min > 0 ? z.string().check(z.minLength(min), z.maxLength(max)) : z.string().check(z.maxLength(max));

/** A whole number from `min` to `max`. */
export const int = (min = 0, max = Number.MAX_SAFE_INTEGER) => z.int().check(z.minimum(min), z.maximum(max));
