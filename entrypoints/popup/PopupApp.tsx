import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { QueueView } from '@/components/QueueView';
import { RepliesPanel } from '@/components/RepliesPanel';
import { copyReply, insertIntoTab, usePageTarget } from './pageContext';

const TABS = [
  { id: 'queue', label: 'Queue' },
  { id: 'replies', label: 'Replies' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** The toolbar popup: a Queue tab and a Replies tab (ARIA tabs), and one polite status line. */
export function PopupApp() {
  const [tab, setTab] = useState<TabId>('queue');
  // The replies tab loads the library and builds its search index: only once it is first opened,
  // so the queue (what the popup is opened for) renders without waiting on it.
  const [repliesOpened, setRepliesOpened] = useState(false);
  const [status, setStatus] = useState('');
  const tabRefs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});
  const target = usePageTarget();

  const announce = useCallback((text: string) => setStatus(text), []);

  const selectTab = (id: TabId, focus: boolean) => {
    setTab(id);
    if (id === 'replies') setRepliesOpened(true);
    if (focus) tabRefs.current[id]?.focus();
  };

  const onTabKey = (event: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const go = (j: number) => {
      event.preventDefault();
      selectTab(TABS[(j + TABS.length) % TABS.length]!.id, true);
    };
    if (event.key === 'ArrowRight') go(i + 1);
    else if (event.key === 'ArrowLeft') go(i - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(TABS.length - 1);
  };

  const onInsert = async (text: string, replyId: string) => {
    const result = await insertIntoTab(target.tabId, text, replyId);
    announce(result.ok ? 'Reply inserted: review it and press send' : `Could not insert the reply: ${result.error ?? result.method}`);
    return result;
  };
  const onCopy = async (text: string, replyId: string) => {
    try {
      await copyReply(text, replyId);
      announce('Reply copied to the clipboard');
    } catch (e) {
      announce(`Could not copy the reply: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <main className="popup" aria-label="DM Desk">
      <h1 className="visually-hidden">DM Desk</h1>
      <div className="popup-tabs" role="tablist" aria-label="DM Desk views" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => selectTab(t.id, false)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="panel-queue" aria-labelledby="tab-queue" hidden={tab !== 'queue'} className="popup-panel">
        <QueueView announce={announce} autoFocus />
      </div>
      <div role="tabpanel" id="panel-replies" aria-labelledby="tab-replies" hidden={tab !== 'replies'} className="popup-panel">
        {repliesOpened && (
          <RepliesPanel context={target.context} onInsert={(t, id) => void onInsert(t, id)} onCopy={(t, id) => void onCopy(t, id)} />
        )}
      </div>
      <p className="popup-status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
