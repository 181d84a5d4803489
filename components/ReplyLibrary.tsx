import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PlatformId } from '@/utils/platforms/contract';
import { PLATFORM_IDS, PLATFORM_LABELS } from '@/utils/platforms/hosts';
import { ReplyValidationError, type Reply } from '@/utils/replies/model';
import { createReplySearch } from '@/utils/replies/search';
import { deleteReply, restoreReply } from '@/utils/replies/store';
import { ReplyEditor } from './ReplyEditor';

/** Lists longer than this are virtualised (only the visible rows are in the DOM). */
export const VIRTUALISE_FROM = 100;
const ROW_HEIGHT = 64;
export const UNDO_MS = 10_000;

export interface ReplyLibraryProps {
  replies: Reply[];
  myName: string;
  /** Re-read after this page's own writes. */
  reload(): Promise<void>;
  undoMs?: number;
}

/** The reply library: search, tag and platform filters, the list, the editor, delete with undo. */
export function ReplyLibrary({ replies, myName, reload, undoMs = UNDO_MS }: ReplyLibraryProps) {
  const ids = useId();
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [platform, setPlatform] = useState<PlatformId | ''>('');
  const [editing, setEditing] = useState<Reply | 'new' | null>(null);
  const [status, setStatus] = useState<{ text: string; undo?: Reply } | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<string | null>(null);

  const index = useMemo(() => createReplySearch(replies), [replies]);
  const tags = useMemo(
    () => [...new Set(replies.flatMap((r) => r.tags))].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })),
    [replies],
  );
  const shown = useMemo(() => {
    const base = query.trim() ? index.search(query, { limit: replies.length }) : [...replies].sort((a, b) => a.title.localeCompare(b.title));
    return base.filter(
      (r) =>
        (!tag || r.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) &&
        (!platform || r.platforms.length === 0 || r.platforms.includes(platform)),
    );
  }, [index, replies, query, tag, platform]);

  // Status with Undo disappears after some seconds.
  useEffect(() => {
    if (!status?.undo) return;
    const t = setTimeout(() => setStatus(null), undoMs);
    return () => clearTimeout(t);
  }, [status, undoMs]);

  const remove = async (reply: Reply) => {
    setAlert(null);
    try {
      const removed = await deleteReply(reply.id);
      await reload();
      setStatus(removed ? { text: `Deleted “${reply.title}”.`, undo: removed } : { text: `“${reply.title}” was already deleted.` });
      if (editing !== 'new' && editing?.id === reply.id) setEditing(null);
      searchRef.current?.focus();
    } catch (e) {
      setAlert(`Could not delete “${reply.title}”: ${(e as Error).message}`);
    }
  };
  const undo = async (reply: Reply) => {
    try {
      await restoreReply(reply);
      await reload();
      setStatus({ text: `Restored “${reply.title}”.` });
    } catch (e) {
      setStatus(null);
      setAlert(
        e instanceof ReplyValidationError
          ? `Could not restore “${reply.title}”: ${e.message}`
          : `Could not restore “${reply.title}”: ${(e as Error).message}`,
      );
    }
  };

  const openEditor = (target: Reply | 'new', from: string) => {
    returnFocus.current = from;
    setEditing(target);
  };
  const closeEditor = () => {
    setEditing(null);
    const back = returnFocus.current;
    requestAnimationFrame(() => {
      // Back to the Edit button that opened the editor; New reply when that row is gone.
      const target = (back && document.getElementById(back)) || newRef.current;
      target?.focus();
    });
  };

  return (
    <div className="library">
      <div className="library-list">
        <div className="library-toolbar" role="search" aria-label="Saved replies">
          <label htmlFor={`${ids}-q`}>Search replies</label>
          <input id={`${ids}-q`} ref={searchRef} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
          <label htmlFor={`${ids}-tag`}>Tag</label>
          <select id={`${ids}-tag`} value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-platform`}>Platform</label>
          <select id={`${ids}-platform`} value={platform} onChange={(e) => setPlatform(e.target.value as PlatformId | '')}>
            <option value="">All platforms</option>
            {PLATFORM_IDS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_LABELS[p]}
              </option>
            ))}
          </select>
          <button ref={newRef} type="button" className="primary" onClick={() => openEditor('new', '')}>
            New reply
          </button>
        </div>
        <p className="muted small" aria-live="polite">
          {shown.length === replies.length ? `${replies.length} saved replies` : `${shown.length} of ${replies.length} saved replies`}
        </p>
        <div role="status" className="status-line">
          {status ? (
            <>
              {status.text}{' '}
              {status.undo ? (
                <button type="button" onClick={() => void undo(status.undo!)}>
                  Undo
                </button>
              ) : null}
            </>
          ) : null}
        </div>
        {alert ? <p role="alert" className="field-error">{alert}</p> : null}
        <ReplyList replies={shown} idPrefix={ids} onEdit={(r, from) => openEditor(r, from)} onDelete={(r) => void remove(r)} />
      </div>
      {editing ? (
        <ReplyEditor
          key={editing === 'new' ? 'new' : editing.id}
          reply={editing === 'new' ? null : editing}
          replies={replies}
          myName={myName}
          onCancel={closeEditor}
          onSaved={(saved) => {
            void reload().then(() => {
              setStatus({ text: editing === 'new' ? `Created “${saved.title}”.` : `Saved “${saved.title}”.` });
              closeEditor();
            });
          }}
        />
      ) : null}
    </div>
  );
}

function ReplyRow({ reply, idPrefix, onEdit, onDelete }: { reply: Reply; idPrefix: string; onEdit(r: Reply, from: string): void; onDelete(r: Reply): void }) {
  const editId = `${idPrefix}-edit-${reply.id}`;
  const titleId = `${idPrefix}-title-${reply.id}`;
  return (
    <>
      <div className="reply-row-main">
        <strong id={titleId}>{reply.title}</strong>
        {reply.shortcut ? <code className="shortcut">{reply.shortcut}</code> : null}
        <span className="muted small reply-row-meta">
          {reply.platforms.length ? reply.platforms.map((p) => PLATFORM_LABELS[p]).join(', ') : 'All platforms'}
          {reply.tags.length ? ` · ${reply.tags.join(', ')}` : ''}
          {reply.useCount ? ` · used ${reply.useCount}×` : ''}
        </span>
        <span className="reply-row-body muted">{reply.body.slice(0, 140)}</span>
      </div>
      <div className="reply-row-actions">
        <button type="button" id={editId} aria-label={`Edit ${reply.title}`} onClick={() => onEdit(reply, editId)}>
          Edit
        </button>
        <button type="button" className="danger" aria-label={`Delete ${reply.title}`} onClick={() => onDelete(reply)}>
          Delete
        </button>
      </div>
    </>
  );
}

function ReplyList({ replies, idPrefix, onEdit, onDelete }: { replies: Reply[]; idPrefix: string; onEdit(r: Reply, from: string): void; onDelete(r: Reply): void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = replies.length >= VIRTUALISE_FROM;
  const virtualizer = useVirtualizer({
    count: replies.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    enabled: virtual,
    getItemKey: (i) => replies[i]?.id ?? i,
  });
  if (replies.length === 0) return <p className="muted">No replies match.</p>;
  if (!virtual) {
    return (
      <ul className="reply-list" aria-label="Saved replies">
        {replies.map((r) => (
          <li key={r.id} className="reply-row">
            <ReplyRow reply={r} idPrefix={idPrefix} onEdit={onEdit} onDelete={onDelete} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div ref={scrollRef} className="reply-scroll" tabIndex={-1}>
      <ul className="reply-list virtual" aria-label="Saved replies" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const r = replies[item.index]!;
          return (
            <li
              key={item.key}
              className="reply-row"
              aria-setsize={replies.length}
              aria-posinset={item.index + 1}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <ReplyRow reply={r} idPrefix={idPrefix} onEdit={onEdit} onDelete={onDelete} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
