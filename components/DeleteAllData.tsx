import { useEffect, useId, useRef, useState } from 'react';
import { send } from '@/utils/messages';

/** "Delete all data" with a confirmation step; the background does the deleting. */
export function DeleteAllData({ onDeleted }: { onDeleted?(): void }) {
  const ids = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const close = () => {
    setConfirming(false);
    requestAnimationFrame(() => openRef.current?.focus());
  };
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const { ok } = (await send<'data:delete-all'>({ type: 'data:delete-all' })) ?? { ok: false };
      if (!ok) throw new Error('the background refused');
      setStatus('All DM Desk data was deleted.');
      onDeleted?.();
      close();
    } catch (e) {
      setError(`Could not delete the data: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="delete-all">
      <p>Removes every saved reply, conversation, statistic and setting DM Desk keeps in this browser. This cannot be undone; export your replies first if you want to keep them.</p>
      {confirming ? (
        <div
          role="alertdialog"
          aria-modal="false"
          aria-labelledby={`${ids}-title`}
          aria-describedby={`${ids}-desc`}
          className="confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <h3 id={`${ids}-title`}>Delete all data?</h3>
          <p id={`${ids}-desc`}>Saved replies, the inbox, statistics and settings will be deleted.</p>
          <div className="actions">
            <button type="button" className="danger-solid" onClick={() => void run()} disabled={busy}>
              Delete everything
            </button>
            <button ref={cancelRef} type="button" onClick={close} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button ref={openRef} type="button" className="danger" onClick={() => setConfirming(true)}>
          Delete all data
        </button>
      )}
      {error ? <p role="alert" className="field-error">{error}</p> : null}
      <p role="status">{status}</p>
    </div>
  );
}
