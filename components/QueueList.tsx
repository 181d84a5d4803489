import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { elementScroll, observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import type { QueueItem } from '@/utils/inbox/queue';
import { PLATFORM_LABELS } from '@/utils/platforms/hosts';
import { PlatformMark } from './PlatformMark';
import { formatWait, SLA_TEXT } from './inboxData';

/** Fixed row height: rows are one size, so the virtualiser never measures (5,000 rows stay cheap). */
export const ROW_HEIGHT = 56;
/** The scroll box's height in theme.css (`.queue`): the first render lays out a window before it is measured. */
const VIEW_HEIGHT = 340;
const COLUMNS = 4; // conversation, Open, Done, Snooze
const PAGE = 6;

/**
 * The scroll box's size, from a ResizeObserver only. The library's default also reads the size at
 * once, as the list mounts: that forces the browser to lay the whole page out in the middle of
 * React's commit (the popup's first layout, the costliest step of its first rows in the profile),
 * and lays it out again before the paint. The observer reports the size after the browser's own
 * layout, before that paint; until then the first window comes from `initialRect`.
 */
export function observeRectAfterLayout(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  const element = instance.scrollElement;
  const ResizeObserverImpl = instance.targetWindow?.ResizeObserver;
  if (!element || !ResizeObserverImpl) return observeElementRect(instance, cb); // measures at once
  const observer = new ResizeObserverImpl(() => cb({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

const scrolledBoxes = new WeakSet<Element>();

/**
 * Scrolls the box, except for the library's first write as the list mounts, which puts a new box
 * at offset 0 where it already is: that write (element.scrollTo) forces a whole-page layout in
 * the middle of React's commit, which the profile of the popup's first rows showed at 5-25 ms.
 */
export function scrollAfterMount(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<HTMLDivElement, Element>,
) {
  const element = instance.scrollElement;
  if (element && !scrolledBoxes.has(element)) {
    scrolledBoxes.add(element);
    if (offset === 0 && !options.adjustments) return;
  }
  elementScroll(offset, options, instance);
}

export interface QueueListHandle {
  /** `key` is about to leave the list: keep keyboard focus in the list on the row that takes its place. */
  expectRemoval(key: string | null): void;
  /** Put focus on the active cell (scrolling to it). */
  focus(): void;
}

export interface QueueListProps {
  items: readonly QueueItem[];
  /** aria-rowcount: the queue's length, or -1 while only its beginning is known (default: items). */
  rowCount?: number;
  label: string;
  onOpen(item: QueueItem): void;
  onDone(item: QueueItem): void;
  onSnooze(item: QueueItem, anchor: HTMLElement): void;
  /** The row whose snooze menu is open, for aria-expanded. */
  snoozeOpenFor?: string | null;
  /** The last row left the list while it had focus. */
  onEmptied?(): void;
}

/**
 * The queue as an ARIA grid with roving focus: one tab stop, arrows or j/k move between rows,
 * left/right between a row's cells, Enter opens, e marks done, s opens the snooze menu.
 * Virtualised with @tanstack/react-virtual: only the rows in view (plus a few) are in the DOM.
 */
export const QueueList = forwardRef<QueueListHandle, QueueListProps>(function QueueList(
  { items, rowCount = items.length, label, onOpen, onDone, onSnooze, snoozeOpenFor = null, onEmptied },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<{ key: string | null; col: number }>({ key: null, col: 0 });
  const lastIndex = useRef(0);
  const wantFocus = useRef(false);
  const pendingRemoval = useRef<string | null>(null);

  let activeIndex = active.key === null ? -1 : items.findIndex((i) => i.key === active.key);
  if (activeIndex < 0) activeIndex = items.length ? Math.min(lastIndex.current, items.length - 1) : -1;
  const activeCol = active.col;

  // Stable per `items`: the virtualiser recomputes every row's offsets (5,000 of them) whenever
  // this function changes, which an inline arrow would do on every render.
  const getItemKey = useCallback((index: number) => items[index]?.key ?? index, [items]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey,
    initialRect: { width: 0, height: VIEW_HEIGHT },
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollAfterMount,
  });

  const cellSelector = (index: number, col: number) => `[data-cell="${index}:${col}"]`;

  const focusActiveCell = (): boolean => {
    if (activeIndex < 0) return false;
    const el = scrollRef.current?.querySelector<HTMLElement>(cellSelector(activeIndex, activeCol));
    if (!el) return false;
    if (document.activeElement !== el) el.focus();
    return true;
  };

  useEffect(() => {
    lastIndex.current = Math.max(activeIndex, 0);
    const removed = pendingRemoval.current;
    if (removed !== null && !items.some((i) => i.key === removed)) {
      pendingRemoval.current = null;
      if (items.length === 0) onEmptied?.();
      else wantFocus.current = true;
    }
    if (wantFocus.current && focusActiveCell()) wantFocus.current = false;
  });

  const moveTo = (index: number, col: number) => {
    if (items.length === 0) return;
    const i = Math.min(Math.max(index, 0), items.length - 1);
    const c = Math.min(Math.max(col, 0), COLUMNS - 1);
    lastIndex.current = i;
    setActive({ key: items[i]!.key, col: c });
    wantFocus.current = true;
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const focusInside = () => !!scrollRef.current?.contains(document.activeElement);

  const done = (item: QueueItem) => {
    if (focusInside()) pendingRemoval.current = item.key;
    onDone(item);
  };

  useImperativeHandle(ref, () => ({
    expectRemoval(key) {
      pendingRemoval.current = key;
    },
    focus() {
      if (activeIndex < 0) return;
      wantFocus.current = true;
      virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
      if (focusActiveCell()) wantFocus.current = false;
    },
  }));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cell || !scrollRef.current?.contains(cell)) return;
    const [row, col] = (cell.dataset.cell ?? '0:0').split(':').map(Number) as [number, number];
    const item = items[row];
    if (!item) return;
    const handled = () => event.preventDefault();
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        handled();
        return moveTo(row + 1, col);
      case 'ArrowUp':
      case 'k':
        handled();
        return moveTo(row - 1, col);
      case 'ArrowRight':
        handled();
        return moveTo(row, col + 1);
      case 'ArrowLeft':
        handled();
        return moveTo(row, col - 1);
      case 'Home':
        handled();
        return moveTo(0, col);
      case 'End':
        handled();
        return moveTo(items.length - 1, col);
      case 'PageDown':
        handled();
        return moveTo(row + PAGE, col);
      case 'PageUp':
        handled();
        return moveTo(row - PAGE, col);
      case 'Enter':
        if (col !== 0) return; // buttons act on their own
        handled();
        return onOpen(item);
      case 'e':
      case 'E':
        handled();
        return done(item);
      case 's':
      case 'S': {
        handled();
        const anchor = scrollRef.current.querySelector<HTMLElement>(cellSelector(row, 3));
        if (anchor) onSnooze(item, anchor);
        return;
      }
    }
  };

  const activeRendered = virtualizer.getVirtualItems().some((v) => v.index === activeIndex);

  return (
    <>
    <p id="queue-keys" className="visually-hidden">
      Arrow keys or J and K move between conversations, Enter opens, E marks done, S snoozes.
    </p>
    <div
      ref={scrollRef}
      className="queue"
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount}
      aria-colcount={COLUMNS}
      aria-describedby="queue-keys"
      // When the active row is scrolled out of the DOM, the grid itself keeps the tab stop.
      tabIndex={activeRendered ? -1 : 0}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        if (event.target === scrollRef.current) {
          wantFocus.current = true;
          virtualizer.scrollToIndex(Math.max(activeIndex, 0), { align: 'auto' });
          if (focusActiveCell()) wantFocus.current = false;
          return;
        }
        const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
        if (!cell) return;
        const [row, col] = (cell.dataset.cell ?? '0:0').split(':').map(Number) as [number, number];
        const key = items[row]?.key ?? null;
        if (key !== active.key || col !== active.col) setActive({ key, col });
      }}
    >
      <div role="rowgroup" className="queue-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index]!;
          const tab = (col: number) => (v.index === activeIndex && col === activeCol ? 0 : -1);
          const nameId = `queue-name-${v.index}`;
          return (
            <div
              key={v.key}
              role="row"
              aria-rowindex={v.index + 1}
              className={`queue-row${v.index === activeIndex ? ' is-active' : ''}`}
              data-key={item.key}
              data-platform={item.platform}
              style={{ transform: `translateY(${v.start}px)`, height: v.size }}
            >
              <div
                role="gridcell"
                className="queue-main"
                tabIndex={tab(0)}
                data-cell={`${v.index}:0`}
                onDoubleClick={() => onOpen(item)}
              >
                <PlatformMark platform={item.platform} />
                <span className="queue-text">
                  <span className="queue-name" id={nameId}>
                    {item.name || `Unnamed ${PLATFORM_LABELS[item.platform]} conversation`}
                  </span>
                  <span className="queue-line">
                    <span className={`sla sla-${item.sla}`} data-sla={item.sla}>
                      <span className="visually-hidden">, </span>
                      {SLA_TEXT[item.sla]}
                    </span>
                    <span className="queue-wait">
                      <span className="visually-hidden">, waiting </span>
                      {formatWait(item.waitMs)}
                    </span>
                  </span>
                  {item.snippet && (
                    <span className="queue-snippet">
                      <span className="visually-hidden">, </span>
                      {item.snippet}
                    </span>
                  )}
                </span>
              </div>
              <div role="gridcell" className="queue-action">
                <button type="button" tabIndex={tab(1)} data-cell={`${v.index}:1`} aria-describedby={nameId} onClick={() => onOpen(item)}>
                  Open
                </button>
              </div>
              <div role="gridcell" className="queue-action">
                <button type="button" tabIndex={tab(2)} data-cell={`${v.index}:2`} aria-describedby={nameId} onClick={() => done(item)}>
                  Done
                </button>
              </div>
              <div role="gridcell" className="queue-action">
                <button
                  type="button"
                  tabIndex={tab(3)}
                  data-cell={`${v.index}:3`}
                  aria-describedby={nameId}
                  aria-haspopup="menu"
                  aria-expanded={snoozeOpenFor === item.key}
                  onClick={(event) => onSnooze(item, event.currentTarget)}
                >
                  Snooze
                </button>
              </div>
            </div>
          );
        })}
      </div>
    </div>
    </>
  );
});
