import type { PlatformStateRecord } from '@/utils/db';
import { healthLines } from './inboxData';

/** What a platform page could not be read for, instead of a silent 0. */
export function HealthLine({ states }: { states: readonly PlatformStateRecord[] }) {
  const lines = healthLines(states);
  if (lines.length === 0) return null;
  return (
    <section className="health" aria-labelledby="health-heading">
      <h2 id="health-heading" className="visually-hidden">
        Reading problems
      </h2>
      <ul>
        {lines.map((line) => (
          <li key={line.platform} data-platform={line.platform}>
            <span aria-hidden="true" className="health-icon">
              !
            </span>{' '}
            {line.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
