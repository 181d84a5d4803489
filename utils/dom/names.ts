import type { Contact } from '../platforms/contract';
import { cleanText } from './text';

/**
 * Split a display name into first and last name for personalisation.
 * "Ana María López" → Ana / López; "Dr. Jane Smith" → Jane / Smith; "@ana.lopez" → handle only;
 * "Acme Support" (a business) → no first name, so "Hi {{first_name|there}}" says "Hi there".
 */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'fr', 'sr', 'sra', 'srta', 'don', 'doña', 'herr', 'frau', 'mme', 'mlle', 'm',
]);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'mba', 'esq']);
const BUSINESS_WORDS = new Set([
  'support', 'team', 'help', 'helpdesk', 'service', 'services', 'official', 'store', 'shop', 'inc', 'llc', 'ltd',
  'gmbh', 'co', 'corp', 'company', 'agency', 'studio', 'media', 'news', 'app', 'bot', 'group', 'care', 'customer',
  'sales', 'marketing', 'brand', 'hq', 'labs', 'boutique', 'cafe', 'café', 'restaurant', 'bakery', 'salon',
]);

// Emoji and pictographs (with their joiners and variation selectors).
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200D\uFE0F\u20E3]/gu;

// The most common Vietnamese family names, spelled with their diacritics (unambiguous in Latin script).
const FAMILY_FIRST = new Set([
  'nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương', 'lý', 'đinh', 'trương',
]);

const AMBIGUOUS_TITLES = new Set(['don', 'dame', 'sir', 'm', 'fr', 'sr']);

function isTitle(word: string, count: number): boolean {
  const key = bare(word);
  if (!TITLES.has(key)) return false;
  return !AMBIGUOUS_TITLES.has(key) || word.endsWith('.') || count >= 3;
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[.,]/g, '');
}

// Members listed as a group's name: a comma before another name ("Ana, Bob"; not "Jane Doe, MBA"
// or ", PhD"), "&" or "and" between two names, "+N", "N others".
const GROUP_NAME = /\p{L}[^,]*,\s*(?!(?:Ph\.?\s?D|Jr|Sr|Esq|Dr)\b)\p{Lu}\p{Ll}|\p{L}\s+(?:&|and)\s+\p{L}|\s\+\d+$|\b\d+\s+others?\b/u;

export function splitName(display: string | null | undefined, handle?: string): Contact | null {
  const name = cleanText(display, 200);
  const cleanHandle = cleanText(handle, 100).replace(/^@/, '') || undefined;
  if (!name && !cleanHandle) return null;
  const base: Contact = { name: name || `@${cleanHandle}`, ...(cleanHandle ? { handle: cleanHandle } : {}) };
  if (!name) return base;

  // A handle shown as the name: "@ana.lopez" or "ana_lopez92" (no spaces, has _ . or digits).
  if (/^@\S+$/.test(name)) return { ...base, handle: cleanHandle ?? name.slice(1) };
  // A group named after its members ("Ana, Bob, You", "Ana & Bob", "Ana and 2 others", "Ana,
  // Bob +3"): no one person to greet.
  if (GROUP_NAME.test(name)) return base;

  const words = name
    .replace(EMOJI, ' ')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ') // "Ana (Acme)" → "Ana"
    .split(/[\s|·•]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.'’-]+$/gu, ''))
    .filter((w) => w && /\p{L}/u.test(w));
  if (words.length === 0) return base;
  if (words.some((w) => BUSINESS_WORDS.has(bare(w)))) return base;
  if (words.length === 1 && /[_\d]/.test(words[0]!)) return base; // looks like a username

  if (words.length === 1 && /\p{L}[._]\p{L}/u.test(words[0]!)) return base; // "ana.lopez"

  // A title is dropped when it is one: "Dr. Jane Smith", "Sra. Ana Ruiz", "Don José García". Words
  // that are also given names ("Don Draper", "Sir Mix") count as titles only with a dot or before
  // two more words.
  let titled = false;
  while (words.length > 1 && isTitle(words[0]!, words.length)) {
    words.shift();
    titled = true;
  }
  while (words.length > 1 && SUFFIXES.has(bare(words[words.length - 1]!))) words.pop();
  if (words.length === 1 && TITLES.has(bare(words[0]!))) return base;
  // "Dr. Smith": the one word left is a family name; "Hi Smith" would be wrong.
  if (titled && words.length === 1) return { ...base, lastName: words[0] };

  // Vietnamese names put the family name first ("Nguyễn Thị Hoa" is Ms Hoa): the given name is last.
  if (words.length >= 2 && FAMILY_FIRST.has(words[0]!.toLowerCase())) {
    return { ...base, firstName: words[words.length - 1], lastName: words[0] };
  }
  const [first, ...rest] = words;
  const last = rest.length ? rest[rest.length - 1] : undefined;
  return { ...base, firstName: first, ...(last ? { lastName: last } : {}) };
}
