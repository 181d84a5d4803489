import type { Contact } from '../platforms/contract';
import { cleanText } from './text';

/**
 * Split a display name into first and last name for personalisation.
 * "Ana María López" → Ana / López; "Dr. Jane Smith" → Jane / Smith; "@ana.lopez" → handle only;
 * "Acme Support" (a business) → no first name, so "Hi {{first_name|there}}" says "Hi there".
 */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'fr', 'sr', 'sra', 'srta', 'don', 'doña', 'herr', 'frau', 'mme', 'mlle', 'm',
  'dra', 'ing', 'lic', 'eng', 'capt', 'arq', 'dott', 'dipl-ing', 'dr-ing',
]);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'mba', 'esq', 'cpa', 'cfa', 'pmp', 'cfp', 'rn', 'jd']);
const BUSINESS_WORDS = new Set([
  'support', 'team', 'help', 'helpdesk', 'service', 'services', 'official', 'store', 'shop', 'inc', 'llc', 'ltd',
  'gmbh', 'co', 'corp', 'company', 'agency', 'studio', 'media', 'news', 'app', 'bot', 'group', 'care', 'customer',
  'sales', 'marketing', 'brand', 'hq', 'labs', 'boutique', 'cafe', 'café', 'restaurant', 'bakery', 'salon',
]);
// What platforms show for deleted, unknown or system accounts: no one to greet by name.
const PLACEHOLDERS = new Set([
  'instagram user', 'facebook user', 'messenger user', 'linkedin member', 'deleted account', 'meta ai', 'meta business support', 'my ai',
]);
// Family-name particles, written in lower case, belong to the last name ("van der Berg", "de la Cruz").
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'la', 'le', 'da', 'di', 'du', 'dos', 'das', 'ter', 'ten', 'zu', 'bin', 'ibn', 'al']);

// Emoji and pictographs (with their joiners and variation selectors).
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200D\uFE0F\u20E3]/gu;
// A tagline after a spaced separator ("Ana López | Growth Marketing", "Ana – CEO at Acme"); "Anna-Lena" has no spaces.
const TAGLINE = /\s[|–—\-/·•]\s/;

// The most common Vietnamese family names, spelled with their diacritics (unambiguous in Latin script).
const FAMILY_FIRST = new Set([
  'nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương', 'lý', 'đinh', 'trương',
]);

const AMBIGUOUS_TITLES = new Set(['don', 'dame', 'sir', 'm', 'fr', 'sr', 'ing', 'eng']);

function isTitle(word: string, count: number): boolean {
  const key = bare(word);
  if (!TITLES.has(key)) return false;
  return !AMBIGUOUS_TITLES.has(key) || word.endsWith('.') || count >= 3;
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[.,]/g, '');
}

function isCaps(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

// A credential after a comma: a known one, or all capitals ("CPA"; not when the whole name is in
// capitals), capitals with a hyphen ("SHRM-CP") or a dot ("Ph.D.", "Dipl.-Ing.", "P.Eng").
function isCredential(word: string, capsName: boolean): boolean {
  const key = bare(word);
  return SUFFIXES.has(key) || key === 'dr' || word.includes('.') || (/\p{Lu}/u.test(word) && (word.includes('-') || (!capsName && isCaps(word))));
}

// Members listed as a group's name: "&" or "and" (or "et", "und", "и", "和") between two names,
// "y"/"e" only right after a first word and in lower case ("Ana y Bob"; "Santiago Ramón y Cajal"
// is one man, "Ana E Smith" has a middle initial), "+N", "N others". Commas are handled in splitName.
const GROUP_NAME = /\p{L}\s+(?:&|[Aa]nd|et|und|и|和)\s+\p{L}|^\p{L}+\s+[ye]\s+\p{L}|\s\+\d+$|\b\d+\s+others?\b/u;

export function splitName(display: string | null | undefined, handle?: string): Contact | null {
  const name = cleanText(display, 200);
  const cleanHandle = cleanText(handle, 100).replace(/^@/, '') || undefined;
  if (!name && !cleanHandle) return null;
  const base: Contact = { name: name || `@${cleanHandle}`, ...(cleanHandle ? { handle: cleanHandle } : {}) };
  if (!name) return base;

  // A handle shown as the name: "@ana.lopez" or "ana_lopez92" (no spaces, has _ . or digits).
  if (/^@\S+$/.test(name)) return { ...base, handle: cleanHandle ?? name.slice(1) };
  if (PLACEHOLDERS.has(name.toLowerCase())) return base;

  // Brackets go first ("Ana (Acme)", "(she / her)"), then any tagline: only the name is judged.
  const head = name.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').split(TAGLINE)[0]!;
  // A group named after its members ("Ana & Bob", "Ana and 2 others", "Ana, Bob +3"): no one person to greet.
  if (GROUP_NAME.test(head)) return base;
  // After a comma: credentials ("Jane Doe, CPA, SHRM-CP") and lower-case words ("she/her") are
  // dropped; another name ("Ana, Bob, You", "Weekend hikers, Ana") makes a group.
  const [main = '', ...afterComma] = head.split(',');
  const capsName = isCaps(main);
  for (const part of afterComma) {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    if (tokens.every((t) => isCredential(t, capsName))) continue;
    if (/^[\p{Lu}\p{Lo}]/u.test(tokens[0]!)) return base;
  }
  // A nickname in quotes is what the person goes by: Robert "Bob" Smith.
  const nickname = /\s["“„«]([\p{L}'’-]+)["”“»]\s/u.exec(main)?.[1];

  const words = main
    .replace(EMOJI, ' ')
    .split(/[\s|·•]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.'’-]+$/gu, ''))
    .filter((w) => w && /\p{L}/u.test(w));
  if (words.length === 0) return base;
  // "Priya Raman Official": a tagline word after a full name ("Acme Official" stays a business).
  if (words.length > 2 && bare(words[words.length - 1]!) === 'official') words.pop();
  if (words.some((w) => BUSINESS_WORDS.has(bare(w)))) return base;
  if (words.length === 1 && /[_\d]/.test(words[0]!)) return base; // looks like a username

  if (words.length === 1 && /\p{L}[._]\p{L}/u.test(words[0]!)) return base; // "ana.lopez"

  // A title is dropped when it is one: "Dr. Jane Smith", "Sra. Ana Ruiz", "Don José García". Words
  // that are also given names ("Don Draper", "Sir Mix") count as titles only with a dot or before
  // two more words. A lower-case word with a dot after a title is part of it ("Dr. med.", "Dr. rer. nat.").
  let titled = false;
  while (words.length > 1 && (isTitle(words[0]!, words.length) || (titled && /^\p{Ll}[\p{Ll}.]*\.$/u.test(words[0]!)))) {
    words.shift();
    titled = true;
  }
  while (words.length > 1 && SUFFIXES.has(bare(words[words.length - 1]!))) words.pop();
  if (words.length === 1 && TITLES.has(bare(words[0]!))) return base;
  // "Dr. Smith": the one word left is a family name; "Hi Smith" would be wrong.
  if (titled && words.length === 1) return { ...base, lastName: words[0] };
  // Leading initials are skipped ("A. Priya Raman" → Priya); with one word after them it may be a
  // given name ("A. Priya") or a family name ("J. Smith"): no first name then.
  while (words.length > 2 && /^\p{L}\.$/u.test(words[0]!)) words.shift();
  if (words.length === 2 && /^\p{L}\.$/u.test(words[0]!)) return { ...base, lastName: words[1] };

  // Vietnamese names put the family name first ("Nguyễn Thị Hoa" is Ms Hoa): the given name is last.
  if (words.length >= 2 && FAMILY_FIRST.has(words[0]!.toLowerCase())) {
    return { ...base, firstName: greeting(words[words.length - 1]!, words), lastName: words[0] };
  }
  let from = words.length - 1;
  while (from > 1 && PARTICLES.has(words[from - 1]!)) from--;
  const last = words.length > 1 ? words.slice(from).join(' ') : undefined;
  return { ...base, firstName: nickname ?? greeting(words[0]!, words), ...(last ? { lastName: last } : {}) };
}

// A name all in Latin capitals is greeted in title case ("ANA LÓPEZ" → "Hi Ana", not "Hi ANA");
// two letters stay as written ("AJ", "TJ" are initials).
function greeting(first: string, words: string[]): string {
  if (first.length < 3 || !words.every(isCaps) || !/^[\p{Script=Latin}.'’-]+$/u.test(words.join(''))) return first;
  return first.toLowerCase().replace(/(^|[-'’])\p{Ll}/gu, (m) => m.toUpperCase());
}
