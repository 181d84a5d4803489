import { useId, useRef, useState } from 'react';
import {
  commitImport,
  exportCsv,
  exportFileName,
  exportJson,
  ImportFileError,
  prepareImport,
  readImportFile,
  type ImportPlan,
} from '@/utils/replies/exchange';
import { listReplies } from '@/utils/replies/store';

/** Hands a file to the browser's downloads (a link with `download`). */
export function downloadFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const SHOW_ROWS = 50;

/** Import (report first, then Confirm / Cancel) and export of saved replies. */
export function ImportExportView({ onImported, download = downloadFile }: { onImported?(): void; download?: typeof downloadFile }) {
  const ids = useId();
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [format, setFormat] = useState<'json' | 'csv'>('json');
  const fileRef = useRef<HTMLInputElement>(null);
  const reportRef = useRef<HTMLElement>(null);

  const reset = () => {
    setPlan(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  const onFile = async (file: File | undefined) => {
    setError(null);
    setStatus('');
    setPlan(null);
    if (!file) return;
    setBusy(true);
    try {
      const planned = await prepareImport(await readImportFile(file));
      setPlan(planned);
      requestAnimationFrame(() => reportRef.current?.focus());
    } catch (e) {
      setError(e instanceof ImportFileError ? `Cannot import ${file.name}: ${e.message}` : `Cannot import ${file.name}: ${(e as Error).message}`);
      if (fileRef.current) fileRef.current.value = '';
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      const { added, updated } = await commitImport(plan);
      setStatus(`Imported ${plan.fileName}: ${plural(added, 'reply', 'replies')} added, ${updated.toLocaleString('en')} updated.`);
      reset();
      onImported?.();
      fileRef.current?.focus();
    } catch (e) {
      setError(`Nothing was imported: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    reset();
    setStatus('Import cancelled; nothing was changed.');
    fileRef.current?.focus();
  };

  const exportNow = async () => {
    setError(null);
    try {
      const replies = await listReplies();
      const name = exportFileName(format);
      if (format === 'json') download(name, exportJson(replies), 'application/json');
      else download(name, exportCsv(replies), 'text/csv');
      setStatus(`Exported ${plural(replies.length, 'reply', 'replies')} to ${name}.`);
    } catch (e) {
      setError(`Export failed: ${(e as Error).message}`);
    }
  };

  const nothingToDo = plan && plan.add.length + plan.update.length === 0;
  return (
    <div className="import-export">
      <div className="field">
        <label htmlFor={`${ids}-file`}>Import saved replies</label>
        <input
          id={`${ids}-file`}
          ref={fileRef}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={busy}
          aria-describedby={`${ids}-file-hint`}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        <p id={`${ids}-file-hint`} className="muted small">
          A DM Desk JSON export, or a CSV with a header row containing title and body (shortcut and tags optional). Up to 5 MB and 5,000 replies. You see a report before anything changes.
        </p>
      </div>

      {plan ? (
        <section ref={reportRef} tabIndex={-1} className="import-report" aria-labelledby={`${ids}-report`}>
          <h3 id={`${ids}-report`}>Import report for {plan.fileName}</h3>
          <ul className="report-counts">
            <li>To add: {plan.add.length.toLocaleString('en')}</li>
            <li>To update: {plan.update.length.toLocaleString('en')}</li>
            <li>Skipped: {plan.skipped.length.toLocaleString('en')}</li>
            <li>Invalid: {plan.invalid.length.toLocaleString('en')}</li>
          </ul>
          {plan.skipped.length ? (
            <details open={plan.skipped.length <= 10}>
              <summary>Skipped rows (shortcut already used)</summary>
              <ul>
                {plan.skipped.slice(0, SHOW_ROWS).map((s) => (
                  <li key={s.row}>
                    Row {s.row}: “{s.title}” — {s.reason}
                  </li>
                ))}
                {plan.skipped.length > SHOW_ROWS ? <li>…and {plan.skipped.length - SHOW_ROWS} more</li> : null}
              </ul>
            </details>
          ) : null}
          {plan.invalid.length ? (
            <details open={plan.invalid.length <= 10}>
              <summary>Invalid rows (not imported)</summary>
              <ul>
                {plan.invalid.slice(0, SHOW_ROWS).map((s) => (
                  <li key={s.row}>
                    Row {s.row}: {s.reason}
                  </li>
                ))}
                {plan.invalid.length > SHOW_ROWS ? <li>…and {plan.invalid.length - SHOW_ROWS} more</li> : null}
              </ul>
            </details>
          ) : null}
          <div className="actions">
            <button type="button" className="primary" onClick={() => void confirm()} disabled={busy || !!nothingToDo}>
              Confirm import
            </button>
            <button type="button" onClick={cancel} disabled={busy}>
              Cancel
            </button>
          </div>
          {nothingToDo ? <p className="muted">Nothing in this file can be imported.</p> : null}
        </section>
      ) : null}

      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <p role="status">{status}</p>

      <fieldset className="field">
        <legend>Export format</legend>
        <label className="check">
          <input type="radio" name={`${ids}-format`} value="json" checked={format === 'json'} onChange={() => setFormat('json')} />
          JSON (DM Desk, keeps everything)
        </label>
        <label className="check">
          <input type="radio" name={`${ids}-format`} value="csv" checked={format === 'csv'} onChange={() => setFormat('csv')} />
          CSV (spreadsheets, other tools)
        </label>
      </fieldset>
      <button type="button" onClick={() => void exportNow()}>
        Export saved replies
      </button>
    </div>
  );
}
