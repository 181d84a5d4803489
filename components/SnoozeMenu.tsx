import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { inOneHour, tomorrowMorning } from '@/utils/inbox/actions';

export interface SnoozeChoice {
  label: string;
  until: number;
}

/** The two snooze choices, from `now`: one hour, and tomorrow 09:00 local time. */
export function snoozeChoices(now: number): SnoozeChoice[] {
  return [
    { label: '1 hour', until: inOneHour(now) },
    { label: 'Tomorrow 9:00', until: tomorrowMorning(now) },
  ];
}

/**
 * A menu button's menu (ARIA menu pattern), placed under its anchor outside the scrolling list so
 * it is never clipped. Up/Down move, Enter or Space choose, Escape or Tab close; focus returns to
 * the anchor when the menu closes without a choice.
 */
export function SnoozeMenu({
  anchor,
  name,
  now,
  onChoose,
  onClose,
}: {
  anchor: HTMLElement;
  name: string;
  now: number;
  onChoose(choice: SnoozeChoice): void;
  onClose(): void;
}) {
  const choices = snoozeChoices(now);
  const menuRef = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const [pos, setPos] = useState<{ top: number; right: number }>({ top: 0, right: 8 });

  useLayoutEffect(() => {
    const rect = anchor.getBoundingClientRect();
    const below = rect.bottom + 4;
    const height = 84;
    const top = below + height > window.innerHeight ? Math.max(4, rect.top - height - 4) : below;
    setPos({ top, right: Math.max(4, document.documentElement.clientWidth - rect.right) });
  }, [anchor]);

  useEffect(() => {
    menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[index]?.focus();
  }, [index]);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && !anchor.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [anchor, onClose]);

  const close = () => {
    onClose();
    if (anchor.isConnected) anchor.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setIndex((i) => (i + 1) % choices.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setIndex((i) => (i - 1 + choices.length) % choices.length);
        break;
      case 'Home':
        event.preventDefault();
        setIndex(0);
        break;
      case 'End':
        event.preventDefault();
        setIndex(choices.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        event.preventDefault();
        event.stopPropagation();
        close();
        break;
    }
  };

  return (
    <div
      ref={menuRef}
      className="snooze-menu"
      role="menu"
      aria-label={`Snooze ${name}`}
      style={{ top: pos.top, right: pos.right }}
      onKeyDown={onKeyDown}
    >
      {choices.map((choice, i) => (
        <button
          key={choice.label}
          type="button"
          role="menuitem"
          tabIndex={i === index ? 0 : -1}
          onClick={() => onChoose(choice)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
