import { describe, expect, it } from 'vitest';
import { random } from '../page-mutations';
import { absoluteUrl, cleanText, firstTextLeaf, hashId, parseCount, titleCount, truncate } from '@/utils/dom/text';
import { parseTime } from '@/utils/dom/time';
import { splitName } from '@/utils/dom/names';
import { firstOf, hasDot, rememberTimes, isBold, makeRow, missingList, MUTED_LABEL, namedPieces, rgbKey, RowIndex, rowParts, selfPrefix, textBlocks, uniqueRows } from '@/utils/dom/read';

// vitest.config.ts pins TZ=UTC, so local midnight is UTC midnight here.
// The clock: Wednesday 10 June 2026, 15:30 UTC.
const NOW = Date.parse('2026-06-10T15:30:00Z');
const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('parseCount', () => {
  it.each([
    ['3', 3],
    ['99+', 99],
    ['12 unread messages', 12],
    ['1,234', 1234],
    ['1.234 nachrichten', 1234],
    ['2 500', 2500],
    ['٣', 3],
    ['١٢ رسالة غير مقروءة', 12],
    ['۷', 7],
    ['Tin nhắn chưa đọc: 4', 4],
    ['0', 0],
    ['Unread', null],
    ['', null],
    [null, null],
    ['12345678', null], // out of range: not a believable count
  ])('%j → %j', (input, expected) => {
    expect(parseCount(input)).toBe(expected);
  });
});

describe('titleCount', () => {
  it.each([
    ['(3) Instagram', 3],
    [' (12) Messenger', 12],
    ['(99+) X', 99],
    ['(٣) Instagram', 3],
    ['Instagram', null],
    ['Ana messaged you', null], // a blinking title is not a count
    ['Inbox (3)', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(titleCount(input)).toBe(expected);
  });
});

describe('cleanText and truncate', () => {
  it.each([
    ['  Ana \n\t López  ', 'Ana López'],
    ['\u200E\u2068محمد علي\u2069', 'محمد علي'],
    ['a\u0000b\u0007c', 'a b c'],
    // ZWJ sequences survive: a family emoji is one glyph, not three faces.
    ['Team 👩\u200D💻', 'Team 👩\u200D💻'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('cuts to the limit in UTF-16 units, never halving an emoji', () => {
    const emoji = '😀'.repeat(100); // 200 UTF-16 units
    const cut = cleanText(emoji, 140);
    expect(cut.length).toBeLessThanOrEqual(140);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(cleanText('x'.repeat(10_000), 140)).toHaveLength(140);
  });

  // cleanText returns a string untouched when its quick test finds nothing to clean: the test must
  // find everything the cleaning would change. Compared with always cleaning, on strings built
  // from every kind of white space, invisible and control character next to ordinary text.
  it('leaves a string as it is only when cleaning would not change it', () => {
    const always = (value: string) =>
      value
        .replace(/[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '')
        .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, ' ')
        .replace(/\s{2,}|[^\S ]/g, ' ')
        .trim();
    const pieces = [' ', '  ', 'a', 'é', '😀', '\u200D', '\t', '\n', '\u000B', '\u0000', '\u001F', '\u007F', '\u0085', '\u009F', '\u00A0',
      '\u1680', '\u2000', '\u2009', '\u200A', '\u200B', '\u200E', '\u2028', '\u2029', '\u202A', '\u202E', '\u202F', '\u205F', '\u2060',
      '\u2066', '\u2069', '\u3000', '\uFEFF'];
    const rand = random(7);
    const next = () => Math.floor(rand() * pieces.length);
    for (let n = 0; n < 20_000; n++) {
      let value = '';
      for (let k = 0; k <= n % 6; k++) value += pieces[next()];
      expect(cleanText(value), JSON.stringify(value)).toBe(always(value));
    }
  });
});

describe('firstTextLeaf', () => {
  it('is the first element with visible text of its own, past blank text, scripts, styles and SVG titles', () => {
    document.body.innerHTML = `<header><img alt="avatar"><style>.a{}</style><svg><title>Back</title></svg>
      <div> <script>var x = 1</script><span>\u200B </span><span id="name">Ana <b>López</b></span><span>online</span></div></header>`;
    expect(firstTextLeaf(document.querySelector('header'))?.id).toBe('name');
  });

  it('is null for a missing root or one without text', () => {
    document.body.innerHTML = '<header><img alt="avatar"><span> </span></header>';
    expect(firstTextLeaf(document.querySelector('header'))).toBeNull();
    expect(firstTextLeaf(null)).toBeNull();
  });
});

describe('hashId and absoluteUrl', () => {
  it('hashes stably and tells inputs apart', () => {
    expect(hashId('Ana', 'a.jpg')).toBe(hashId('Ana', 'a.jpg'));
    expect(hashId('Ana', 'a.jpg')).not.toBe(hashId('Ana', 'b.jpg'));
    expect(hashId('Ana')).toMatch(/^h[0-9a-z]+$/);
  });
  it('keeps http(s) links only', () => {
    expect(absoluteUrl('/direct/t/1/', 'https://www.instagram.com/direct/inbox/')).toBe('https://www.instagram.com/direct/t/1/');
    expect(absoluteUrl('javascript:alert(1)', 'https://x.com/')).toBeUndefined();
    expect(absoluteUrl('', 'https://x.com/')).toBeUndefined();
  });
});

/** Time labels of every form and language parseTime reads, and what they give at NOW. */
const TIME_LABELS: [string, number | undefined][] = [
  ['now', NOW],
  ['Just now', NOW],
  ['30s', NOW - 30_000],
  ['5m', NOW - 5 * MIN],
  ['5 min', NOW - 5 * MIN],
  ['3h', NOW - 3 * HOUR],
  ['· 3h', NOW - 3 * HOUR],
  ['2d', NOW - 2 * DAY],
  ['1w', NOW - 7 * DAY],
  ['2 hours ago', NOW - 2 * HOUR],
  ['an hour ago', NOW - HOUR],
  ['hace 3 h', NOW - 3 * HOUR],
  ['il y a 2 j', NOW - 2 * DAY],
  ['vor 5 Min.', NOW - 5 * MIN],
  ['10 giờ', NOW - 10 * HOUR],
  ['2 tuần', NOW - 14 * DAY],
  ['Hôm qua', at('2026-06-09T00:00:00Z')],
  ['Yesterday', at('2026-06-09T00:00:00Z')],
  ['Ayer', at('2026-06-09T00:00:00Z')],
  ['Today', at('2026-06-10T00:00:00Z')],
  ['Mon', at('2026-06-08T00:00:00Z')],
  ['Wednesday', at('2026-06-03T00:00:00Z')], // the same weekday label means last week
  ['lun.', at('2026-06-08T00:00:00Z')],
  ['10:42', at('2026-06-10T10:42:00Z')],
  ['10:42 PM', at('2026-06-09T22:42:00Z')], // later than now: yesterday evening
  ['10:42\u202FAM', at('2026-06-10T10:42:00Z')],
  ['12:05 am', at('2026-06-10T00:05:00Z')],
  ['22h15', at('2026-06-09T22:15:00Z')],
  ['١٠:٤٢', at('2026-06-10T10:42:00Z')],
  ['Jun 3', at('2026-06-03T00:00:00Z')],
  ['3 juin', at('2026-06-03T00:00:00Z')],
  ['3 de junio', at('2026-06-03T00:00:00Z')],
  ['Dec 24', at('2025-12-24T00:00:00Z')], // no year and in the future: last year
  ['Jun 3, 2025', at('2025-06-03T00:00:00Z')],
  ['3/6/25', at('2025-03-06T00:00:00Z')],
  ['13/6/25', at('2025-06-13T00:00:00Z')], // 13 cannot be a month
  ['2026-06-10T09:15:00.000Z', at('2026-06-10T09:15:00Z')],
  ['2026-06-01', at('2026-06-01T00:00:00Z')],
  // More languages of the platforms' UIs: relative labels, with "ago" words before or after.
  ['2 ore fa', NOW - 2 * HOUR],
  ['5 min fa', NOW - 5 * MIN],
  ['3 g', NOW - 3 * DAY],
  ['2 uur geleden', NOW - 2 * HOUR],
  ['3 u', NOW - 3 * HOUR],
  ['5 мин', NOW - 5 * MIN],
  ['3 ч назад', NOW - 3 * HOUR],
  ['2 дн', NOW - 2 * DAY],
  ['1 нед', NOW - 7 * DAY],
  ['5 dk', NOW - 5 * MIN],
  ['3 sa önce', NOW - 3 * HOUR],
  ['2 gün önce', NOW - 2 * DAY],
  ['5 godz. temu', NOW - 5 * HOUR],
  ['2 jam lalu', NOW - 2 * HOUR],
  ['٢٠ د', NOW - 20 * MIN],
  ['منذ 3 ساعات', NOW - 3 * HOUR],
  ['قبل ٥ دقائق', NOW - 5 * MIN],
  ['2 ي', NOW - 2 * DAY],
  ['לפני 5 דקות', NOW - 5 * MIN],
  ['3時間前', NOW - 3 * HOUR],
  ['5分', NOW - 5 * MIN],
  ['2日前', NOW - 2 * DAY],
  ['3小时前', NOW - 3 * HOUR],
  ['5分钟', NOW - 5 * MIN],
  ['1周', NOW - 7 * DAY],
  ['3시간 전', NOW - 3 * HOUR],
  ['5분', NOW - 5 * MIN],
  ['2일', NOW - 2 * DAY],
  ['Ieri', at('2026-06-09T00:00:00Z')],
  ['Gisteren', at('2026-06-09T00:00:00Z')],
  ['Wczoraj', at('2026-06-09T00:00:00Z')],
  ['Kemarin', at('2026-06-09T00:00:00Z')],
  ['أمس', at('2026-06-09T00:00:00Z')],
  ['昨日', at('2026-06-09T00:00:00Z')],
  ['昨天', at('2026-06-09T00:00:00Z')],
  ['어제', at('2026-06-09T00:00:00Z')],
  ['Сейчас', NOW],
  ['たった今', NOW],
  ['刚刚', NOW],
  ['방금', NOW],
  ['الآن', NOW],
  ['пн', at('2026-06-08T00:00:00Z')],
  ['ma', at('2026-06-08T00:00:00Z')],
  ['gio', at('2026-06-04T00:00:00Z')],
  ['Pzt', at('2026-06-08T00:00:00Z')],
  ['月曜日', at('2026-06-08T00:00:00Z')],
  ['周一', at('2026-06-08T00:00:00Z')],
  ['월요일', at('2026-06-08T00:00:00Z')],
  ['الاثنين', at('2026-06-08T00:00:00Z')],
  ['3 giu', at('2026-06-03T00:00:00Z')],
  ['3 mrt', at('2026-03-03T00:00:00Z')],
  ['3 Haz', at('2026-06-03T00:00:00Z')],
  ['3 cze', at('2026-06-03T00:00:00Z')],
  ['3 июня', at('2026-06-03T00:00:00Z')],
  ['3 июн.', at('2026-06-03T00:00:00Z')],
  ['٣ يونيو', at('2026-06-03T00:00:00Z')],
  ['6月3日', at('2026-06-03T00:00:00Z')],
  ['6월 3일', at('2026-06-03T00:00:00Z')],
  ['2025年6月3日', at('2025-06-03T00:00:00Z')],
  ['', undefined],
  ['Active now ago', undefined],
  ['5 parsecs ago', undefined],
  ['5 ago', at('2025-08-05T00:00:00Z')], // "ago" is August in Spanish and Italian
  ['前', undefined],
  ['Feb 30', undefined],
  ['25:00', undefined],
  ['3 parsecs', undefined],
  ['<b>3h</b>', undefined],
];

describe('parseTime against a fixed clock (Wed 10 Jun 2026 15:30 UTC)', () => {
  it.each(TIME_LABELS)('%j', (label, expected) => {
    expect(parseTime(label, NOW)).toBe(expected);
  });

  it('is asked about every label that can be a time when remembered per read (rememberTimes)', () => {
    const asked: string[] = [];
    const remembered = rememberTimes((label, now) => (asked.push(label), parseTime(label, now)));
    for (const [label, expected] of TIME_LABELS) expect(remembered(label, NOW), label).toBe(expected);
    const times = TIME_LABELS.filter(([, expected]) => expected !== undefined).map(([label]) => label);
    expect(asked).toEqual(expect.arrayContaining(times));
    // Snippets are not: they cannot be times, and there is one per row.
    asked.length = 0;
    for (const snippet of ['New message 12', 'Is item 5 in stock?', 'Order #1001 ships today', 'See you at 10', 'You sent 2 photos']) {
      expect(remembered(snippet, NOW)).toBeUndefined();
    }
    expect(asked).toEqual([]);
  });

  it('reads ISO datetimes as the general path does (taken as they are when already in ISO form)', () => {
    // The general path: cleaned, lowercased, matched, then uppercased for Date.parse.
    const general = (label: string) => Date.parse(label.trim().toUpperCase());
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let i = 0; i < 2000; i++) {
      const date = `${pad(1990 + rand(60), 4)}-${pad(1 + rand(12))}-${pad(1 + rand(31))}`;
      const time = `T${pad(rand(24))}:${pad(rand(60))}`;
      // A date alone is that day's local midnight (the clock here is UTC), a day that does not
      // exist none (Date.parse would roll "2006-09-31" over to October).
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const day = new Date(Date.UTC(y, m - 1, d));
      expect(parseTime(date, NOW), date).toBe(day.getUTCMonth() === m - 1 ? day.getTime() : undefined);
      const forms = [
        `${date}${time}`,
        `${date}${time}:${pad(rand(60))}Z`,
        `${date}${time}:${pad(rand(60))}.${pad(rand(1000), 3)}Z`,
        `${date}${time}:${pad(rand(60))}+0${rand(10)}:${pad(rand(60))}`,
        `${date}${time}:${pad(rand(60))}-1${rand(3)}00`,
        // Not in ISO form as it is: the general path reads them.
        `${date}${time.toLowerCase()}:00z`,
        ` ${date}${time}:00Z `,
      ];
      for (const label of forms) {
        const expected = general(label);
        expect(parseTime(label, NOW), label).toBe(Number.isFinite(expected) ? expected : undefined);
      }
    }
  });

  it('reads numeric dates day-first when asked', () => {
    expect(parseTime('3/6/25', NOW, { dateOrder: 'dmy' })).toBe(at('2025-06-03T00:00:00Z'));
  });

  // Labels of other UI languages: WhatsApp exports and list scrapers of 2021–2026 (Spanish
  // "8:28 p. m." with a no-break space, Turkish ÖÖ/ÖS, English (South Africa) "2023/12/20",
  // English (Canada) "2023-12-20", a LinkedIn scraper's day-first dates), and the locales'
  // own forms of day periods and weekday names.
  it.each([
    ['8:28 p. m.', '2026-06-09T20:28:00Z'],
    ['10:42\u00a0a.\u00a0m.', '2026-06-10T10:42:00Z'],
    ['10:42 ÖS', '2026-06-09T22:42:00Z'],
    ['9:05 ÖÖ', '2026-06-10T09:05:00Z'],
    ['오후 1:05', '2026-06-10T13:05:00Z'],
    ['下午1:05', '2026-06-10T13:05:00Z'],
    ['午前9:05', '2026-06-10T09:05:00Z'],
    ['1:05 م', '2026-06-10T13:05:00Z'],
    ['2023/12/20', '2023-12-20T00:00:00Z'],
    ['2026/6/3', '2026-06-03T00:00:00Z'],
    ['2023-12-20', '2023-12-20T00:00:00Z'],
    ['03.06.2026', '2026-06-03T00:00:00Z'],
    // Month-first it would be 6 July, after now: a list shows past times, so it is 7 June.
    ['7/6/2026', '2026-06-07T00:00:00Z'],
    ['3. Mär.', '2026-03-03T00:00:00Z'],
    ['segunda-feira', '2026-06-08T00:00:00Z'],
    ['Senin', '2026-06-08T00:00:00Z'],
    ['Thứ Hai', '2026-06-08T00:00:00Z'],
    ['יום שני', '2026-06-08T00:00:00Z'],
  ])('%j', (label, iso) => {
    expect(parseTime(label, NOW)).toBe(at(iso));
  });
});



describe('splitName', () => {
  it.each([
    ['Ana María López', undefined, { name: 'Ana María López', firstName: 'Ana', lastName: 'López' }],
    ['Ana', undefined, { name: 'Ana', firstName: 'Ana' }],
    ['Dr. Jane Smith', undefined, { name: 'Dr. Jane Smith', firstName: 'Jane', lastName: 'Smith' }],
    ['Dr. Smith', undefined, { name: 'Dr. Smith', lastName: 'Smith' }],
    ['Don Draper', undefined, { name: 'Don Draper', firstName: 'Don', lastName: 'Draper' }],
    ['Don José García', undefined, { name: 'Don José García', firstName: 'José', lastName: 'García' }],
    ['John Smith Jr.', undefined, { name: 'John Smith Jr.', firstName: 'John', lastName: 'Smith' }],
    ['🌸 Ana 🌸', undefined, { name: '🌸 Ana 🌸', firstName: 'Ana' }],
    ['Ben 👋🏽', undefined, { name: 'Ben 👋🏽', firstName: 'Ben' }],
    ['محمد علي', undefined, { name: 'محمد علي', firstName: 'محمد', lastName: 'علي' }],
    ['\u2068نور\u2069', undefined, { name: 'نور', firstName: 'نور' }],
    ['Nguyễn Thị Hoa', undefined, { name: 'Nguyễn Thị Hoa', firstName: 'Hoa', lastName: 'Nguyễn' }],
    ['Lê Minh', undefined, { name: 'Lê Minh', firstName: 'Minh', lastName: 'Lê' }],
    ['Acme Support', undefined, { name: 'Acme Support' }],
    ['Acme Support', '@acme', { name: 'Acme Support', handle: 'acme' }],
    ['@ana.lopez', undefined, { name: '@ana.lopez', handle: 'ana.lopez' }],
    ['ana.lopez', undefined, { name: 'ana.lopez' }],
    ['ben_k92', undefined, { name: 'ben_k92' }],
    ['Ana López', '@ana.lopez', { name: 'Ana López', handle: 'ana.lopez', firstName: 'Ana', lastName: 'López' }],
    ['', '@ana', { name: '@ana', handle: 'ana' }],
    ['🌸🌸', undefined, { name: '🌸🌸' }],
    ['Ana (Acme)', undefined, { name: 'Ana (Acme)', firstName: 'Ana' }],
    // Groups named after their members: no first name to greet.
    ['Ana, Bob, You', undefined, { name: 'Ana, Bob, You' }],
    ['Ana & Bob', undefined, { name: 'Ana & Bob' }],
    ['Ana and Bob', undefined, { name: 'Ana and Bob' }],
    ['Ana, Bob +3', undefined, { name: 'Ana, Bob +3' }],
    ['Ana and 2 others', undefined, { name: 'Ana and 2 others' }],
    ['Ana López', 'ana', { name: 'Ana López', handle: 'ana', firstName: 'Ana', lastName: 'López' }],
    ['Alexandra Anderson', undefined, { name: 'Alexandra Anderson', firstName: 'Alexandra', lastName: 'Anderson' }],
    ['Jane Doe, MBA', undefined, { name: 'Jane Doe, MBA', firstName: 'Jane', lastName: 'Doe' }],
    ['Jane Doe, PhD', undefined, { name: 'Jane Doe, PhD', firstName: 'Jane', lastName: 'Doe' }],
    ['  ', undefined, null],
    [null, undefined, null],
  ] as const)('%j (%j)', (display, handle, expected) => {
    expect(splitName(display, handle)).toEqual(expected);
  });
});

describe('splitName: placeholders, credentials, taglines, groups', () => {
  const person = (name: string, firstName: string, lastName?: string) => ({ name, firstName, ...(lastName ? { lastName } : {}) });
  it.each([
    // Scrapers and CRMs treat these as placeholders (deleted, unknown or system accounts): no one to greet.
    'Instagram User', 'Instagram user', 'Facebook User', 'Messenger User', 'LinkedIn Member', 'Deleted Account', 'Deleted account',
    'Meta AI', 'Meta Business Support', 'My AI',
    // Groups named after members, in other languages (as "Ana and Bob").
    'Ana y Bob', 'Ana et Bob', 'Ana und Bob', 'Ana e Bob', 'Ана и Боб', 'Ana 和 Bob',
    // A business before a tagline stays a business; member lists after a comma stay groups.
    'Acme Support | Help', 'Ana López, Ben Kim', 'ANA LÓPEZ, BEN KIM', 'Weekend hikers, Ana', 'Acme Official',
  ])('no first name: %s', (display) => {
    expect(splitName(display)).toEqual({ name: display });
  });
  it.each([
    // Whole names only: "Ai" is a Japanese given name, "Meta" a family name.
    ['Ai Tanaka', person('Ai Tanaka', 'Ai', 'Tanaka')],
    ['Ana Meta', person('Ana Meta', 'Ana', 'Meta')],
    // LinkedIn name-cleaning scripts strip credentials (PMP, CPA, CFA, SHRM-CP, MBA, MD) and titles ('Ing.', 'Eng.', 'P.Eng').
    ['Jane Doe, CPA', person('Jane Doe, CPA', 'Jane', 'Doe')],
    ['Jane Doe, PMP, SHRM-CP', person('Jane Doe, PMP, SHRM-CP', 'Jane', 'Doe')],
    ['Hans Müller, Dipl.-Ing.', person('Hans Müller, Dipl.-Ing.', 'Hans', 'Müller')],
    ['John Smith, P.Eng', person('John Smith, P.Eng', 'John', 'Smith')],
    ['ANA LÓPEZ, MBA', person('ANA LÓPEZ, MBA', 'Ana', 'LÓPEZ')],
    ['Jane Doe CFA', person('Jane Doe CFA', 'Jane', 'Doe')],
    ['Ana López, she/her', person('Ana López, she/her', 'Ana', 'López')],
    ['Ing. Carlos Pérez', person('Ing. Carlos Pérez', 'Carlos', 'Pérez')],
    ['Lic. María Gómez', person('Lic. María Gómez', 'María', 'Gómez')],
    ['Dra. Ana Ruiz', person('Dra. Ana Ruiz', 'Ana', 'Ruiz')],
    ['Eng. Ahmed Ali', person('Eng. Ahmed Ali', 'Ahmed', 'Ali')],
    ['Eng Wei', person('Eng Wei', 'Eng', 'Wei')], // "Eng" is also a Chinese surname: a title only with a dot
    ['Capt. Jack Sparrow', person('Capt. Jack Sparrow', 'Jack', 'Sparrow')],
    ['Arq. Lucía Gómez', person('Arq. Lucía Gómez', 'Lucía', 'Gómez')],
    ['Dott. Marco Rossi', person('Dott. Marco Rossi', 'Marco', 'Rossi')],
    ['Dipl.-Ing. Hans Müller', person('Dipl.-Ing. Hans Müller', 'Hans', 'Müller')],
    ['Dr.-Ing. Hans Müller', person('Dr.-Ing. Hans Müller', 'Hans', 'Müller')],
    ['Dr. med. Hans Müller', person('Dr. med. Hans Müller', 'Hans', 'Müller')],
    // X and Instagram display names carry taglines after a spaced separator.
    ['Ana López 🇪🇸 | Growth Marketing', person('Ana López 🇪🇸 | Growth Marketing', 'Ana', 'López')],
    ['Ana López – CEO at Acme', person('Ana López – CEO at Acme', 'Ana', 'López')],
    ['Ana López - Sales & Marketing', person('Ana López - Sales & Marketing', 'Ana', 'López')],
    ['Ana López / Acme', person('Ana López / Acme', 'Ana', 'López')],
    ['Ana López (she / her)', person('Ana López (she / her)', 'Ana', 'López')],
    ['Priya Raman Official', person('Priya Raman Official', 'Priya', 'Raman')],
    ['Anna-Lena Schmidt', person('Anna-Lena Schmidt', 'Anna-Lena', 'Schmidt')],
    ['Jean-Pierre Dubois-Martin', person('Jean-Pierre Dubois-Martin', 'Jean-Pierre', 'Dubois-Martin')],
    // "y"/"e" inside a family name, or a middle initial, is no group.
    ['Santiago Ramón y Cajal', person('Santiago Ramón y Cajal', 'Santiago', 'Cajal')],
    ['Ana E Smith', person('Ana E Smith', 'Ana', 'Smith')],
    // A leading initial (common in South Indian names) is skipped.
    ['A. Priya Raman', person('A. Priya Raman', 'Priya', 'Raman')],
    // A name in capitals is greeted in title case ("Hi Ana", not "Hi ANA"); two letters stay (initials).
    ['ANA LÓPEZ', person('ANA LÓPEZ', 'Ana', 'LÓPEZ')],
    ['ANNE-MARIE DUBOIS', person('ANNE-MARIE DUBOIS', 'Anne-Marie', 'DUBOIS')],
    ['NGUYỄN THỊ HOA', person('NGUYỄN THỊ HOA', 'Hoa', 'NGUYỄN')],
    ['AJ', person('AJ', 'AJ')],
    // Dutch, German, Spanish particles belong to the family name ("Dear van der Berg").
    ['Jan van der Berg', person('Jan van der Berg', 'Jan', 'van der Berg')],
    ['María de la Cruz', person('María de la Cruz', 'María', 'de la Cruz')],
    ['Ana María López', person('Ana María López', 'Ana', 'López')],
    // A nickname in quotes is what the person goes by.
    ['Robert "Bob" Smith', person('Robert "Bob" Smith', 'Bob', 'Smith')],
  ] as const)('%s', (display, expected) => {
    expect(splitName(display)).toEqual(expected);
  });
  it('an initial before one word gives no first name ("A. Priya" is Priya, "J. Smith" is not Smith)', () => {
    expect(splitName('J. Smith')).toEqual({ name: 'J. Smith', lastName: 'Smith' });
    expect(splitName('A. Priya')?.firstName).toBeUndefined();
  });
});

describe('MUTED_LABEL', () => {
  it('knows the muted bell in the languages of most users, and nothing else of a row', () => {
    const muted = ['Muted', 'Conversation muted', 'Silenciada', 'Silenciado', 'Stummgeschaltet', 'En sourdine', 'Muet', 'Disattivata', 'Gedempt', 'Wyciszono', 'Ztlumeno', 'Sessize alındı', 'Dibisukan', 'Без звука', 'Tystad', 'Mykistetty', 'Σε σίγαση', 'מושתק', 'مكتوم', 'ミュート中', '已静音', '已靜音', '음소거됨', 'ปิดเสียงแล้ว', 'Đã tắt thông báo'];
    for (const label of muted) expect(MUTED_LABEL.test(label), label).toBe(true);
    const other = ['Unread', 'Verified', 'Active now', 'Seen', 'Message', '3 minutes ago', 'Mark as read', 'Pinned', 'More options', 'Ungelesen', 'Non lu', 'Sin leer', 'Vérifié', 'Communities'];
    for (const label of other) expect(MUTED_LABEL.test(label), label).toBe(false);
  });
});

describe('read helpers', () => {
  it('firstOf takes the first strategy that yields, skipping throws and empties', () => {
    const calls: string[] = [];
    const value = firstOf<string>([
      () => {
        calls.push('a');
        throw new Error('detached');
      },
      () => {
        calls.push('b');
        return '';
      },
      () => {
        calls.push('c');
        return 'found';
      },
      () => {
        calls.push('d');
        return 'late';
      },
    ]);
    expect(value).toBe('found');
    expect(calls).toEqual(['a', 'b', 'c']);
    expect(firstOf([() => null])).toBeNull();
  });

  it('isBold reads computed font weight from style sheets, not class names', () => {
    document.head.innerHTML = '<style>.x1s688f{font-weight:600}.xk50ysn{font-weight:700}</style>';
    document.body.innerHTML =
      '<div id="row"><span class="x1s688f"><span id="a">Ana</span></span><span id="b">Ben</span><b id="c">Cy</b><span class="xk50ysn" id="d">Di</span></div>';
    const row = document.getElementById('row');
    expect(isBold(document.getElementById('a'), row)).toBe(true);
    expect(isBold(document.getElementById('b'), row)).toBe(false);
    expect(isBold(document.getElementById('c'), row)).toBe(true);
    expect(isBold(document.getElementById('d'), row)).toBe(true);
    expect(isBold(null)).toBe(false);
  });

  it('hasDot finds the blue unread dot but not the green presence dot', () => {
    document.head.innerHTML =
      '<style>.x1ey2m1c{background-color:rgb(0, 149, 246)}.xgreen{background-color:rgb(49, 162, 76)}</style>';
    document.body.innerHTML =
      '<div id="unread"><span>Ana</span><div class="x1ey2m1c"></div></div><div id="online"><span>Ben</span><div class="xgreen"></div></div>';
    const blue = ['rgb(0, 149, 246)'];
    expect(hasDot(document.getElementById('unread'), blue)).toBe(true);
    expect(hasDot(document.getElementById('online'), blue)).toBe(false);
    expect(rgbKey('rgba(0, 149, 246, 0)')).toBe('');
    expect(rgbKey('rgba(0,149,246,1)')).toBe('0,149,246');
  });

  it.each([
    ['You: Thanks!', 'Thanks!', true],
    ['Tú: Gracias', 'Gracias', true],
    ['Bạn: Cảm ơn', 'Cảm ơn', true],
    // The prefixes LinkedIn and TikTok were read with (stripYou), now shared by every adapter.
    ['Вы: Спасибо', 'Спасибо', true],
    ['Sen: Teşekkürler', 'Teşekkürler', true],
    ['あなた：ありがとう', 'ありがとう', true],
    ['你: 谢谢', '谢谢', true],
    ['Anda: Terima kasih', 'Terima kasih', true],
    ['Marco: Invoice attached', 'Marco: Invoice attached', false],
    ['You sent an attachment.', 'You sent an attachment.', true],
    ['Youssef is typing', 'Youssef is typing', false],
    ['Is it in stock?', 'Is it in stock?', false],
    // Our own attachments, reactions and shares in the platforms' other UI languages.
    ...[
      'Du hast einen Anhang gesendet.',
      'Du hast mit ❤ auf eine Nachricht reagiert',
      'Hai inviato un allegato.',
      'Você enviou um anexo.',
      'Vous avez réagi 😂 à un message',
      "Tu as annulé l’envoi d’un message",
      'Je hebt een bijlage gestuurd.',
      'Вы отправили вложение.',
      'Wysłałeś(-aś) załącznik.',
      'Anda mengirim lampiran.',
      'Bạn đã gửi một file đính kèm.',
      'Bir ek gönderdin.',
      '你发送了一个附件。',
      'Respondiste a tu mensaje',
    ].map((text): [string, string, boolean] => [text, text, true]),
    // The other side's messages that only start like ours, or ask.
    ...['Du hast recht, danke', 'Hai inviato il pacco?', '¿Enviaste el pedido?', 'Je hebt gelijk', 'Вы сможете прийти завтра', 'Youssef sent a photo'].map(
      (text): [string, string, boolean] => [text, text, false],
    ),
  ])('selfPrefix(%j)', (snippet, text, fromMe) => {
    expect(selfPrefix(snippet)).toEqual({ text, fromMe });
  });
});

describe('row reading helpers', () => {
  it('textBlocks keeps hidden labels, inline emoji and text apart, skips scripts and avatars', () => {
    document.body.innerHTML =
      '<div id="r"><img alt="ana\'s profile picture" src="a.jpg"><span dir="auto">Ana</span>' +
      '<span><span class="hidden">Unread message:</span> Is the <img alt="💙" src="e.png"> one back?</span>' +
      '<script>var x = "<b>no</b>"</script><svg><text>icon</text></svg><span> · </span><abbr>3h</abbr></div>';
    expect(textBlocks(document.getElementById('r'))).toEqual(['Ana', 'Unread message:', 'Is the 💙 one back?', '·', '3h']);
    expect(textBlocks(null)).toEqual([]);
  });

  const parse = (label: string) => ({ '3h': NOW - 3 * HOUR, now: NOW, Mon: at('2026-06-08T00:00:00Z') })[label];
  it.each([
    [['Ana', 'Hi there', '·', '3h'], {}, { name: 'Ana', snippet: 'Hi there', time: NOW - 3 * HOUR }],
    [['Ana', '@ana_l', '·', '3h', 'Hi there'], {}, { name: 'Ana', handle: 'ana_l', snippet: 'Hi there', time: NOW - 3 * HOUR }],
    [['Ana'], {}, { name: 'Ana' }],
    [['now', 'Mon'], {}, { name: 'now', time: at('2026-06-08T00:00:00Z') }], // the name is never the time
    [['Hi there', '3h'], { named: true }, { snippet: 'Hi there', time: NOW - 3 * HOUR }],
    [[], {}, {}],
  ] as const)('rowParts(%j, %j)', (texts, options, expected) => {
    expect(rowParts(texts, NOW, parse, options)).toEqual(expected);
  });

  it('namedPieces: an empty name element stays empty instead of borrowing the snippet', () => {
    document.body.innerHTML = '<div id="r"><span id="n" dir="auto"></span><span dir="auto">Hello</span><abbr>3h</abbr></div>';
    const row = document.getElementById('r')!;
    expect(namedPieces(row, document.getElementById('n'), new Set(['3h']))).toEqual({ name: '', rest: ['Hello'] });
    expect(namedPieces(row, null, new Set())).toEqual({ name: null, rest: ['Hello', '3h'] });
  });

  it('RowIndex.namedPieces reads rows with SVG icons, styles and scripts as textBlocks does', () => {
    // Real rows carry SVG icons with a <title> ("Muted", "Verified"); the fast text walk must skip
    // their text and keep a group joined across them, as the element walk of textBlocks does.
    document.body.innerHTML = `<div id="list">
      <div class="row"><span id="n1"><span dir="auto">Ana López</span><svg><title>Verified</title></svg></span>
        <span dir="auto">Is it <svg viewBox="0 0 1 1"><g><text>ICON</text></g></svg>in stock?</span><abbr><span>3h</span></abbr>
        <svg aria-label="Muted"><title>Muted</title></svg></div>
      <div class="row"><span id="n2">Kai</span><style>.x{color:red}</style><span>Thanks <script>void 0</script>a lot</span>
        <noscript>Enable JS</noscript></div>
      <div class="row"><span id="n3">Lee</span><span>Is the <img alt="💙"> one back?</span></div>
    </div>`;
    const rows = [...document.querySelectorAll('.row')];
    // By queries of the whole list, and row by row (as for the few rows changed since a read).
    for (const fewRows of [0, 100]) {
      const index = new RowIndex(rows, [], fewRows);
      const names = ['n1', 'n2', 'n3'].map((id) => document.getElementById(id));
      const exclude = new Set(['3h']);
      const fast = rows.map((row, i) => index.namedPieces(row, names[i]!, exclude));
      expect(fast).toEqual(rows.map((row, i) => namedPieces(row, names[i]!, exclude)));
      expect(fast[0]).toEqual({ name: 'Ana López', rest: ['Is it in stock?'] });
      expect(fast[1]!.rest).toEqual(['Thanks a lot']);
      expect(fast[2]!.rest).toEqual(['Is the 💙 one back?']);
      // Only the row with an emoji image needs the element walk.
      expect(rows.map((row) => index.plain(row))).toEqual([true, true, false]);
    }
  });

  it('RowIndex answers as row.querySelectorAll would, for rows in order, repeated, nested or out of order', () => {
    // Matches before, between, around and after the rows; a row that is itself a match.
    document.body.innerHTML = `<div id="list" aria-label="Chats">
      <abbr id="before">x</abbr>
      <div class="row" id="a" aria-label="row a"><abbr id="a1">1h</abbr><span aria-label="Unread"></span><abbr id="a2">2h</abbr></div>
      <abbr id="between">y</abbr>
      <div class="row" id="b"><div class="row" id="b-inner"><abbr id="b1">3h</abbr></div><span aria-label="Muted"></span></div>
      <div class="row" id="c"></div>
      <div class="row" id="d"><abbr id="d1">4h</abbr></div>
    </div><abbr id="after">z</abbr>`;
    const byId = (id: string) => document.getElementById(id)!;
    const ids = (els: readonly Element[]) => els.map((el) => el.id);
    const cases: Element[][] = [
      ['a', 'b', 'c', 'd'].map(byId), // in order, none inside another
      ['a', 'a', 'b', 'd', 'd'].map(byId), // the same row twice in a row (two links in one row)
      ['a', 'b', 'b-inner', 'd'].map(byId), // a row inside another
      ['d', 'a', 'c'].map(byId), // out of document order
      ['a', 'd', 'a'].map(byId), // repeated apart
    ];
    // By queries of the whole list (no row counts as few), and row by row (all rows few).
    for (const fewRows of [0, 100]) {
      for (const rows of cases) {
        const index = new RowIndex(rows, ['[aria-label]'], fewRows);
        for (const row of rows) {
          expect(ids(index.all(row, 'abbr'))).toEqual(ids([...row.querySelectorAll('abbr')]));
          expect(ids(index.all(row, '[aria-label]'))).toEqual(ids([...row.querySelectorAll('[aria-label]')]));
          expect(index.first(row, 'abbr')?.id).toBe(row.querySelector('abbr')?.id);
        }
      }
    }
  });

  it('makeRow trims to the limits, leaves unknowns out, and never marks a muted row unread', () => {
    const row = makeRow({
      id: ' 42 ',
      name: ' Ana\u200B ',
      handle: '@ana',
      snippet: 'x'.repeat(500),
      unread: true,
      unreadCount: 3,
      muted: true,
      time: 1.5,
    });
    expect(row).toEqual({ id: '42', name: 'Ana', handle: 'ana', snippet: `${'x'.repeat(139)}…`, unread: false, muted: true });
    expect(makeRow({ id: 'a', name: null, unread: true, unreadCount: 0, lastFromMe: false })).toEqual({
      id: 'a',
      name: '',
      unread: true,
      lastFromMe: false,
    });
  });

  it('uniqueRows drops repeated ids; missingList drops falsy and repeated parts', () => {
    const a = makeRow({ id: 'a', name: 'A', unread: false });
    const b = makeRow({ id: 'b', name: 'B', unread: true });
    expect(uniqueRows([a, b, { ...a, name: 'again' }])).toEqual([a, b]);
    expect(missingList([false, 'composer', null, 'composer', undefined, 'conversation list'])).toEqual(['composer', 'conversation list']);
  });
});
