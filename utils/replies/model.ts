import { int, str, z } from '../schema';
import { platformIdSchema, type PlatformId } from '../platforms/contract';

/** Variables a reply body may use; `{{name|fallback}}` gives a fallback. */
export const REPLY_VARIABLES = [
  'first_name',
  'last_name',
  'name',
  'handle',
  'platform',
  'my_name',
  'date',
  'time',
  'weekday',
  'cursor',
] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];

export const REPLY_LIMITS = { title: 120, body: 10_000, tags: 20, tag: 40 } as const;
export const SHORTCUT_PATTERN = /^[A-Za-z0-9;:/._-]{2,32}$/;

/** A saved reply as stored and exchanged. */
export const replySchema = z.object({
  id: str(100, 1),
  title: z.string().check(z.trim(), z.minLength(1, 'Title is required'), z.maxLength(REPLY_LIMITS.title)),
  body: z.string().check(z.maxLength(REPLY_LIMITS.body, `Body is longer than ${REPLY_LIMITS.body} characters`)),
  shortcut: z.optional(z.string().check(z.regex(SHORTCUT_PATTERN, 'Shortcut: 2–32 letters, digits or ; : / . _ -'))),
  tags: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(REPLY_LIMITS.tag))).check(z.maxLength(REPLY_LIMITS.tags)),
  /** Empty = every platform. */
  platforms: z.array(platformIdSchema),
  createdAt: int(),
  updatedAt: int(),
  useCount: int(),
  lastUsedAt: z.optional(int()),
});
export type Reply = z.infer<typeof replySchema>;

/** What the user edits (the form, an import row): everything except ids, dates and usage. */
export interface ReplyDraft {
  title: string;
  body: string;
  /** '' or undefined = no shortcut. */
  shortcut?: string;
  tags?: string[];
  platforms?: PlatformId[];
}

export type ReplyField = 'title' | 'body' | 'shortcut' | 'tags' | 'platforms';
/** One message per field, for inline display next to that field. */
export type ReplyFieldErrors = Partial<Record<ReplyField, string>>;

/** A refused save: `fields` says what is wrong where, so a form can show it inline. */
export class ReplyValidationError extends Error {
  readonly fields: ReplyFieldErrors;
  constructor(fields: ReplyFieldErrors) {
    super(Object.values(fields).join(' '));
    this.name = 'ReplyValidationError';
    this.fields = fields;
  }
}

/** Tags as typed: split on , ; | and trimmed, each once (ignoring case), empty ones dropped. */
export function normaliseTags(tags: readonly string[] | string | undefined): string[] {
  const raw = typeof tags === 'string' ? tags.split(/[,;|]/) : (tags ?? []).flatMap((t) => t.split(/[,;|]/));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of raw) {
    const t = tag.trim().replace(/^#/, '').trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

/** Same shortcut, ignoring case ('/Hi' and '/hi' collide). */
export function shortcutKey(shortcut: string | undefined): string | undefined {
  const s = shortcut?.trim();
  return s ? s.toLowerCase() : undefined;
}
