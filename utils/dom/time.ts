import { cleanText, toAsciiDigits } from './text';

/**
 * Turn the time labels of DM lists into epoch ms against a given clock:
 * "now", "5m", "3h", "2d", "1w", "Yesterday", "Mon", "10:42", "10:42 PM", "Jun 3", "3/6/25",
 * ISO datetimes. Day-precision labels give the start of that day (local time). Unknown → undefined.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Units of relative labels in the platforms' UI languages: English, Spanish, Portuguese, French,
// German, Italian, Dutch, Vietnamese, Russian, Turkish, Polish, Indonesian, Arabic, Hebrew,
// Japanese, Chinese, Korean. (Indonesian "j" for jam is left out: French "j" is jours.)
const UNIT_MS: [RegExp, number][] = [
  [/^(s|sec|secs|second|seconds|seg|sek|giây|с|сек|sn|saniye|dtk|detik|ث|ثانية|ثوان|שניות|秒|초)$/, 1000],
  [/^(m|min|mins|minute|minutes|minuto|minutos|minuti|minute[sn]?|mn|phút|мин|минут|минуты|минуту|dk|dakika|menit|mnt|د|دقيقة|دقائق|دقيقتين|דק|דקה|דקות|分|分钟|分鐘|분)$/, MINUTE],
  [/^(h|hr|hrs|hour|hours|hora|horas|heure|heures|std|stunde|stunden|giờ|ore|ora|u|uur|ч|час|часа|часов|sa|saat|godz|godzin|godziny|godzinę|jam|س|ساعة|ساعات|ساعتين|שעה|שעות|時間|小时|小時|시간)$/, HOUR],
  [/^(d|day|days|dia|dias|día|días|jour|jours|j|tag|tage|t|ngày|g|giorno|giorni|dag|dagen|д|дн|день|дня|дней|gün|dni|dzień|hari|ي|يوم|أيام|يومين|יום|ימים|日|天|일)$/, DAY],
  [/^(w|wk|wks|week|weeks|weken|sem|semana|semanas|semaine|semaines|woche|wochen|tuần|sett|settimana|settimane|нед|неделю|недели|недель|hf|hafta|tydz|tyg|tygodnie|mgg|minggu|أسبوع|أسابيع|שבוע|שבועות|週|週間|周|주)$/, 7 * DAY],
  [/^(mo|month|months|mes|meses|mois|mese|mesi|mnd|maand|maanden|мес|месяц|месяца|месяцев|ay|mies|bln|bulan|شهر|أشهر|شهور|חודש|חודשים|か月|ヶ月|カ月|个月|個月|개월)$/, 30 * DAY],
  [/^(y|yr|yrs|year|years|año|años|ano|anos|an|ans|jahr|jahre|anno|anni|jaar|г|год|года|лет|yıl|rok|lata|lat|thn|tahun|سنة|سنوات|שנה|שנים|年|년)$/, 365 * DAY],
];

const NOW_WORDS = /^(now|just now|active now|ahora|agora|maintenant|jetzt|adesso|şimdi|az önce|сейчас|только что|teraz|nu|sekarang|baru saja|الآن|עכשיו|たった今|今|刚刚|剛剛|방금|지금)$/;
const YESTERDAY_WORDS = /^(yesterday|ayer|ontem|hier|gestern|ieri|dün|вчера|hôm qua|gisteren|wczoraj|kemarin|أمس|אתמול|昨日|昨天|어제)$/;
const TODAY_WORDS = /^(today|hoy|hoje|aujourd'hui|heute|oggi|hôm nay|vandaag|сегодня|bugün|dzisiaj|hari ini|اليوم|היום|今日|今天|오늘)$/;
// "Ago" words before the number ("hace 3 h", "منذ 3 ساعات") and after it ("3 ч назад", "3時間前").
const AGO_BEFORE = /^(hace|há|il y a|vor|منذ|قبل|לפני)\s+/;
const AGO_AFTER = /\s+(ago|atrás|fa|назад|önce|geleden|temu|lalu|전)$|前$/;

// Short forms that are common words elsewhere ("sob", "per", "cum", "sal", "pon", "paz") are left
// out: a one-word message would read as a day.
const WEEKDAYS: string[][] = [
  ['sun', 'sunday', 'dom', 'domingo', 'minggu', 'chủ nhật', 'יום ראשון', 'dim', 'dimanche', 'so', 'sonntag', 'domenica', 'zo', 'zondag', 'pazar', 'вс', 'воскресенье', 'niedz', 'niedziela', 'الأحد', '日曜日', '日曜', '星期日', '星期天', '周日', '週日', '일요일'],
  ['mon', 'monday', 'lun', 'lunes', 'seg', 'segunda', 'segunda-feira', 'senin', 'thứ hai', 'יום שני', 'lundi', 'mo', 'montag', 'lunedì', 'ma', 'maandag', 'pzt', 'pazartesi', 'пн', 'понедельник', 'poniedziałek', 'الاثنين', 'الإثنين', '月曜日', '月曜', '星期一', '周一', '週一', '월요일'],
  ['tue', 'tues', 'tuesday', 'mar', 'martes', 'ter', 'terça', 'terça-feira', 'selasa', 'thứ ba', 'יום שלישי', 'mardi', 'di', 'dienstag', 'martedì', 'dinsdag', 'salı', 'вт', 'вторник', 'wt', 'wtorek', 'الثلاثاء', '火曜日', '火曜', '星期二', '周二', '週二', '화요일'],
  ['wed', 'wednesday', 'mié', 'mie', 'miércoles', 'qua', 'quarta', 'quarta-feira', 'rabu', 'thứ tư', 'יום רביעי', 'mer', 'mercredi', 'mi', 'mittwoch', 'mercoledì', 'wo', 'woensdag', 'çar', 'çarşamba', 'ср', 'среда', 'śr', 'środa', 'الأربعاء', '水曜日', '水曜', '星期三', '周三', '週三', '수요일'],
  ['thu', 'thur', 'thurs', 'thursday', 'jue', 'jueves', 'qui', 'quinta', 'quinta-feira', 'kamis', 'thứ năm', 'יום חמישי', 'jeu', 'jeudi', 'do', 'donnerstag', 'gio', 'giovedì', 'donderdag', 'perşembe', 'чт', 'четверг', 'czw', 'czwartek', 'الخميس', '木曜日', '木曜', '星期四', '周四', '週四', '목요일'],
  ['fri', 'friday', 'vie', 'viernes', 'sex', 'sexta', 'sexta-feira', 'jumat', "jum'at", 'thứ sáu', 'יום שישי', 'ven', 'vendredi', 'fr', 'freitag', 'venerdì', 'vr', 'vrijdag', 'cuma', 'пт', 'пятница', 'pt', 'piątek', 'الجمعة', '金曜日', '金曜', '星期五', '周五', '週五', '금요일'],
  ['sat', 'saturday', 'sáb', 'sab', 'sábado', 'sabado', 'sabtu', 'thứ bảy', 'שבת', 'sam', 'samedi', 'sa', 'samstag', 'sabato', 'za', 'zaterdag', 'cmt', 'cumartesi', 'сб', 'суббота', 'sobota', 'السبت', '土曜日', '土曜', '星期六', '周六', '週六', '토요일'],
];

const MONTHS: string[][] = [
  ['jan', 'january', 'ene', 'enero', 'janv', 'janvier', 'januar', 'gen', 'gennaio', 'januari', 'oca', 'ocak', 'sty', 'stycznia', 'янв', 'января', 'январь', 'يناير', 'كانون الثاني'],
  ['feb', 'february', 'fev', 'fév', 'febrero', 'févr', 'février', 'februar', 'febbraio', 'februari', 'şub', 'şubat', 'lut', 'lutego', 'фев', 'февр', 'февраля', 'февраль', 'فبراير'],
  ['mar', 'march', 'marzo', 'mars', 'märz', 'mär', 'mrt', 'maart', 'mart', 'marca', 'мар', 'марта', 'март', 'مارس'],
  ['apr', 'april', 'abr', 'abril', 'avr', 'avril', 'aprile', 'nis', 'nisan', 'kwi', 'kwietnia', 'апр', 'апреля', 'апрель', 'أبريل', 'ابريل'],
  ['may', 'mayo', 'mai', 'mag', 'maggio', 'mei', 'mayıs', 'maj', 'maja', 'мая', 'май', 'مايو'],
  ['jun', 'june', 'junio', 'juin', 'juni', 'giu', 'giugno', 'haz', 'haziran', 'cze', 'czerwca', 'июн', 'июня', 'июнь', 'يونيو'],
  ['jul', 'july', 'julio', 'juil', 'juillet', 'juli', 'lug', 'luglio', 'tem', 'temmuz', 'lip', 'lipca', 'июл', 'июля', 'июль', 'يوليو'],
  ['aug', 'august', 'ago', 'agosto', 'août', 'aout', 'agu', 'agustus', 'augustus', 'ağu', 'ağustos', 'sie', 'sierpnia', 'авг', 'августа', 'август', 'أغسطس'],
  ['sep', 'sept', 'september', 'septiembre', 'set', 'setembro', 'septembre', 'settembre', 'eyl', 'eylül', 'wrz', 'września', 'сен', 'сент', 'сентября', 'сентябрь', 'سبتمبر'],
  ['oct', 'october', 'octubre', 'out', 'outubro', 'octobre', 'okt', 'oktober', 'ott', 'ottobre', 'eki', 'ekim', 'paź', 'października', 'окт', 'октября', 'октябрь', 'أكتوبر'],
  ['nov', 'november', 'noviembre', 'novembro', 'novembre', 'kas', 'kasım', 'lis', 'listopada', 'ноя', 'нояб', 'ноября', 'ноябрь', 'نوفمبر'],
  ['dec', 'december', 'dic', 'diciembre', 'dez', 'dezembro', 'déc', 'décembre', 'dezember', 'dicembre', 'des', 'desember', 'ara', 'aralık', 'gru', 'grudnia', 'дек', 'декабря', 'декабрь', 'ديسمبر'],
];

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

function indexIn(table: string[][], word: string): number {
  const w = word.replace(/\.$/, '');
  return table.findIndex((names) => names.includes(w));
}

export interface ParseTimeOptions {
  /** Numeric dates: 'mdy' (en-US, default) or 'dmy'. Ambiguity resolves by range (13/6 is d/m). */
  dateOrder?: 'mdy' | 'dmy';
}

/**
 * A datetime attribute in ISO 8601's own form ("2026-06-10T09:15:00.000Z", "2026-06-10"): nothing
 * in it for cleaning, digit folding or case to change, so it is parsed as it is. Every row of
 * Snapchat's list has one (2024–2026): the general path below was ~9 % of its 500-row read.
 */
const ISO_AS_IS = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

// A date alone ("2023-12-20", a label in English (Canada)) is that day's local midnight, as every
// day-precision label is (Date.parse would take it as UTC midnight).
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseTime(label: string | null | undefined, now: number, options: ParseTimeOptions = {}): number | undefined {
  if (label && ISO_AS_IS.test(label)) {
    const date = ISO_DATE.exec(label);
    if (date) return dateIn(now, Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    const ms = Date.parse(label);
    return Number.isFinite(ms) ? ms : undefined;
  }
  const text = toAsciiDigits(cleanText(label)).toLowerCase().replace(/^[·•]\s*/, '');
  if (!text || text.length > 60) return undefined;

  // ISO 8601 (Snapchat <time datetime>, WhatsApp data attributes).
  const date = ISO_DATE.exec(text);
  if (date) return dateIn(now, Number(date[1]), Number(date[2]) - 1, Number(date[3]));
  if (/^\d{4}-\d{2}-\d{2}(t|\s|$)/.test(text)) {
    const ms = Date.parse(text.toUpperCase());
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (NOW_WORDS.test(text)) return now;
  if (TODAY_WORDS.test(text)) return startOfDay(now);
  if (YESTERDAY_WORDS.test(text)) return startOfDay(startOfDay(now) - 1);


  // Relative: "5m", "3 h", "2 days ago", "hace 3 h", "il y a 2 j", "vor 5 Min", "3時間前".
  const relative = text
    .replace(AGO_BEFORE, '')
    .replace(AGO_AFTER, '')
    .replace(/^(an?|one|un|una|une|um|uma|einer?|einem)\s+/, '1 ') // "an hour ago", "hace una hora"
    .match(/^(\d+)\s*(\p{L}+)\.?$/u);
  if (relative) {
    const unit = UNIT_MS.find(([pattern]) => pattern.test(relative[2]!));
    if (unit) return now - Number(relative[1]) * unit[1];
  }

  // Clock: "10:42", "10:42 pm", "22:15"; the day period after it ("8:28 p. m." in Spanish, "ÖS"
  // in Turkish, "م" in Arabic) or before it ("오후 10:42", "下午10:42", "午後10:42").
  const clock = text.match(/^(오전|오후|上午|下午|午前|午後)?\s*(\d{1,2})[:.h](\d{2})\s*(am|pm|a\.\s?m\.|p\.\s?m\.|öö|ös|ص|م)?$/);
  if (clock) {
    let hours = Number(clock[2]);
    const minutes = Number(clock[3]);
    const meridiem = PERIODS[(clock[4] ?? clock[1] ?? '').replace(/[.\s]/g, '')];
    if (meridiem === 'pm' && hours < 12) hours += 12;
    if (meridiem === 'am' && hours === 12) hours = 0;
    if (hours > 23 || minutes > 59) return undefined;
    const d = new Date(now);
    d.setHours(hours, minutes, 0, 0);
    // A clock time later than now is from yesterday.
    return d.getTime() > now + MINUTE ? d.getTime() - DAY : d.getTime();
  }

  // Weekday: the most recent such day before today.
  const weekday = indexIn(WEEKDAYS, text);
  if (weekday >= 0) {
    const today = new Date(now).getDay();
    const back = (today - weekday + 7) % 7 || 7;
    const d = new Date(startOfDay(now));
    d.setDate(d.getDate() - back);
    return d.getTime();
  }

  // "Jun 3", "3 Jun", "Jun 3, 2025", "3 de junio", "3 июня", "٣ يونيو".
  const monthDay =
    text.match(/^(\p{L}+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/u) ??
    text.match(/^(\d{1,2})\.?\s+(?:de\s+)?(\p{L}+)\.?(?:,?\s+(?:de\s+)?(\d{4}))?$/u);
  if (monthDay) {
    const [monthWord, dayText] = /^\d/.test(monthDay[1]!) ? [monthDay[2]!, monthDay[1]!] : [monthDay[1]!, monthDay[2]!];
    const month = indexIn(MONTHS, monthWord);
    if (month >= 0) return dateIn(now, monthDay[3] ? Number(monthDay[3]) : undefined, month, Number(dayText));
  }

  // Japanese, Chinese and Korean dates: "6月3日", "2025年6月3日", "6월 3일".
  const cjk = text.match(/^(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]$/);
  if (cjk) return dateIn(now, cjk[1] ? Number(cjk[1]) : undefined, Number(cjk[2]) - 1, Number(cjk[3]));

  // Year first: "2023/12/20" (English (South Africa)), "2026/6/3".
  const yearFirst = text.match(/^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/);
  if (yearFirst) return dateIn(now, Number(yearFirst[1]), Number(yearFirst[2]) - 1, Number(yearFirst[3]));

  // Numeric: "3/6/25", "03/06/2025", "3.6.25". Dotted dates are day-first in every language that
  // writes them; a date read month-first that lies in the future is read day-first (a list shows
  // past times).
  const numeric = text.match(/^(\d{1,2})([/.-])(\d{1,2})[/.-](\d{2}|\d{4})$/);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[3]);
    const order = numeric[2] === '.' ? 'dmy' : (options.dateOrder ?? 'mdy');
    let [month, day] = order === 'mdy' ? [a, b] : [b, a];
    if (month > 12 && day <= 12) [month, day] = [day, month];
    let year = Number(numeric[4]);
    if (year < 100) year += 2000;
    const read = dateIn(now, year, month - 1, day);
    if (read !== undefined && read > now + DAY && day <= 12) return dateIn(now, year, day - 1, month) ?? read;
    return read;
  }
  return undefined;
}

// Day periods, by what the clock's label writes ("a. m." and "p. m." without dots and spaces).
const PERIODS: Record<string, 'am' | 'pm'> = { am: 'am', pm: 'pm', öö: 'am', ös: 'pm', ص: 'am', م: 'pm', 오전: 'am', 오후: 'pm', 上午: 'am', 下午: 'pm', 午前: 'am', 午後: 'pm' };

/** Local midnight of a calendar date; without a year, the latest such date not after now. */
function dateIn(now: number, year: number | undefined, month: number, day: number): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  const thisYear = new Date(now).getFullYear();
  const d = new Date(year ?? thisYear, month, day);
  if (d.getMonth() !== month) return undefined;
  if (year === undefined && d.getTime() > now) d.setFullYear(thisYear - 1);
  return d.getTime();
}
