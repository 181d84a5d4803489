import { int, str, z } from '../schema';
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
  name: str(LIMITS.name, 1),
  firstName: z.optional(str(LIMITS.name)),
  lastName: z.optional(str(LIMITS.name)),
  handle: z.optional(str(LIMITS.handle)),
});
export type Contact = z.infer<typeof contactSchema>;

export const threadRowSchema = z.object({
  /** Stable per platform: the URL id, else a hash of name + avatar. */
  id: str(LIMITS.id, 1),
  name: str(LIMITS.name),
  handle: z.optional(str(LIMITS.handle)),
  snippet: z.optional(str(LIMITS.snippet)),
  unread: z.boolean(),
  unreadCount: z.optional(int(0, 1_000_000)),
  /** The last message was ours ("You: …"). */
  lastFromMe: z.optional(z.boolean()),
  /** Epoch ms of the last activity, parsed from "3h", "Yesterday", "10:42"… */
  time: z.optional(int()),
  /** Absolute link to the thread when the platform has one. */
  url: z.optional(str(LIMITS.url)),
  muted: z.optional(z.boolean()),
});
export type ThreadRow = z.infer<typeof threadRowSchema>;

export const inboxReadSchema = z.object({
  /** The platform's own counter (nav badge, title); null = unknown. */
  unreadTotal: z.nullable(int(0, 1_000_000)),
  threads: z.array(threadRowSchema).check(z.maxLength(LIMITS.threads)),
  active: z.nullable(contactSchema),
  /** Parts expected on this page but not found, for the health view. */
  missing: z.array(str(100)).check(z.maxLength(LIMITS.missing)),
});
export type InboxRead = z.infer<typeof inboxReadSchema>;

export interface PlatformAdapter {
  id: PlatformId;
  /** "Instagram" */
  label: string;
  /** Manifest match patterns. */
  matches: string[];
  /**
   * Never throws, cheap. `now` is the clock relative times are read against. Rows unchanged since
   * the last read of the same page are not parsed again (utils/dom/row-memo.ts): the result equals
   * a full parse, and its row objects may be the last read's, so they are never modified.
   */
  read(doc: Document, url: URL, now?: number): InboxRead;
  /**
   * The platform's unread counter alone, as `read` gives it in `unreadTotal`: a few queries, so the
   * watcher can keep the badge current while a storming page's full reads are spaced out. Never throws.
   */
  total(doc: Document): number | null;
  composer(doc: Document): HTMLElement | null;
  /**
   * Elements whose (open) shadow roots hold the DM panes (X Chat, 2026): the watcher observes
   * those roots too, since an observer of the document sees nothing inside a shadow tree. Cheap,
   * never throws.
   */
  shadowHosts?(doc: Document): Element[];
  /**
   * Same-origin frames whose documents hold the DM panes (TikTok Business Suite, 2025–2026): the
   * watcher observes their documents too, and reads again when one loads. Cheap, never throws.
   */
  frames?(doc: Document): Element[];
  /** DM length limit, for warnings. */
  maxLength?: number;
}

export function emptyRead(missing: string[] = []): InboxRead {
  return { unreadTotal: null, threads: [], active: null, missing };
}
