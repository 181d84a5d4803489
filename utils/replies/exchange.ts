import Papa from 'papaparse';
import { z } from 'zod';
import { getDb } from '../db';
import { broadcastChanged } from '../messages';
import { platformIdSchema } from '../platforms/contract';
import { PLATFORM_IDS, PLATFORM_LABELS } from '../platforms/hosts';
import { normaliseTags, replySchema, shortcutKey, type Reply, type ReplyDraft } from './model';
import { newReplyId, parseStoredReplies } from './store';
import { checkDraft } from './validate';

/**
 * Import and export of saved replies.
 *
 * JSON: `{ "format": "dm-desk/replies", "version": 1, "replies": [ … ] }`.
 * CSV: a header row with at least `title` and `body`; `shortcut`, `tags` (split on , ; |),
 * `platforms`, `id` optional; other columns ignored, so other template tools' exports load.
 *
 * An import is two steps: `prepareImport` reads the file and plans it against the library
 * (nothing written) → the user sees the report → `commitImport` writes all of it in one IndexedDB
 * transaction, or nothing.
 */
export const EXCHANGE_FORMAT = 'dm-desk/replies';
export const EXCHANGE_VERSION = 1;
export const IMPORT_LIMITS = { bytes: 5 * 1024 * 1024, replies: 5000 } as const;

/** The whole file is refused (too big, unreadable, wrong format); nothing is planned. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** One reply read from a file, before it is checked against the library. */
export interface ImportRow {
  /** 1-based: JSON = position in `replies`; CSV = the row as a spreadsheet shows it (header = 1). */
  row: number;
  id?: string;
  /** The id a new reply gets when the row has none (fixed at parse time, so a re-plan agrees). */
  newId: string;
  draft: ReplyDraft;
  createdAt?: number;
  useCount?: number;
  lastUsedAt?: number;
}

export interface ImportPlan {
  format: 'json' | 'csv';
  fileName: string;
  add: Reply[];
  update: Reply[];
  /** Valid rows left out because another reply already uses their shortcut. */
  skipped: { row: number; title: string; reason: string }[];
  invalid: { row: number; reason: string }[];
  /** Kept to re-plan inside the commit transaction. */
  rows: ImportRow[];
}

const fmt = (n: number) => n.toLocaleString('en');

function sizeError(bytes: number): ImportFileError {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return new ImportFileError(`The file is ${mb} MB; files up to 5 MB can be imported. Split it into smaller files.`);
}

function countError(count: number): ImportFileError {
  return new ImportFileError(
    `The file has ${fmt(count)} replies; at most ${fmt(IMPORT_LIMITS.replies)} can be imported from one file.`,
  );
}

/** Read a file chosen by the user, refusing oversized files before reading them. */
export async function readImportFile(file: Blob & { name?: string }): Promise<{ name: string; text: string }> {
  if (file.size > IMPORT_LIMITS.bytes) throw sizeError(file.size);
  return { name: file.name ?? 'import', text: await blobText(file) };
}

function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  // Older engines (and jsdom) without Blob.text.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(blob);
  });
}

// ---- parsing ----------------------------------------------------------------------------------

const stripBom = (text: string) => text.replace(/^\uFEFF/, '');

const optionalString = z.preprocess((v) => (v === null ? undefined : v), z.string().optional());
const optionalTime = z.preprocess((v) => (v === null ? undefined : v), z.number().int().min(0).optional());
const jsonReplySchema = z.object({
  id: z.preprocess((v) => (v === null ? undefined : v), z.string().min(1).max(100).optional()),
  title: z.string({ error: 'title is missing' }),
  body: z.string({ error: 'body is missing' }),
  shortcut: optionalString,
  tags: z.preprocess((v) => (v == null ? [] : v), z.union([z.array(z.string()), z.string()])),
  platforms: z.preprocess((v) => (v == null ? [] : v), z.array(z.string())),
  createdAt: optionalTime,
  updatedAt: optionalTime,
  useCount: optionalTime,
  lastUsedAt: optionalTime,
});
const envelopeSchema = z.object({ format: z.unknown(), version: z.unknown(), replies: z.unknown() });

function parsePlatforms(values: readonly string[]): { platforms: Reply['platforms']; bad?: string } {
  const platforms: Reply['platforms'] = [];
  for (const v of values) {
    const key = v.trim().toLowerCase();
    if (!key) continue;
    const byLabel = PLATFORM_IDS.find((p) => PLATFORM_LABELS[p].toLowerCase() === key);
    const id = platformIdSchema.safeParse(key).success ? (key as Reply['platforms'][number]) : byLabel;
    if (!id) return { platforms, bad: v.trim() };
    if (!platforms.includes(id)) platforms.push(id);
  }
  return { platforms };
}

type Parsed = { rows: ImportRow[]; invalid: { row: number; reason: string }[] };

export function parseJsonImport(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch (e) {
    throw new ImportFileError(`This is not valid JSON (${(e as Error).message}).`);
  }
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success || Array.isArray(data)) {
    throw new ImportFileError(`This JSON is not a DM Desk replies file: expected {"format": "${EXCHANGE_FORMAT}", "version": 1, "replies": […]}.`);
  }
  const { format, version, replies } = envelope.data;
  if (format !== EXCHANGE_FORMAT) {
    throw new ImportFileError(`Unknown format ${JSON.stringify(format) ?? 'missing'}: expected "${EXCHANGE_FORMAT}".`);
  }
  if (version !== EXCHANGE_VERSION) {
    throw new ImportFileError(`This file is version ${JSON.stringify(version) ?? 'missing'} of the replies format; this DM Desk reads version ${EXCHANGE_VERSION}.`);
  }
  if (!Array.isArray(replies)) throw new ImportFileError('"replies" must be a list.');
  if (replies.length > IMPORT_LIMITS.replies) throw countError(replies.length);

  const out: Parsed = { rows: [], invalid: [] };
  replies.forEach((raw, i) => {
    const row = i + 1;
    const parsed = jsonReplySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      out.invalid.push({ row, reason: `${where}${issue?.message ?? 'not a reply'}` });
      return;
    }
    const r = parsed.data;
    const { platforms, bad } = parsePlatforms(r.platforms);
    if (bad) {
      out.invalid.push({ row, reason: `Unknown platform “${bad}”.` });
      return;
    }
    out.rows.push({
      row,
      newId: newReplyId(),
      ...(r.id ? { id: r.id } : {}),
      draft: { title: r.title, body: r.body, ...(r.shortcut ? { shortcut: r.shortcut } : {}), tags: normaliseTags(r.tags), platforms },
      ...(r.createdAt !== undefined ? { createdAt: r.createdAt } : {}),
      ...(r.useCount !== undefined ? { useCount: r.useCount } : {}),
      ...(r.lastUsedAt !== undefined ? { lastUsedAt: r.lastUsedAt } : {}),
    });
  });
  return out;
}

export function parseCsvImport(text: string): Parsed {
  const result = Papa.parse<Record<string, string>>(stripBom(text), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = (result.meta.fields ?? []).filter(Boolean);
  const missing = ['title', 'body'].filter((f) => !fields.includes(f));
  if (missing.length) {
    throw new ImportFileError(
      `The CSV needs a header row with the columns title and body; missing ${missing.join(' and ')}` +
        (fields.length ? ` (found: ${fields.slice(0, 8).join(', ')}).` : '.'),
    );
  }
  if (result.data.length > IMPORT_LIMITS.replies) throw countError(result.data.length);

  const badRows = new Map<number, string>();
  // Only quote errors make a row unreadable; too few or too many fields are fine (missing
  // columns read as empty and are checked like any value, extra ones are ignored).
  // Papa numbers quote errors from the header row, field errors from the first data row.
  for (const err of result.errors) {
    if (err.type !== 'Quotes' || err.row === undefined || err.row === null) continue;
    const index = Math.min(Math.max(0, err.row - 1), result.data.length - 1);
    if (!badRows.has(index)) badRows.set(index, err.message);
  }
  const out: Parsed = { rows: [], invalid: [] };
  result.data.forEach((rec, i) => {
    const row = i + 2; // as a spreadsheet numbers it: the header is row 1
    const parseError = badRows.get(i);
    if (parseError) {
      out.invalid.push({ row, reason: `Unreadable CSV row: ${parseError}` });
      return;
    }
    const get = (k: string) => (typeof rec[k] === 'string' ? rec[k] : '');
    const { platforms, bad } = parsePlatforms(get('platforms').split(/[,;|]/));
    if (bad) {
      out.invalid.push({ row, reason: `Unknown platform “${bad}”.` });
      return;
    }
    const id = get('id').trim();
    const shortcut = get('shortcut').trim();
    out.rows.push({
      row,
      newId: newReplyId(),
      ...(id ? { id } : {}),
      draft: { title: get('title'), body: get('body').replace(/\r\n/g, '\n'), ...(shortcut ? { shortcut } : {}), tags: normaliseTags(get('tags')), platforms },
    });
  });
  return out;
}

// ---- planning ---------------------------------------------------------------------------------

/** Decide, for each row, add / update / skip / invalid against `existing`. Pure. */
export function planRows(rows: readonly ImportRow[], preInvalid: ImportPlan['invalid'], existing: readonly Reply[], now: number): Omit<ImportPlan, 'format' | 'fileName'> {
  const byId = new Map(existing.map((r) => [r.id, r]));
  // Current library with accepted rows applied, to check shortcuts and duplicate ids against.
  const library = new Map(existing.map((r) => [r.id, { id: r.id, title: r.title, shortcut: r.shortcut }]));
  const seenIds = new Map<string, number>();
  const plan: Omit<ImportPlan, 'format' | 'fileName'> = { add: [], update: [], skipped: [], invalid: [...preInvalid], rows: [...rows] };

  for (const row of rows) {
    if (row.id) {
      const earlier = seenIds.get(row.id);
      if (earlier !== undefined) {
        plan.invalid.push({ row: row.row, reason: `Same id as row ${earlier}.` });
        continue;
      }
      seenIds.set(row.id, row.row);
    }
    const current = row.id ? byId.get(row.id) : undefined;
    const check = checkDraft(row.draft, [], undefined);
    if (!check.ok) {
      plan.invalid.push({ row: row.row, reason: Object.values(check.errors).join(' ') });
      continue;
    }
    const key = shortcutKey(check.draft.shortcut);
    const id = current?.id ?? row.id ?? row.newId;
    if (key) {
      const holder = [...library.values()].find((r) => r.id !== id && shortcutKey(r.shortcut) === key);
      if (holder) {
        plan.skipped.push({ row: row.row, title: check.draft.title, reason: `Shortcut ${check.draft.shortcut} is already used by “${holder.title}”.` });
        continue;
      }
    }
    if (current) {
      const { shortcut: _s, ...rest } = current;
      plan.update.push(replySchema.parse({ ...rest, ...check.draft, updatedAt: Math.max(now, current.createdAt) }));
    } else {
      const createdAt = row.createdAt !== undefined && row.createdAt <= now ? row.createdAt : now;
      plan.add.push(
        replySchema.parse({
          id,
          ...check.draft,
          createdAt,
          updatedAt: now,
          useCount: row.useCount ?? 0,
          ...(row.lastUsedAt !== undefined && row.lastUsedAt <= now ? { lastUsedAt: row.lastUsedAt } : {}),
        }),
      );
    }
    library.set(id, { id, title: check.draft.title, shortcut: check.draft.shortcut });
  }
  plan.invalid.sort((a, b) => a.row - b.row);
  return plan;
}

function detectFormat(name: string, text: string): 'json' | 'csv' {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.(csv|tsv|txt)$/i.test(name)) return 'csv';
  return /^\s*[{[]/.test(stripBom(text)) ? 'json' : 'csv';
}

/** Read a file's text and plan its import against `existing` (nothing is written). */
export function planImport(file: { name: string; text: string }, existing: readonly Reply[], now = Date.now()): ImportPlan {
  const bytes = new TextEncoder().encode(file.text).length;
  if (bytes > IMPORT_LIMITS.bytes) throw sizeError(bytes);
  if (!stripBom(file.text).trim()) throw new ImportFileError('The file is empty.');
  const format = detectFormat(file.name, file.text);
  const parsed = format === 'json' ? parseJsonImport(file.text) : parseCsvImport(file.text);
  return { format, fileName: file.name, ...planRows(parsed.rows, parsed.invalid, existing, now) };
}

/** Plan an import against the stored library. Throws ImportFileError for a refused file. */
export async function prepareImport(file: { name: string; text: string }, now = Date.now()): Promise<ImportPlan> {
  const existing = parseStoredReplies(await (await getDb()).getAll('replies'));
  return planImport(file, existing, now);
}

/**
 * Write a planned import: one transaction, all or nothing. The plan is made again inside the
 * transaction; if the library changed since the report was shown (other results), nothing is
 * written and an error asks to import again.
 */
export async function commitImport(plan: ImportPlan, now = Date.now()): Promise<{ added: number; updated: number }> {
  const db = await getDb();
  const tx = db.transaction('replies', 'readwrite');
  try {
    const existing = parseStoredReplies(await tx.store.getAll());
    const again = planRows(plan.rows, [], existing, now);
    const same =
      again.add.length === plan.add.length &&
      again.update.length === plan.update.length &&
      again.skipped.length === plan.skipped.length;
    if (!same) throw new ImportFileError('The reply library changed since this report was made. Import the file again.');
    const writes: Promise<unknown>[] = [];
    for (const reply of again.add) writes.push(tx.store.add(reply));
    for (const reply of again.update) writes.push(tx.store.put(reply));
    await Promise.all(writes);
    await tx.done;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw e;
  }
  broadcastChanged('replies');
  return { added: plan.add.length, updated: plan.update.length };
}

// ---- export -----------------------------------------------------------------------------------

export function exportJson(replies: readonly Reply[]): string {
  return `${JSON.stringify({ format: EXCHANGE_FORMAT, version: EXCHANGE_VERSION, replies }, null, 2)}\n`;
}

export const CSV_COLUMNS = ['id', 'title', 'shortcut', 'tags', 'platforms', 'body', 'useCount', 'lastUsedAt'] as const;

export function exportCsv(replies: readonly Reply[]): string {
  return Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: replies.map((r) => [r.id, r.title, r.shortcut ?? '', r.tags.join('; '), r.platforms.join('; '), r.body, String(r.useCount), r.lastUsedAt ? new Date(r.lastUsedAt).toISOString() : '']),
    },
    { quotes: false, newline: '\r\n' },
  );
}

export function exportFileName(format: 'json' | 'csv', now = new Date()): string {
  return `dm-desk-replies-${now.toISOString().slice(0, 10)}.${format}`;
}
