import type { PlatformStateRecord } from '@/utils/db';
import type { PlatformId } from '@/utils/platforms/hosts';
import { chipCounts, formatAge } from './inboxData';

/**
 * Per-platform unread counts and the total, as toggle buttons that filter the queue.
 * A platform with no open tab shows its last known number, marked stale with its age.
 */
export function PlatformChips({
  states,
  now = Date.now(),
  selected = null,
  onSelect,
}: {
  states: readonly PlatformStateRecord[];
  now?: number;
  selected?: PlatformId | null;
  onSelect?: (platform: PlatformId | null) => void;
}) {
  const counts = chipCounts(states, now);
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <section className="chips-bar" aria-labelledby="chips-heading">
      <h2 id="chips-heading" className="visually-hidden">
        Unread by platform
      </h2>
      <div className="chips" role="group" aria-label="Filter the queue by platform">
        <button
          type="button"
          className="chip"
          data-platform="all"
          aria-pressed={selected === null}
          onClick={() => onSelect?.(null)}
        >
          {/* "unread" is shown here once, so the counts do not read as the queue's "waiting". */}
          All <strong data-testid="total-unread">{total}</strong> unread
        </button>
        {counts.map(({ platform, label, count, stale, age }) => (
          <button
            key={platform}
            type="button"
            className="chip"
            data-platform={platform}
            data-stale={stale || undefined}
            aria-pressed={selected === platform}
            onClick={() => onSelect?.(selected === platform ? null : platform)}
          >
            {label} <strong>{count}</strong>
            <span className="visually-hidden"> unread</span>
            {stale && <span className="chip-stale"> stale · {formatAge(age)}</span>}
          </button>
        ))}
      </div>
    </section>
  );
}
