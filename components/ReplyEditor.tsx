import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Contact, PlatformId } from '@/utils/platforms/contract';
import { PLATFORM_IDS, PLATFORM_LABELS } from '@/utils/platforms/hosts';
import { checkLengths, describeLength } from '@/utils/replies/limits';
import { REPLY_LIMITS, REPLY_VARIABLES, ReplyValidationError, type Reply, type ReplyFieldErrors } from '@/utils/replies/model';
import { renderReply } from '@/utils/replies/render';
import { createReply, updateReply } from '@/utils/replies/store';
import { checkDraft } from '@/utils/replies/validate';

/** Sample contacts for the live preview: a person, a business, a handle only. */
export const SAMPLE_CONTACTS: { label: string; contact: Contact }[] = [
  { label: 'Ana María López (a person)', contact: { name: 'Ana María López', firstName: 'Ana', lastName: 'López', handle: 'ana.lopez' } },
  { label: 'Acme Support (a business)', contact: { name: 'Acme Support', handle: 'acmesupport' } },
  { label: '@mia.k (a handle only)', contact: { name: '@mia.k', handle: 'mia.k' } },
];

const VARIABLE_HELP: Record<(typeof REPLY_VARIABLES)[number], string> = {
  first_name: 'first name',
  last_name: 'last name',
  name: 'full name',
  handle: 'handle',
  platform: 'platform',
  my_name: 'your name',
  date: 'date',
  time: 'time',
  weekday: 'weekday',
  cursor: 'caret position',
};

export interface ReplyEditorProps {
  /** The reply being edited; null = a new reply. */
  reply: Reply | null;
  /** Every reply, for the shortcut check. */
  replies: readonly Reply[];
  myName: string;
  onSaved(reply: Reply): void;
  onCancel(): void;
}

/** Create / edit form with inline validation, a variable picker and a live preview. */
export function ReplyEditor({ reply, replies, myName, onSaved, onCancel }: ReplyEditorProps) {
  const ids = useId();
  const [title, setTitle] = useState(reply?.title ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? '');
  const [tags, setTags] = useState(reply?.tags.join(', ') ?? '');
  const [platforms, setPlatforms] = useState<PlatformId[]>(reply?.platforms ?? []);
  const [touched, setTouched] = useState<Partial<Record<keyof ReplyFieldErrors, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<ReplyFieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [sample, setSample] = useState(0);
  const [previewPlatform, setPreviewPlatform] = useState<PlatformId>(reply?.platforms[0] ?? 'instagram');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => titleRef.current?.focus(), []);

  const draft = { title, body, shortcut, tags: tags.split(/[,;|]/), platforms };
  const check = checkDraft(draft, replies, reply?.id);
  const liveErrors: ReplyFieldErrors = check.ok ? {} : check.errors;
  const errorFor = (field: keyof ReplyFieldErrors) =>
    (submitted || touched[field]) ? (liveErrors[field] ?? serverErrors[field]) : undefined;

  const rendered = useMemo(
    () => renderReply(body, { contact: SAMPLE_CONTACTS[sample]!.contact, platform: previewPlatform, myName }),
    [body, sample, previewPlatform, myName],
  );
  const lengths = checkLengths(rendered.text, platforms);

  const insertVariable = (name: string) => {
    const el = bodyRef.current;
    const token = `{{${name}}}`;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const next = body.slice(0, start) + token + body.slice(end);
    setBody(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (!check.ok) {
      const first = (['title', 'body', 'shortcut', 'tags', 'platforms'] as const).find((f) => check.errors[f]);
      formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = reply ? await updateReply(reply.id, draft) : await createReply(draft);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ReplyValidationError) setServerErrors(err.fields);
      else setFailure((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const field = (name: keyof ReplyFieldErrors, hint = false) => {
    const error = errorFor(name);
    return {
      'data-field': name,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': [error ? `${ids}-${name}-error` : '', hint ? `${ids}-${name}-hint` : ''].filter(Boolean).join(' ') || undefined,
      onBlur: () => setTouched((t) => ({ ...t, [name]: true })),
    } as const;
  };
  const errorText = (name: keyof ReplyFieldErrors) => {
    const error = errorFor(name);
    return error ? (
      <p id={`${ids}-${name}-error`} className="field-error">
        {error}
      </p>
    ) : null;
  };

  return (
    <form ref={formRef} className="reply-editor" aria-labelledby={`${ids}-heading`} onSubmit={submit} noValidate>
      <h3 id={`${ids}-heading`}>{reply ? `Edit “${reply.title}”` : 'New reply'}</h3>

      <div className="field">
        <label htmlFor={`${ids}-title`}>Title</label>
        <input id={`${ids}-title`} ref={titleRef} value={title} maxLength={REPLY_LIMITS.title + 20} onChange={(e) => setTitle(e.target.value)} {...field('title')} />
        {errorText('title')}
      </div>

      <div className="field">
        <label htmlFor={`${ids}-shortcut`}>Shortcut (optional)</label>
        <input id={`${ids}-shortcut`} value={shortcut} placeholder="/hi" autoComplete="off" spellCheck={false} onChange={(e) => setShortcut(e.target.value)} {...field('shortcut', true)} />
        <p id={`${ids}-shortcut-hint`} className="muted small">
          2–32 letters, digits or ; : / . _ - — type it in a message box and press Tab.
        </p>
        {errorText('shortcut')}
      </div>

      <div className="field">
        <label htmlFor={`${ids}-body`}>Body</label>
        <div role="group" aria-label="Insert a variable" className="variable-picker">
          {REPLY_VARIABLES.map((v) => (
            <button key={v} type="button" className="variable" onClick={() => insertVariable(v)} title={`Insert the ${VARIABLE_HELP[v]}`}>
              {`{{${v}}}`}
            </button>
          ))}
        </div>
        <textarea id={`${ids}-body`} ref={bodyRef} rows={7} value={body} onChange={(e) => setBody(e.target.value)} {...field('body', true)} />
        <p id={`${ids}-body-hint`} className="muted small">
          {body.length.toLocaleString('en')} / {REPLY_LIMITS.body.toLocaleString('en')} characters. A fallback after a bar: {'{{first_name|there}}'}.
        </p>
        {errorText('body')}
      </div>

      <div className="field">
        <label htmlFor={`${ids}-tags`}>Tags (optional, separated by commas)</label>
        <input id={`${ids}-tags`} value={tags} onChange={(e) => setTags(e.target.value)} {...field('tags')} />
        {errorText('tags')}
      </div>

      <fieldset className="field platforms-field" data-field="platforms">
        <legend>Platforms (none ticked = every platform)</legend>
        {PLATFORM_IDS.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              checked={platforms.includes(p)}
              onChange={(e) => setPlatforms((cur) => (e.target.checked ? [...cur, p] : cur.filter((x) => x !== p)))}
            />
            {PLATFORM_LABELS[p]}
          </label>
        ))}
        {errorText('platforms')}
      </fieldset>

      <section className="preview" aria-labelledby={`${ids}-preview-heading`}>
        <h4 id={`${ids}-preview-heading`}>Preview</h4>
        <div className="preview-controls">
          <label>
            Preview for{' '}
            <select value={sample} onChange={(e) => setSample(Number(e.target.value))}>
              {SAMPLE_CONTACTS.map((s, i) => (
                <option key={s.label} value={i}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            on{' '}
            <select value={previewPlatform} onChange={(e) => setPreviewPlatform(e.target.value as PlatformId)}>
              {PLATFORM_IDS.map((p) => (
                <option key={p} value={p}>
                  {PLATFORM_LABELS[p]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="preview-text" data-testid="reply-preview">
          {rendered.text || <span className="muted">(empty)</span>}
        </p>
        <ul className="length-list" aria-label="Length against each platform's limit">
          {lengths.map((l) => (
            <li key={l.platform} className={l.over ? 'over' : l.near ? 'near' : undefined}>
              {describeLength(l)}
              {l.over ? ' — too long, the platform will refuse it' : l.near ? ' — close to the limit' : ''}
            </li>
          ))}
        </ul>
      </section>

      {failure ? <p role="alert">{failure}</p> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {reply ? 'Save changes' : 'Create reply'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
