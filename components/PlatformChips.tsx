import type { PlatformStateRecord } from '@/utils/db';
import { PLATFORM_LABELS } from '@/utils/platforms/hosts';

/** Per-platform unread counts and the total. */
export function PlatformChips({ states }: { states: PlatformStateRecord[] }) {
  const counts = states.map((s) => ({ platform: s.platform, count: s.unreadTotal ?? s.unreadRows }));
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <section aria-label="Unread by platform">
      <p className="total">
        <span data-testid="total-unread">{total}</span> unread
      </p>
      <ul className="chips">
        {counts.map(({ platform, count }) => (
          <li key={platform} className="chip" data-platform={platform}>
            {PLATFORM_LABELS[platform]} <strong>{count}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
