/**
 * Random changes of every kind a page makes (text, attributes, rows removed, cloned, moved, taken
 * out and changed and put back a task later, style sheets, classes above the list), for the tests
 * that compare two ways of reading a page after each change (row memo, known layouts).
 */
/** A small seeded generator (mulberry32), so a failure replays. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Unread', 'unread', '5m', '3h', 'Yesterday', 'You: ok', 'Mark as read', 'Muted', '2', 'Ana López', '', '·', ' ', '@ana', 'Active now', 'x1s688f', 'msg-conversation-card__convo-item-container--unread', 'PqVsZ'];
const ATTRIBUTES = ['class', 'aria-label', 'href', 'title', 'data-testid', 'data-e2e', 'style', 'datetime', 'src', 'alt', 'dir', 'role', 'id', 'data-icon'];

/** Elements a page may add inside a row: each is a way a row can differ from a known layout. */
export const INSERTED = [
  '<img alt="💙">',
  '<time datetime="2026-03-12T14:00:00.000Z"></time>',
  '<span dir="auto">Typing…</span>',
  '<abbr>2h</abbr>',
  '<svg><title>Verified</title></svg>',
  '<style>.a { color: red }</style>',
  '<span aria-hidden="true"> · </span>',
  '<b>Ana</b>',
];

/** Changes made after the observers' records are delivered (a task later). */
export const pending: (() => void)[] = [];

export function mutate(doc: Document, pick: () => number, log: string[]): void {
  const choose = <T>(list: ArrayLike<T>): T | undefined => list[Math.floor(pick() * list.length)];
  const body = doc.body;
  const elements = body.querySelectorAll('*');
  const element = choose(elements);
  const word = choose(WORDS)!;
  const kind = Math.floor(pick() * 10);
  if (!element) return;
  switch (kind) {
    case 0:
    case 1: {
      const walker = doc.createTreeWalker(body, 4);
      const texts: Node[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n);
      const text = choose(texts);
      if (text) text.nodeValue = pick() < 0.5 ? `${text.nodeValue} ${word}` : word;
      log.push(`text ${word}`);
      break;
    }
    case 2: {
      const name = choose(ATTRIBUTES)!;
      if (pick() < 0.3) element.removeAttribute(name);
      else element.setAttribute(name, name === 'class' ? `${element.getAttribute('class') ?? ''} ${word}` : word);
      log.push(`attribute ${name}=${word} on ${element.tagName}`);
      break;
    }
    case 3:
      if (element.parentNode) element.remove();
      log.push(`remove ${element.tagName}`);
      break;
    case 4: {
      const before = choose(elements);
      if (before?.parentNode && !element.contains(before)) before.parentNode.insertBefore(element.cloneNode(true), before);
      log.push(`clone ${element.tagName}`);
      break;
    }
    case 5: {
      const before = choose(elements);
      if (before?.parentNode && !element.contains(before)) before.parentNode.insertBefore(element, before);
      log.push(`move ${element.tagName}`);
      break;
    }
    case 6: {
      const style = doc.createElement('style');
      style.textContent = `.${word || 'a'} { font-weight: 700 }`;
      doc.head.append(style);
      log.push('style sheet');
      break;
    }
    case 7:
      (pick() < 0.5 ? doc.documentElement : body).classList.toggle('dark');
      log.push('class above the list');
      break;
    case 8: {
      const html = choose(INSERTED)!;
      element.insertAdjacentHTML(pick() < 0.5 ? 'beforeend' : 'afterbegin', html);
      log.push(`insert ${html} in ${element.tagName}`);
      break;
    }
    default: {
      // Taken out, changed while out (no observer sees it), put back where it was.
      const parent = element.parentNode;
      const next = element.nextSibling;
      if (!parent) return;
      element.remove();
      pending.push(() => {
        const walker = doc.createTreeWalker(element, 4);
        const text = walker.nextNode();
        if (text) text.nodeValue = `${text.nodeValue} changed`;
        else element.setAttribute('aria-label', 'Unread');
        parent.insertBefore(element, next && next.parentNode === parent ? next : null);
      });
      log.push(`out, changed, back: ${element.tagName}`);
    }
  }
}
export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

