import { int, str, z } from '../schema';
import { contactSchema, LIMITS, platformIdSchema } from '../platforms/contract';
import type { ConversationRecord, EventRecord, PlatformStateRecord } from '../db';

/**
 * Records read back from IndexedDB are checked before use, by the worker and the pages alike
 * (zod/mini, the build the content script and the popup load) (the database outlives any one version
 * of the code): a damaged record is skipped, never thrown on, so one bad row cannot blank a view.
 */
const epoch = z.number().check(z.minimum(0)); // z.number() already refuses NaN and Infinity

export const conversationRecordSchema = z.object({
  key: str(LIMITS.id + 20, 1),
  platform: platformIdSchema,
  threadId: str(LIMITS.id, 1),
  name: str(LIMITS.name),
  handle: z.optional(str(LIMITS.handle)),
  snippet: z.optional(str(LIMITS.snippet)),
  url: z.optional(str(LIMITS.url)),
  unread: z.boolean(),
  unreadCount: z.optional(int()),
  lastFromMe: z.optional(z.boolean()),
  muted: z.optional(z.boolean()),
  time: z.optional(epoch),
  digest: z.optional(str(40)),
  firstSeen: epoch,
  lastSeen: epoch,
  waitingSince: z.nullable(epoch),
  doneAt: z.optional(epoch),
  snoozedUntil: z.optional(epoch),
});

export const platformStateSchema = z.object({
  platform: platformIdSchema,
  unreadTotal: z.nullable(int()),
  unreadRows: int(),
  lastSeen: epoch,
  tabs: z.array(z.int()).check(z.maxLength(1000)),
  missing: z.array(str(100)).check(z.maxLength(LIMITS.missing)),
  active: z.nullable(contactSchema),
  url: z.optional(str(LIMITS.url)),
});

export const eventRecordSchema = z.object({
  id: z.optional(z.int()),
  type: z.enum(['reply-used', 'response']),
  at: epoch,
  platform: z.optional(platformIdSchema),
  key: z.optional(z.string()),
  replyId: z.optional(z.string()),
  start: z.optional(epoch),
});

function keepValid<T>(schema: z.ZodMiniType<T>, rows: readonly unknown[], what: string): T[] {
  const out: T[] = [];
  let skipped = 0;
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
    else skipped++;
  }
  if (skipped) console.warn(`[DM Desk] skipped ${skipped} damaged ${what} record(s)`);
  return out;
}

export const validConversations = (rows: readonly unknown[]): ConversationRecord[] =>
  keepValid(conversationRecordSchema, rows, 'conversation') as ConversationRecord[];
export const validPlatformStates = (rows: readonly unknown[]): PlatformStateRecord[] =>
  keepValid(platformStateSchema, rows, 'platform') as PlatformStateRecord[];
export const validEvents = (rows: readonly unknown[]): EventRecord[] =>
  keepValid(eventRecordSchema, rows, 'event') as EventRecord[];
