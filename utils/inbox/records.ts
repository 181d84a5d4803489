import { z } from 'zod';
import { contactSchema, LIMITS, platformIdSchema } from '../platforms/contract';
import type { ConversationRecord, EventRecord, PlatformStateRecord } from '../db';

/**
 * Records read back from IndexedDB are checked before use (the database outlives any one version
 * of the code): a damaged record is skipped, never thrown on, so one bad row cannot blank a view.
 */
const epoch = z.number().finite().min(0);

export const conversationRecordSchema = z.object({
  key: z.string().min(1).max(LIMITS.id + 20),
  platform: platformIdSchema,
  threadId: z.string().min(1).max(LIMITS.id),
  name: z.string().max(LIMITS.name),
  handle: z.string().max(LIMITS.handle).optional(),
  snippet: z.string().max(LIMITS.snippet).optional(),
  url: z.string().max(LIMITS.url).optional(),
  unread: z.boolean(),
  unreadCount: z.number().int().min(0).optional(),
  lastFromMe: z.boolean().optional(),
  muted: z.boolean().optional(),
  time: epoch.optional(),
  digest: z.string().max(40).optional(),
  firstSeen: epoch,
  lastSeen: epoch,
  waitingSince: epoch.nullable(),
  doneAt: epoch.optional(),
  snoozedUntil: epoch.optional(),
});

export const platformStateSchema = z.object({
  platform: platformIdSchema,
  unreadTotal: z.number().int().min(0).nullable(),
  unreadRows: z.number().int().min(0),
  lastSeen: epoch,
  tabs: z.array(z.number().int()).max(1000),
  missing: z.array(z.string().max(100)).max(LIMITS.missing),
  active: z.nullable(contactSchema),
  url: z.string().max(LIMITS.url).optional(),
});

export const eventRecordSchema = z.object({
  id: z.number().int().optional(),
  type: z.enum(['reply-used', 'response']),
  at: epoch,
  platform: z.optional(platformIdSchema),
  key: z.string().optional(),
  replyId: z.string().optional(),
  start: epoch.optional(),
});

function keepValid<T>(schema: z.ZodType<T>, rows: readonly unknown[], what: string): T[] {
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
