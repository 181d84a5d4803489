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

interface Entry {
  reply: Reply;
  shortcut: string;
  bareShortcut: string;
  title: string;
  /** Word tokens per field, normalised, for the word tier. */
  fields: { tokens: string[]; initials: string; weight: number }[];
  titleRank: number;
  /** usageBoost of the reply, and the clock it was computed for (it moves over days, not minutes). */
  boost: number;
  boostAt: number;
}

/** Libraries from this size get a warm-up search when their index is built. */
const WARM_UP_FROM = 500;

/** How long a computed usage boost is reused: it decays over about two weeks. */
const BOOST_FRESH_MS = 60_000;

function boostOf(entry: Entry, now: number): number {
  if (Math.abs(now - entry.boostAt) >= BOOST_FRESH_MS) {
    entry.boost = usageBoost(entry.reply, now);
    entry.boostAt = now;
  }
  return entry.boost;
}

const TOKEN = /[^\p{L}\p{N}]+/u;
const tokens = (text: string) => normalise(text).split(TOKEN).filter(Boolean);
const field = (text: string, weight: number) => {
  const list = tokens(text);
  return { tokens: list, initials: [...new Set(list.map((t) => t[0]))].join(''), weight };
};

/** Field weights: a match in the shortcut or title says more than one in the body. */
const WEIGHTS = { shortcut: 3, title: 2, tags: 1.5, body: 1 } as const;

export function createReplySearch(replies: readonly Reply[]): ReplySearch {
  // Everything a keystroke needs is prepared once per list.
  const byTitle = [...replies].sort((a, b) => a.title.localeCompare(b.title));
  const rank = new Map(byTitle.map((r, i) => [r.id, i] as const));
  const entries: Entry[] = replies.map((reply) => {
    const shortcut = reply.shortcut ? reply.shortcut.toLowerCase() : '';
    return {
      reply,
      shortcut,
      bareShortcut: shortcut.replace(/^[/;:.]+/, ''),
      title: normalise(reply.title),
      fields: [
        field(shortcut, WEIGHTS.shortcut),
        field(reply.title, WEIGHTS.title),
        field(reply.tags.join(' '), WEIGHTS.tags),
        field(reply.body.replace(VARIABLE_PATTERN, ' '), WEIGHTS.body),
      ],
      titleRank: rank.get(reply.id)!,
      boost: 1,
      boostAt: -Infinity,
    };
  });
  const byId = new Map(entries.map((e) => [e.reply.id, e]));
  // Every word of the library, sorted, to tell a typo from a word that exists (binary search).
  const vocabulary = [...new Set(entries.flatMap((e) => e.fields.flatMap((f) => f.tokens)))].sort();
  const knownPrefix = (term: string): boolean => {
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocabulary[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo < vocabulary.length && vocabulary[lo]!.startsWith(term);
  };

  // Fuzzy matching (typos) is the library's job. Built with the list, not on a keystroke.
  const fuzzyIndex = buildFuzzyIndex();
  function buildFuzzyIndex(): MiniSearch<Reply> {
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
        searchOptions: { boost: { ...WEIGHTS }, prefix: true, fuzzy: (term) => (term.length >= 4 ? 0.25 : false) },
      });
    index.addAll(replies as Reply[]);
    return index;
  }
  const fuzzy = (q: string): SearchResult[] => fuzzyIndex.search(q, { combineWith: 'OR' });

  const usable = (r: Reply, platform?: PlatformId) => !platform || r.platforms.length === 0 || r.platforms.includes(platform);
  const scoped = (r: Reply, platform?: PlatformId) => (platform && r.platforms.includes(platform) ? 1 : 0);

  /** Word tier: every query term starts a word of some field; the score sums the fields' weights. */
  function wordScore(entry: Entry, terms: string[]): number {
    let score = 0;
    for (const term of terms) {
      let best = 0;
      for (const f of entry.fields) {
        if (f.weight <= best) continue;
        // One letter: the words' first letters, precomputed, answer it.
        if (term.length === 1 ? f.initials.includes(term) : f.tokens.some((t) => t.startsWith(term))) best = f.weight;
      }
      if (best === 0) return 0;
      score += best;
    }
    return score;
  }

  interface Hit {
    entry: Entry;
    tier: Tier;
    scoped: number;
    score: number;
  }
  let last: { raw: string; q: string; platform: PlatformId | undefined; matched: Entry[]; wordTerms: string[] } | null = null;
  /** Whether a match with these keys sorts before `hit`: tier, then scope, then score, then title. */
  const before = (tier: Tier, scope: number, score: number, entry: Entry, hit: Hit) =>
    tier !== hit.tier ? tier > hit.tier : scope !== hit.scoped ? scope > hit.scoped : score !== hit.score ? score > hit.score : entry.titleRank < hit.entry.titleRank;

  const api: ReplySearch = {
    search(query, opts = {}) {
      const { platform, limit = 50, now = Date.now() } = opts;
      const raw = query.trim().toLowerCase();
      const q = normalise(query);
      if (!raw) {
        return entries
          .filter((e) => usable(e.reply, platform))
          .map((e) => ({ e, s: scoped(e.reply, platform), u: e.reply.useCount > 0 || e.reply.lastUsedAt ? usageBoost(e.reply, now) : 0 }))
          .sort((a, b) => b.s - a.s || b.u - a.u || a.e.titleRank - b.e.titleRank)
          .slice(0, limit)
          .map((x) => x.e.reply);
      }
      if (limit <= 0) return [];
      const bare = raw.replace(/^[/;:.]+/, '');
      const terms = tokens(q);
      // The best `limit` matches, kept in order as they come: a short query matches most of a
      // large library, and a match that cannot make the list costs no object.
      const best: Hit[] = [];
      const offer = (entry: Entry, tier: Tier, scope: number, score: number) => {
        if (best.length === limit && !before(tier, scope, score, entry, best[limit - 1]!)) return;
        let i = best.length < limit ? best.length : limit - 1;
        while (i > 0 && before(tier, scope, score, entry, best[i - 1]!)) {
          best[i] = best[i - 1]!;
          i--;
        }
        best[i] = { entry, tier, scoped: scope, score };
      };
      // Words no reply has ("for" in "thanks for your order") are dropped up front, and what the
      // other words match ranks as the weakest tier; a binary search in the vocabulary tells.
      const known = terms.filter(knownPrefix);
      const partial = known.length < terms.length;
      const wordTerms = partial ? known : terms;
      const wordTier = partial ? Tier.Fuzzy : Tier.Word;
      // Typing narrows: whatever matches "thanks fo" also matched "thanks f", so a query that
      // extends the previous one (same platform, its words refining the previous words) only
      // re-checks the previous matches.
      const narrows =
        !!last &&
        last.platform === platform &&
        raw.startsWith(last.raw) &&
        q.startsWith(last.q) &&
        last.wordTerms.length <= wordTerms.length &&
        last.wordTerms.every((t, i) => wordTerms[i]!.startsWith(t));
      const pool = narrows ? last!.matched : entries;
      const matched: Entry[] = [];
      for (const entry of pool) {
        if (!usable(entry.reply, platform)) continue;
        let tier: Tier | null = null;
        let score = 1;
        if (entry.shortcut && (entry.shortcut.startsWith(raw) || (bare && entry.bareShortcut.startsWith(bare)))) {
          tier = Tier.ShortcutPrefix;
        } else if (q && entry.title.startsWith(q)) {
          tier = Tier.TitlePrefix;
        } else if (wordTerms.length) {
          const words = wordScore(entry, wordTerms);
          if (words > 0) {
            tier = wordTier;
            score = words;
          }
        }
        if (tier !== null) {
          matched.push(entry);
          offer(entry, tier, scoped(entry.reply, platform), score * boostOf(entry, now));
        }
      }
      last = { raw, q, platform, matched, wordTerms };
      // Typos: only terms long enough to judge that start no word anywhere go to fuzzy matching.
      let unknown = matched.length < limit ? terms.filter((t) => t.length >= 4 && !knownPrefix(t)) : [];
      if (matched.length < limit && !unknown.length && terms.length === 1 && terms[0]!.length >= 4) unknown = terms;
      if (unknown.length) {
        const seen = new Set(matched);
        for (const result of fuzzy(unknown.join(' '))) {
          const entry = byId.get(result.id as string);
          if (!entry || seen.has(entry) || !usable(entry.reply, platform)) continue;
          offer(entry, Tier.Fuzzy, scoped(entry.reply, platform), result.score * boostOf(entry, now));
        }
      }
      return best.map((h) => h.entry.reply);
    },
  };
  // A large library's first keystrokes matched nearly everything while the engine had not yet
  // optimised this code: 8–10 ms each in Chromium over 5,000 replies, against ~1 ms once warm,
  // and the first typo 3–12 ms. Three searches here, while the list is being prepared anyway,
  // take that cost off the keystrokes.
  if (entries.length >= WARM_UP_FROM) {
    api.search('e');
    last = null;
    api.search('re');
    last = null;
    // And a typo of one of the library's words, for the fuzzy matching.
    const word = vocabulary.find((w) => w.length >= 6);
    if (word) fuzzy(word.slice(0, 2) + word.slice(3));
  }
  return api;
}
