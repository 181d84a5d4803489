import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { buildQueue, type QueueItem } from '@/utils/inbox/queue';
import { send } from '@/utils/messages';
import { PLATFORM_LABELS, type PlatformId } from '@/utils/platforms/hosts';
import { HealthLine } from './HealthLine';
import { PlatformChips } from './PlatformChips';
import { QueueList, type QueueListHandle } from './QueueList';
import { SnoozeMenu, type SnoozeChoice } from './SnoozeMenu';
import { handledToday } from './inboxData';
import { useInbox, useNow, useSettings } from './useInbox';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const displayName = (item: QueueItem) => item.name || `Unnamed ${PLATFORM_LABELS[item.platform]} conversation`;

export interface QueueViewHandle {
  /** Focus the first useful control: the queue's active row, else the empty state. */
  focus(): void;
}

/**
 * The Queue tab: health line, platform chips (filters), the waiting conversations oldest first
 * with Open / Done / Snooze, or "Nothing waiting" with today's handled count. Reads IndexedDB;
 * every change goes through the background (`queue:*` messages).
 */
// memo: the popup's own state (status line, target tab) changes do not re-render the queue.
export const QueueView = memo(forwardRef<QueueViewHandle, { announce(text: string): void; autoFocus?: boolean }>(
  function QueueView({ announce, autoFocus = false }, ref) {
    const { value: data, error, reload } = useInbox();
    const settings = useSettings();
    const now = useNow();
    const [platform, setPlatform] = useState<PlatformId | null>(null);
    const [snooze, setSnooze] = useState<{ item: QueueItem; anchor: HTMLElement } | null>(null);
    const listRef = useRef<QueueListHandle>(null);
    const emptyRef = useRef<HTMLDivElement>(null);

    const items = useMemo(
      () => (data ? buildQueue(data.conversations, { now, slaMinutes: settings.slaMinutes, platform }) : []),
      [data, now, settings.slaMinutes, platform],
    );

    const focus = useCallback(() => {
      if (items.length) listRef.current?.focus();
      else emptyRef.current?.focus();
    }, [items.length]);
    useImperativeHandle(ref, () => ({ focus }), [focus]);

    // Keyboard users start on the oldest conversation when the popup opens (not on an empty state).
    const focusedOnce = useRef(false);
    useEffect(() => {
      if (!autoFocus || focusedOnce.current || !data) return;
      focusedOnce.current = true;
      if (items.length) listRef.current?.focus();
    }, [autoFocus, data, items.length]);

    const open = async (item: QueueItem) => {
      announce(`Opening ${displayName(item)}`);
      try {
        const { ok } = await send<'queue:open'>({ type: 'queue:open', key: item.key });
        if (!ok) announce(`Could not open ${displayName(item)}: it is no longer stored`);
      } catch (e) {
        announce(`Could not open ${displayName(item)}: ${errorText(e)}`);
      }
    };

    const done = async (item: QueueItem) => {
      try {
        const { ok } = await send<'queue:done'>({ type: 'queue:done', key: item.key });
        announce(ok ? `${displayName(item)} marked done` : `Could not mark ${displayName(item)} done: it is no longer stored`);
      } catch (e) {
        announce(`Could not mark ${displayName(item)} done: ${errorText(e)}`);
        listRef.current?.expectRemoval(null);
      }
      reload();
    };

    const chooseSnooze = async (choice: SnoozeChoice) => {
      if (!snooze) return;
      const { item } = snooze;
      setSnooze(null);
      listRef.current?.expectRemoval(item.key);
      try {
        const { ok } = await send<'queue:snooze'>({ type: 'queue:snooze', key: item.key, until: choice.until });
        announce(ok ? `${displayName(item)} snoozed: ${choice.label}` : `Could not snooze ${displayName(item)}: it is no longer stored`);
        if (!ok) throw new Error('missing');
      } catch (e) {
        if (errorText(e) !== 'missing') announce(`Could not snooze ${displayName(item)}: ${errorText(e)}`);
        listRef.current?.expectRemoval(null);
        listRef.current?.focus();
      }
      reload();
    };

    if (error && !data) {
      return (
        <p role="alert" className="popup-error">
          Could not read the inbox: {error}
        </p>
      );
    }
    // The head of the queue (the first rows, read first) with nothing waiting in it: what the empty
    // state says (handled today) needs the whole inbox, which is on its way.
    if (!data || (data.head && items.length === 0)) {
      return (
        <p className="popup-loading" aria-busy="true">
          Loading the queue…
        </p>
      );
    }

    const where = platform ? ` on ${PLATFORM_LABELS[platform]}` : '';
    const handled = data.head ? 0 : handledToday(data, now);
    // Only the head of the queue so far, and more may follow it: the count is not known yet.
    const more = !!data.head && !data.head.complete;
    return (
      <div className="queue-view">
        <HealthLine states={data.platforms} />
        <PlatformChips states={data.platforms} now={now} selected={platform} onSelect={setPlatform} />
        {error && data.head ? (
          // The first rows are shown, the rest could not be read: say so rather than let them pass for all.
          <p role="alert" className="popup-error">
            Could not read the whole inbox: {error}
          </p>
        ) : null}
        <h2 className="queue-heading" id="queue-heading">
          <span data-testid="queue-count">{more ? `${items.length}+` : items.length}</span> waiting{where}
        </h2>
        {items.length > 0 ? (
          <QueueList
            ref={listRef}
            items={items}
            rowCount={more ? -1 : items.length}
            label={`Waiting conversations${where}, oldest first`}
            onOpen={(item) => void open(item)}
            onDone={(item) => void done(item)}
            onSnooze={(item, anchor) => setSnooze({ item, anchor })}
            snoozeOpenFor={snooze?.item.key ?? null}
            onEmptied={() => emptyRef.current?.focus()}
          />
        ) : null}
        {/* Rendered always (hidden when there are rows) so focus can land on it when the last row goes. */}
        <div className="queue-empty" ref={emptyRef} tabIndex={-1} hidden={items.length > 0} aria-labelledby="empty-title">
          <p className="queue-empty-title" id="empty-title">
            Nothing waiting{where}
          </p>
          <p data-testid="handled-today">
            {handled} {handled === 1 ? 'conversation' : 'conversations'} handled today
          </p>
        </div>
        {snooze && (
          <SnoozeMenu
            anchor={snooze.anchor}
            name={displayName(snooze.item)}
            now={Date.now()}
            onChoose={(choice) => void chooseSnooze(choice)}
            onClose={() => setSnooze(null)}
          />
        )}
      </div>
    );
  },
));
