import type { PlatformId } from '../platforms/contract';
import type { Reply } from './model';

/**
 * Minimal reply search (stand-in until the library's search lands with this exact API):
 * case-insensitive substring match on shortcut, title and body, ranked shortcut > title > body,
 * then by use count. Replies limited to other platforms are left out when `platform` is given.
 */
export interface ReplySearchOptions {
  platform?: PlatformId;
  limit?: number;
}

export interface ReplySearch {
  search(query: string, options?: ReplySearchOptions): Reply[];
}

function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function createReplySearch(replies: readonly Reply[]): ReplySearch {
  const indexed = replies.map((reply) => ({
    reply,
    shortcut: fold(reply.shortcut ?? ''),
    title: fold(reply.title),
    body: fold(reply.body),
  }));
  return {
    search(query, options = {}) {
      const q = fold(query.trim());
      const scored: { reply: Reply; score: number }[] = [];
      for (const item of indexed) {
        const { reply } = item;
        if (options.platform && reply.platforms.length > 0 && !reply.platforms.includes(options.platform)) continue;
        let score = 0;
        if (!q) score = 1;
        else if (item.shortcut && item.shortcut === q) score = 400;
        else if (item.shortcut.startsWith(q)) score = 300;
        else if (item.title.includes(q)) score = item.title.startsWith(q) ? 250 : 200;
        else if (item.body.includes(q)) score = 100;
        if (score > 0) scored.push({ reply, score });
      }
      scored.sort(
        (a, b) =>
          b.score - a.score ||
          b.reply.useCount - a.reply.useCount ||
          a.reply.title.localeCompare(b.reply.title),
      );
      const limit = options.limit ?? 50;
      return scored.slice(0, limit).map((s) => s.reply);
    },
  };
}
