import { int, str, z } from './schema';
import { browser, type Browser } from 'wxt/browser';
import { contactSchema, inboxReadSchema, LIMITS, platformIdSchema } from './platforms/contract';
import { replySchema } from './replies/model';
import { PLATFORM_HOST_PATTERNS } from './platforms/hosts';

/**
 * Every runtime message DM Desk sends, with its zod schema. Receivers check each message here:
 * invalid payloads and senders other than this extension are dropped and logged.
 */
const conversationKey = str(LIMITS.id + 20, 3);

export const messageSchemas = {
  /** content → background: what a platform page shows now. */
  snapshot: z.object({
    type: z.literal('snapshot'),
    platform: platformIdSchema,
    url: z.url().check(z.maxLength(LIMITS.url)),
    read: inboxReadSchema,
  }),
  /**
   * content → background: the platform's unread counter alone, read between the full reads of a
   * page that keeps changing (the badge stays current while the conversation list waits).
   */
  total: z.object({
    type: z.literal('total'),
    platform: platformIdSchema,
    url: z.url().check(z.maxLength(LIMITS.url)),
    unreadTotal: int(0, 1_000_000),
  }),
  /** content → background: the replies usable on a platform (for the overlay). */
  'replies:list': z.object({ type: z.literal('replies:list'), platform: z.optional(platformIdSchema) }),
  /** content / popup → background: a reply was inserted. */
  'reply:used': z.object({ type: z.literal('reply:used'), id: str(100, 1) }),
  /** popup → background: queue actions. */
  'queue:done': z.object({ type: z.literal('queue:done'), key: conversationKey }),
  'queue:snooze': z.object({
    type: z.literal('queue:snooze'),
    key: conversationKey,
    until: int(),
  }),
  'queue:open': z.object({ type: z.literal('queue:open'), key: conversationKey }),
  /** popup / options → background: forget a platform's stale numbers. */
  'platform:clear': z.object({ type: z.literal('platform:clear'), platform: platformIdSchema }),
  /** options → background: remove everything DM Desk stored. */
  'data:delete-all': z.object({ type: z.literal('data:delete-all') }),
  /** background → every page: a store changed, re-read it. */
  changed: z.object({
    type: z.literal('changed'),
    store: z.enum(['inbox', 'replies', 'settings']),
  }),
  /** popup → content: who is the open conversation with, is there a composer. */
  'page:context': z.object({ type: z.literal('page:context') }),
  /** popup → content: insert text into the page's composer (never sends). */
  'composer:insert': z.object({
    type: z.literal('composer:insert'),
    text: str(20_000),
    replyId: z.optional(str(100)),
  }),
} as const;

export const messageSchema = z.discriminatedUnion('type', Object.values(messageSchemas) as unknown as [
  (typeof messageSchemas)[keyof typeof messageSchemas],
  ...(typeof messageSchemas)[keyof typeof messageSchemas][],
]);

export type MessageType = keyof typeof messageSchemas;
export type Message<T extends MessageType = MessageType> = z.infer<(typeof messageSchemas)[T]>;

export const pageContextSchema = z.object({
  platform: platformIdSchema,
  contact: z.nullable(contactSchema),
  composer: z.boolean(),
  maxLength: z.optional(int(1)),
});
export type PageContext = z.infer<typeof pageContextSchema>;

export const insertResultSchema = z.object({
  ok: z.boolean(),
  /** How the text went in ("lexical", "draft", "textarea", "contenteditable", "clipboard"). */
  method: str(40),
  error: z.optional(str(500)),
});
export type InsertResult = z.infer<typeof insertResultSchema>;

/** What each message answers. */
export interface Responses {
  snapshot: { accepted: boolean };
  total: { accepted: boolean };
  'replies:list': { replies: z.infer<typeof replySchema>[] };
  'reply:used': { ok: boolean };
  'queue:done': { ok: boolean };
  'queue:snooze': { ok: boolean };
  'queue:open': { ok: boolean };
  'platform:clear': { ok: boolean };
  'data:delete-all': { ok: boolean };
  changed: void;
  'page:context': PageContext;
  'composer:insert': InsertResult;
}

/** Schemas for answers that cross a boundary the receiver does not control. */
export const responseSchemas = {
  'replies:list': z.object({ replies: z.array(replySchema).check(z.maxLength(20_000)) }),
  'page:context': pageContextSchema,
  'composer:insert': insertResultSchema,
} satisfies Partial<Record<MessageType, z.ZodMiniType>>;

const log = (...args: unknown[]) => console.warn('[DM Desk]', ...args);

function checkResponse<T extends MessageType>(type: T, value: unknown): Responses[T] {
  const schema = (responseSchemas as Partial<Record<MessageType, z.ZodMiniType>>)[type];
  if (!schema) return value as Responses[T];
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`Invalid answer to ${type}: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data as Responses[T];
}

/** Send to the background (or every extension page). */
export async function send<T extends MessageType>(message: Message<T>): Promise<Responses[T]> {
  return checkResponse(message.type as T, await browser.runtime.sendMessage(message));
}

/** Send to the content script of one tab. */
export async function sendToTab<T extends MessageType>(tabId: number, message: Message<T>): Promise<Responses[T]> {
  return checkResponse(message.type as T, await browser.tabs.sendMessage(tabId, message));
}

/**
 * Tell every open extension page that a store changed; nobody listening is fine. Runtime messages
 * do not reach content scripts, so replies and settings changes also go to the platform tabs,
 * whose overlays cache the replies.
 */
export function broadcastChanged(store: Message<'changed'>['store']): void {
  const message: Message<'changed'> = { type: 'changed', store };
  send(message).catch(() => undefined);
  if (store === 'inbox' || typeof browser.tabs?.query !== 'function') return;
  void browser.tabs
    .query({ url: [...PLATFORM_HOST_PATTERNS] })
    .then((tabs) => {
      for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
    })
    .catch(() => undefined);
}

export type MessageSender = Browser.runtime.MessageSender;
export type Handlers = {
  [T in MessageType]?: (message: Message<T>, sender: MessageSender) => Responses[T] | Promise<Responses[T]>;
};

/**
 * Why a message is refused, or null when it may be handled. Only this extension may talk to us:
 * its own pages and its content scripts (both carry our id).
 */
export function rejectReason(raw: unknown, sender: MessageSender, ownId: string): string | null {
  if (!sender || sender.id !== ownId) return `sender ${sender?.id ?? 'unknown'} is not this extension`;
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `invalid message: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'bad shape'}`;
  }
  return null;
}

/**
 * Listen for messages, validated. Messages without a handler here are left to other listeners.
 * Returns the unsubscribe function.
 */
export function handleMessages(handlers: Handlers): () => void {
  const listener = (raw: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(type in handlers)) return undefined;
    const reason = rejectReason(raw, sender, browser.runtime.id);
    if (reason) {
      log(`dropped ${type}: ${reason}`);
      return undefined;
    }
    const message = messageSchema.parse(raw);
    const handler = handlers[message.type] as
      | ((m: Message, s: MessageSender) => unknown)
      | undefined;
    return Promise.resolve(handler?.(message, sender));
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
