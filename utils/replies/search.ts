import MiniSearch, { type SearchResult } from 'minisearch';
import type { PlatformId } from '../platforms/contract';
import type { Reply } from './model';
import { VARIABLE_PATTERN } from './render';

/**
 * Search over saved replies that feels instant: the index is built once per list
 * (`createReplySearch(replies)`) and reused for every keystroke.
 *
 * Order: shortcut prefix > title prefix > word match > fuzzy match (tiers), then, on a platform
 * page, replies scoped to that platform before general ones, then relevance boosted by how often
 * and how recently a reply was used. Replies scoped to other platforms are left out when a platform
 * is given. An empty query lists the most used / recently used first.
 */
export interface ReplySearchOptions {
  platform?: PlatformId;
  limit?: number;
  /** Clock for the recency boost (tests). */
  now?: number;
}
export interface ReplySearch {
  search(query: string, opts?: ReplySearchOptions): Reply[];
}

const DAY = 86_400_000;

/** How much use counts: often (log of the count) and recently (decays over about two weeks). */
export function usageBoost(reply: Pick<Reply, 'useCount' | 'lastUsedAt'>, now = Date.now()): number {
  const often = Math.log1p(Math.max(0, reply.useCount));
  const recent = reply.lastUsedAt ? 2 / (1 + Math.max(0, now - reply.lastUsedAt) / (7 * DAY)) : 0;
  return 1 + 0.25 * often + 0.5 * recent;
}

const normalise = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

enum Tier {
  Fuzzy = 0,
  Word = 1,
  TitlePrefix = 2,
  ShortcutPrefix = 3,
}

export function createReplySearch(replies: readonly Reply[]): ReplySearch {
  const byId = new Map(replies.map((r) => [r.id, r]));
  const index = new MiniSearch<Reply>({
    fields: ['title', 'shortcut', 'body', 'tags'],
    idField: 'id',
    extractField: (doc, field) => {
      if (field === 'tags') return doc.tags.join(' ');
      if (field === 'body') return doc.body.replace(VARIABLE_PATTERN, ' ');
      if (field === 'shortcut') return doc.shortcut ?? '';
      return (doc as unknown as Record<string, string>)[field] ?? '';
    },
    processTerm: (term) => normalise(term) || null,
    searchOptions: {
      boost: { shortcut: 3, title: 2, tags: 1.5, body: 1 },
      prefix: true,
      fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
      weights: { prefix: 0.6, fuzzy: 0.3 },
    },
  });
  index.addAll(replies as Reply[]);
  // Precomputed once per list: lower-cased titles and shortcuts for the prefix tiers.
  const titles = new Map(replies.map((r) => [r.id, normalise(r.title)]));
  const shortcuts = new Map(replies.map((r) => [r.id, r.shortcut ? r.shortcut.toLowerCase() : '']));

  const usable = (r: Reply, platform?: PlatformId) => !platform || r.platforms.length === 0 || r.platforms.includes(platform);
  const scoped = (r: Reply, platform?: PlatformId) => (platform && r.platforms.includes(platform) ? 1 : 0);

  function tierOf(reply: Reply, raw: string, q: string, result: SearchResult | undefined): Tier {
    const shortcut = shortcuts.get(reply.id) ?? '';
    const bareQuery = raw.replace(/^[/;:.]+/, '');
    if (shortcut && (shortcut.startsWith(raw) || (bareQuery && shortcut.replace(/^[/;:.]+/, '').startsWith(bareQuery)))) {
      return Tier.ShortcutPrefix;
    }
    if (q && (titles.get(reply.id) ?? '').startsWith(q)) return Tier.TitlePrefix;
    if (!result) return Tier.Fuzzy;
    // A word match: each query term found as a word or the start of a word; otherwise fuzzy.
    const matched = result.terms;
    const exact = result.queryTerms.every((qt) => matched.some((t) => t === qt || t.startsWith(qt)));
    return exact ? Tier.Word : Tier.Fuzzy;
  }

  return {
    search(query, opts = {}) {
      const { platform, limit = 50, now = Date.now() } = opts;
      const raw = query.trim().toLowerCase();
      const q = normalise(query);
      if (!raw) {
        return replies
          .filter((r) => usable(r, platform))
          .map((r) => ({ r, s: scoped(r, platform), u: r.useCount > 0 || r.lastUsedAt ? usageBoost(r, now) : 0 }))
          .sort((a, b) => b.s - a.s || b.u - a.u || a.r.title.localeCompare(b.r.title))
          .slice(0, limit)
          .map((x) => x.r);
      }
      let results = index.search(q, { combineWith: 'AND' });
      if (results.length === 0) results = index.search(q, { combineWith: 'OR' });
      const found = new Map(results.map((res) => [res.id as string, res]));
      // Shortcut prefixes the tokenizer cannot see ("/t" is a lone slash and a letter).
      for (const r of replies) {
        const s = shortcuts.get(r.id);
        if (s && s.startsWith(raw) && !found.has(r.id)) found.set(r.id, undefined as unknown as SearchResult);
      }
      return [...found.entries()]
        .map(([id, res]) => byId.get(id))
        .filter((r): r is Reply => !!r && usable(r, platform))
        .map((r) => {
          const res = found.get(r.id);
          return { r, tier: tierOf(r, raw, q, res), s: scoped(r, platform), score: (res?.score ?? 1) * usageBoost(r, now) };
        })
        .sort((a, b) => b.tier - a.tier || b.s - a.s || b.score - a.score || a.r.title.localeCompare(b.r.title))
        .slice(0, limit)
        .map((x) => x.r);
    },
  };
}
