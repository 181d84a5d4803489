import { emptyRead, LIMITS, type InboxRead, type PlatformAdapter, type ThreadRow } from './contract';
import { hostPatterns } from './hosts';
import { absoluteUrl, cleanText, parseCount, textOf, titleCount } from '../dom/text';
import { parseTime } from '../dom/time';
import { splitName } from '../dom/names';

// Minimal first version: the full layered adapter lands with the platform work.
function readTotal(doc: Document): number | null {
  // Nav link to the inbox holds a span with the number (seen 2020–2026).
  const nav = doc.querySelector('a[href^="/direct/inbox"]');
  const fromNav = nav ? parseCount(textOf(nav)) : null;
  return fromNav ?? titleCount(doc.title);
}

function readThreads(doc: Document, url: URL, now: number): ThreadRow[] {
  const rows: ThreadRow[] = [];
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[href*="/direct/t/"]')) {
    const id = link.getAttribute('href')?.match(/\/direct\/t\/([^/?#]+)/)?.[1];
    if (!id) continue;
    const row = link.closest('[role="listitem"], [role="row"]') ?? link;
    const spans = Array.from(row.querySelectorAll('span')).filter((s) => s.childElementCount === 0);
    const texts = spans.map((s) => cleanText(s.textContent)).filter(Boolean);
    const name = texts[0] ?? '';
    const snippet = texts[1];
    rows.push({
      id,
      name: cleanText(name, LIMITS.name),
      ...(snippet ? { snippet: cleanText(snippet.replace(/^You:\s*/, ''), LIMITS.snippet) } : {}),
      unread: !!row.querySelector('[aria-label="Unread"]'),
      lastFromMe: !!snippet && /^You:/.test(snippet),
      ...(texts[2] && parseTime(texts[2], now) !== undefined ? { time: parseTime(texts[2], now) } : {}),
      ...(absoluteUrl(link.getAttribute('href'), url) ? { url: absoluteUrl(link.getAttribute('href'), url) } : {}),
    });
  }
  return rows;
}

export const instagram: PlatformAdapter = {
  id: 'instagram',
  label: 'Instagram',
  matches: hostPatterns('instagram'),
  maxLength: 1000,
  read(doc, url, now = Date.now()): InboxRead {
    try {
      const onDirect = url.pathname.startsWith('/direct/');
      const threads = onDirect ? readThreads(doc, url, now) : [];
      const header = doc.querySelector('[aria-label^="Messages in conversation with "]');
      const activeName = header?.getAttribute('aria-label')?.replace('Messages in conversation with ', '');
      return {
        unreadTotal: readTotal(doc),
        threads,
        active: splitName(activeName),
        missing: onDirect && threads.length === 0 ? ['conversation list'] : [],
      };
    } catch {
      return emptyRead(['page']);
    }
  },
  composer(doc) {
    return doc.querySelector<HTMLElement>('div[role="textbox"][contenteditable="true"]');
  },
};
