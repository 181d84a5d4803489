import { z } from 'zod';
import { PLATFORM_IDS, type PlatformId } from './hosts';

export type { PlatformId } from './hosts';

/** Bounds shared by the adapters (which trim) and the schemas (which refuse). */
export const LIMITS = {
  name: 200,
  handle: 100,
  snippet: 140,
  url: 2048,
  id: 300,
  threads: 2000,
  missing: 20,
} as const;

export const platformIdSchema = z.enum(PLATFORM_IDS);

export const contactSchema = z.object({
  name: z.string().min(1).max(LIMITS.name),
  firstName: z.string().max(LIMITS.name).optional(),
  lastName: z.string().max(LIMITS.name).optional(),
  handle: z.string().max(LIMITS.handle).optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export const threadRowSchema = z.object({
  /** Stable per platform: the URL id, else a hash of name + avatar. */
  id: z.string().min(1).max(LIMITS.id),
  name: z.string().max(LIMITS.name),
  handle: z.string().max(LIMITS.handle).optional(),
  snippet: z.string().max(LIMITS.snippet).optional(),
  unread: z.boolean(),
  unreadCount: z.number().int().min(0).max(1_000_000).optional(),
  /** The last message was ours ("You: …"). */
  lastFromMe: z.boolean().optional(),
  /** Epoch ms of the last activity, parsed from "3h", "Yesterday", "10:42"… */
  time: z.number().int().min(0).optional(),
  /** Absolute link to the thread when the platform has one. */
  url: z.string().max(LIMITS.url).optional(),
  muted: z.boolean().optional(),
});
export type ThreadRow = z.infer<typeof threadRowSchema>;

export const inboxReadSchema = z.object({
  /** The platform's own counter (nav badge, title); null = unknown. */
  unreadTotal: z.number().int().min(0).max(1_000_000).nullable(),
  threads: z.array(threadRowSchema).max(LIMITS.threads),
  active: contactSchema.nullable(),
  /** Parts expected on this page but not found, for the health view. */
  missing: z.array(z.string().max(100)).max(LIMITS.missing),
});
export type InboxRead = z.infer<typeof inboxReadSchema>;

export interface PlatformAdapter {
  id: PlatformId;
  /** "Instagram" */
  label: string;
  /** Manifest match patterns. */
  matches: string[];
  /** Pure, never throws, cheap. `now` is the clock relative times are read against. */
  read(doc: Document, url: URL, now?: number): InboxRead;
  composer(doc: Document): HTMLElement | null;
  /** DM length limit, for warnings. */
  maxLength?: number;
}

export function emptyRead(missing: string[] = []): InboxRead {
  return { unreadTotal: null, threads: [], active: null, missing };
}
