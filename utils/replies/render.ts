import type { Contact, PlatformId } from '../platforms/contract';
import { PLATFORM_LABELS } from '../platforms/hosts';
import { REPLY_VARIABLES, type ReplyVariable } from './model';

/**
 * Rendering a saved reply for one conversation: `{{first_name}}`, `{{first_name|there}}` (fallback
 * after a bar), `{{cursor}}` (where the caret ends). A variable with no value and no fallback
 * renders empty and the text around it is tidied: "Hi {{first_name}}, thanks" → "Hi, thanks".
 */
export interface RenderContext {
  contact: Contact | null;
  platform?: PlatformId;
  myName?: string;
  now?: Date;
  /** BCP 47 locale for date, time and weekday; the user's by default. */
  locale?: string;
}

export interface Rendered {
  text: string;
  /** Caret offset in `text` from `{{cursor}}`, or null (caret at the end). */
  cursor: number | null;
}

export const VARIABLE_PATTERN = /\{\{\s*([a-zA-Z_][\w]*)\s*(?:\|([^}]*))?\}\}/g;

export interface VariableUse {
  name: string;
  fallback?: string;
}

export function variablesIn(body: string): VariableUse[] {
  return Array.from(body.matchAll(VARIABLE_PATTERN), (m) => ({
    name: m[1]!.toLowerCase(),
    ...(m[2] !== undefined ? { fallback: m[2] } : {}),
  }));
}

/** Variable names a body uses that DM Desk does not know, each once. */
export function unknownVariables(body: string): string[] {
  const known = new Set<string>(REPLY_VARIABLES);
  return [...new Set(variablesIn(body).map((v) => v.name).filter((n) => !known.has(n)))];
}

function valueOf(name: ReplyVariable, ctx: RenderContext): string {
  const now = ctx.now ?? new Date();
  const c = ctx.contact;
  switch (name) {
    case 'first_name':
      return c?.firstName ?? '';
    case 'last_name':
      return c?.lastName ?? '';
    case 'name':
      return c?.name ?? '';
    case 'handle':
      return c?.handle ?? '';
    case 'platform':
      return ctx.platform ? PLATFORM_LABELS[ctx.platform] : '';
    case 'my_name':
      return ctx.myName?.trim() ?? '';
    case 'date':
      return now.toLocaleDateString(ctx.locale, { dateStyle: 'medium' } as Intl.DateTimeFormatOptions);
    case 'time':
      return now.toLocaleTimeString(ctx.locale, { hour: 'numeric', minute: '2-digit' });
    case 'weekday':
      return now.toLocaleDateString(ctx.locale, { weekday: 'long' });
    case 'cursor':
      return '';
  }
}

const EMPTY = '\u0000';
const CARET = '\u0001';

export function renderReply(body: string, ctx: RenderContext): Rendered {
  const known = new Set<string>(REPLY_VARIABLES);
  let sawCursor = false;
  const filled = body.replace(EMPTY, '').replace(CARET, '').replace(VARIABLE_PATTERN, (whole, rawName: string, fallback?: string) => {
    const name = rawName.toLowerCase();
    if (!known.has(name)) return whole; // refused at save time; left visible rather than lost
    if (name === 'cursor') {
      if (sawCursor) return '';
      sawCursor = true;
      return CARET;
    }
    const value = valueOf(name as ReplyVariable, ctx) || (fallback ?? '').trim();
    return value || EMPTY;
  });
  const text = tidy(filled);
  const cursor = text.indexOf(CARET);
  return { text: text.replace(CARET, ''), cursor: cursor >= 0 ? cursor : null };
}

/** Tidy only around variables that rendered empty; the author's own spacing is kept. */
function tidy(text: string): string {
  if (!text.includes(EMPTY)) return text;
  return text
    .replace(/[ \t]*\u0000+[ \t]*(?=[,.!?;:)\]…])/g, '') // "Hi {{x}}, thanks" → "Hi, thanks"
    .replace(/(^|\n)[ \t]*\u0000+[ \t]*[,;:]?[ \t]*/g, '$1') // "{{x}}, thanks" at a line start
    .replace(/([(\[])[ \t]*\u0000+[ \t]*/g, '$1')
    .replace(/[ \t]+\u0000+[ \t]+/g, ' ')
    .replace(/\u0000+/g, '')
    .replace(/[ \t]+(?=\n|$)/g, '');
}
