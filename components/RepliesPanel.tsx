import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PageContext } from '@/utils/messages';
import { PLATFORM_LABELS } from '@/utils/platforms/hosts';
import { checkLength, describeLength } from '@/utils/replies/limits';
import { renderReply } from '@/utils/replies/render';
import { createReplySearch } from '@/utils/replies/search';
import type { Reply } from '@/utils/replies/model';
import { useReplies, useSettings } from './useReplies';

export interface RepliesPanelProps {
  context: PageContext | null;
  onInsert(text: string, replyId: string): void;
  onCopy(text: string, replyId: string): void;
  /** For tests and hosts that already hold the list; read from IndexedDB otherwise. */
  replies?: Reply[];
  limit?: number;
}

/**
 * The popup's replies tab: search, matching replies previewed for the open conversation, and
 * Insert (when the tab has a composer) or Copy. Keyboard: type to search, Enter takes the first
 * match, ArrowDown/ArrowUp move between the replies' buttons.
 */
export function RepliesPanel({ context, onInsert, onCopy, replies: given, limit = 30 }: RepliesPanelProps) {
  const stored = useReplies();
  const settings = useSettings();
  const replies = given ?? stored.replies;
  const [query, setQuery] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const ids = useId();
  const index = useMemo(() => createReplySearch(replies ?? []), [replies]);
  const platform = context?.platform;
  const matches = useMemo(() => index.search(query, { ...(platform ? { platform } : {}), limit }), [index, query, platform, limit]);
  const canInsert = !!context?.composer;
  const actionLabel = canInsert ? 'Insert' : 'Copy';

  const rendered = (reply: Reply) =>
    renderReply(reply.body, { contact: context?.contact ?? null, ...(platform ? { platform } : {}), myName: settings?.myName ?? '' }).text;

  const act = (reply: Reply) => {
    const text = rendered(reply);
    if (canInsert) onInsert(text, reply.id);
    else onCopy(text, reply.id);
  };

  const buttons = () => Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-reply-action]') ?? []);
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && matches[0]) {
      e.preventDefault();
      act(matches[0]);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      buttons()[0]?.focus();
    }
  };
  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowUp' && at === 0) document.getElementById(`${ids}-search`)?.focus();
    else all[Math.min(all.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  const who = context?.contact?.name;
  return (
    <section className="replies-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="visually-hidden">
        Saved replies
      </h2>
      <label htmlFor={`${ids}-search`} className="visually-hidden">
        Search saved replies
      </label>
      <input
        id={`${ids}-search`}
        type="search"
        className="replies-search"
        placeholder="Search saved replies"
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onSearchKey}
        aria-describedby={`${ids}-hint`}
      />
      <p id={`${ids}-hint`} className="muted small">
        {context
          ? `${PLATFORM_LABELS[context.platform]}${who ? `, conversation with ${who}` : ''}. ${canInsert ? 'Insert puts the reply in the message box; you press send.' : 'No message box open: Copy puts the reply on the clipboard.'}`
          : 'Not on a platform page: Copy puts the reply on the clipboard.'}
      </p>
      {stored.error && !given ? <p role="alert">{stored.error}</p> : null}
      {replies === undefined ? (
        <p role="status">Loading saved replies…</p>
      ) : matches.length === 0 ? (
        <p role="status">{replies.length === 0 ? 'No saved replies yet. Add some in the options page.' : `No saved reply matches “${query.trim()}”.`}</p>
      ) : (
        <ul ref={listRef} className="reply-results" aria-label="Matching replies" onKeyDown={onListKey}>
          {matches.map((reply) => {
            const text = rendered(reply);
            const length = context ? checkLength(text, context.platform, context.maxLength) : null;
            const titleId = `${ids}-t-${reply.id}`;
            return (
              <li key={reply.id} className="reply-result">
                <div className="reply-result-head">
                  <strong id={titleId}>{reply.title}</strong>
                  {reply.shortcut ? <code className="shortcut">{reply.shortcut}</code> : null}
                </div>
                <p className="reply-preview">{text}</p>
                {length?.over ? <p className="length-warning">Too long: {describeLength(length)}</p> : null}
                <button type="button" data-reply-action aria-describedby={titleId} onClick={() => act(reply)}>
                  {actionLabel}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
