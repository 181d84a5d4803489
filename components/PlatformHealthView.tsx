import { useId, useState } from 'react';
import { getDb, type PlatformStateRecord } from '@/utils/db';
import { send } from '@/utils/messages';
import { PLATFORM_IDS, PLATFORM_LABELS, type PlatformId } from '@/utils/platforms/hosts';
import { validPlatformStates } from '@/utils/inbox/records';
import { formatAge, platformCount } from '@/utils/inbox/badge';
import { useChangedStores } from './useChangedStores';
import './inbox-views.css';

async function loadStates(): Promise<PlatformStateRecord[]> {
  const rows = await (await getDb()).getAll('platforms');
  const order = new Map<PlatformId, number>(PLATFORM_IDS.map((id, i) => [id, i]));
  return validPlatformStates(rows).sort((a, b) => order.get(a.platform)! - order.get(b.platform)!);
}

/**
 * Per platform: when it was last read, whether a tab shows it now or the numbers are stale, what
 * was read (unread total, unread rows) and what the page did not show. "Clear" forgets a
 * platform's numbers.
 */
export function PlatformHealthView({ now = Date.now }: { now?: () => number }) {
  const { value: states, error } = useChangedStores(['inbox'], loadStates);
  const [status, setStatus] = useState('');

  const clear = async (platform: PlatformId) => {
    const label = PLATFORM_LABELS[platform];
    try {
      const answer = await send<'platform:clear'>({ type: 'platform:clear', platform });
      setStatus(answer?.ok ? `${label} cleared.` : `${label} could not be cleared.`);
    } catch (e) {
      setStatus(`${label} could not be cleared: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    // The host page gives the heading and the landmark (options: a titled section).
    <div className="inbox-view">
      {error ? (
        <p role="alert">Platform state could not be read: {error}</p>
      ) : !states ? (
        <p className="muted">Loading…</p>
      ) : states.length === 0 ? (
        <p>No platform read yet. Open a platform's messages page in a tab.</p>
      ) : (
        <ul className="platform-health">
          {states.map((state) => (
            <PlatformRow key={state.platform} state={state} now={now()} onClear={clear} />
          ))}
        </ul>
      )}
      <p role="status" aria-live="polite" className="muted">
        {status}
      </p>
    </div>
  );
}

function PlatformRow({ state, now, onClear }: { state: PlatformStateRecord; now: number; onClear: (p: PlatformId) => void }) {
  const label = PLATFORM_LABELS[state.platform];
  const stale = state.tabs.length === 0;
  const titleId = useId();
  return (
    <li data-platform={state.platform} aria-labelledby={titleId}>
      <h3 id={titleId}>
        {label}
        {stale ? (
          <span className="state-stale">Stale · {formatAge(now - state.lastSeen)} old</span>
        ) : (
          <span className="state-open">Open in {state.tabs.length === 1 ? '1 tab' : `${state.tabs.length} tabs`}</span>
        )}
      </h3>
      <dl>
        <dt>Last seen</dt>
        <dd>
          <time dateTime={new Date(state.lastSeen).toISOString()}>{new Date(state.lastSeen).toLocaleString()}</time> (
          {formatAge(now - state.lastSeen)} ago)
        </dd>
        <dt>Unread</dt>
        <dd>
          {platformCount(state)}{' '}
          <span className="muted">
            {state.unreadTotal === null ? '(no counter on the page; counted from unread rows)' : "(the platform's own counter)"}
          </span>
        </dd>
        <dt>Unread rows</dt>
        <dd>{state.unreadRows}</dd>
        <dt>Missing</dt>
        <dd className={state.missing.length ? 'missing' : undefined}>
          {state.missing.length ? state.missing.join(', ') : 'Nothing: every part was found'}
        </dd>
      </dl>
      <button type="button" onClick={() => onClear(state.platform)} aria-label={`Clear ${label} numbers`}>
        Clear
      </button>
    </li>
  );
}
