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
const MARKERS = /[\u0000\u0001]/g;

export function renderReply(body: string, ctx: RenderContext): Rendered {
  const known = new Set<string>(REPLY_VARIABLES);
  let sawCursor = false;
  // The markers are ours: strip them from the body and from every value first.
  const filled = body.replace(MARKERS, '').replace(VARIABLE_PATTERN, (whole, rawName: string, fallback?: string) => {
    const name = rawName.toLowerCase();
    if (!known.has(name)) return whole; // refused at save time; left visible rather than lost
    if (name === 'cursor') {
      if (sawCursor) return '';
      sawCursor = true;
      return CARET;
    }
    const value = valueOf(name as ReplyVariable, ctx).replace(MARKERS, '').trim() || (fallback ?? '').replace(MARKERS, '').trim();
    return value || EMPTY;
  });
  const text = tidy(filled);
  const cursor = text.indexOf(CARET);
  return { text: text.replace(CARET, ''), cursor: cursor >= 0 ? cursor : null };
}

const PUNCT = ',.!?;:)\\]…。，！？、؟،';
/**
 * Tidy only around variables that rendered empty; the author's own spacing is kept.
 * "Hi {{first_name}}, thanks" → "Hi, thanks"; "Thanks, {{first_name}}!" → "Thanks!";
 * "Best,\n{{my_name}}" → "Best,"; "{{first_name}}, thanks" → "Thanks".
 */
function tidy(text: string): string {
  if (!text.includes(EMPTY)) return text;
  const E = EMPTY;
  return (
    text
      // Empty values next to each other count as one ("{{first_name}} {{last_name}}").
      .replace(new RegExp(`${E}(?:[ \\t]*${E})+`, 'g'), E)
      // A mention sign with nothing after it ("@{{handle}}").
      .replace(new RegExp(`[@#]${E}`, 'g'), E)
      // Brackets holding nothing but an empty value ("Ana ({{handle}})").
      .replace(new RegExp(`[ \\t]*[(\\[][ \\t]*${E}[ \\t]*[)\\]]`, 'g'), E)
      // A line that held only empty values goes, with its line break.
      .replace(new RegExp(`\\n[ \\t]*${E}[ \\t]*(?=\\n|$)`, 'g'), '')
      .replace(new RegExp(`^[ \\t]*${E}[ \\t]*(?:\\n|$)`), '')
      // At a line start: "{{first_name}}, thanks" → "Thanks".
      .replace(new RegExp(`(^|\\n)[ \\t]*${E}[ \\t]*[,;:]?[ \\t]*(\\p{Ll})?`, 'gu'), (_m, start: string, letter?: string) =>
        start + (letter ? letter.toLocaleUpperCase() : ''),
      )
      // "Thanks, {{first_name}}!" → "Thanks!"; "Hi, {{first_name}}, welcome" → "Hi, welcome".
      .replace(new RegExp(`[ \\t]*[,;:][ \\t]*${E}[ \\t]*(?=[${PUNCT}])`, 'g'), '')
      // "Hi {{first_name}}, thanks" → "Hi, thanks".
      .replace(new RegExp(`[ \\t]*${E}[ \\t]*(?=[${PUNCT}])`, 'g'), '')
      // After an opening bracket or an inverted mark: "¡Hola {{x}}!" keeps "¡Hola!".
      .replace(new RegExp(`([(\\[¿¡])[ \\t]*${E}[ \\t]*`, 'g'), '$1')
      // Between words: one space.
      .replace(new RegExp(`[ \\t]+${E}[ \\t]+`, 'g'), ' ')
      .replace(new RegExp(E, 'g'), '')
      .replace(/[ \t]+(?=\n|$)/g, '')
  );
}
