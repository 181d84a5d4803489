import { cleanText, toAsciiDigits } from './text';

/**
 * Turn the time labels of DM lists into epoch ms against a given clock:
 * "now", "5m", "3h", "2d", "1w", "Yesterday", "Mon", "10:42", "10:42 PM", "Jun 3", "3/6/25",
 * ISO datetimes. Day-precision labels give the start of that day (local time). Unknown → undefined.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNIT_MS: [RegExp, number][] = [
  [/^(s|sec|secs|second|seconds|seg|sek|giây)$/, 1000],
  [/^(m|min|mins|minute|minutes|minuto|minutos|minute[sn]?|mn|phút)$/, MINUTE],
  [/^(h|hr|hrs|hour|hours|hora|horas|heure|heures|std|stunde|stunden|giờ)$/, HOUR],
  [/^(d|day|days|dia|dias|día|días|jour|jours|j|tag|tage|t|ngày)$/, DAY],
  [/^(w|wk|wks|week|weeks|sem|semana|semanas|semaine|semaines|woche|wochen|tuần)$/, 7 * DAY],
  [/^(mo|month|months|mes|meses|mois)$/, 30 * DAY],
  [/^(y|yr|yrs|year|years|año|años|ano|anos|an|ans|jahr|jahre)$/, 365 * DAY],
];

const NOW_WORDS = /^(now|just now|active now|ahora|agora|maintenant|jetzt|adesso|şimdi|сейчас)$/;
const YESTERDAY_WORDS = /^(yesterday|ayer|ontem|hier|gestern|ieri|dün|вчера|hôm qua)$/;
const TODAY_WORDS = /^(today|hoy|hoje|aujourd'hui|heute|oggi|hôm nay)$/;

const WEEKDAYS: string[][] = [
  ['sun', 'sunday', 'dom', 'domingo', 'dim', 'dimanche', 'so', 'sonntag'],
  ['mon', 'monday', 'lun', 'lunes', 'seg', 'segunda', 'lundi', 'mo', 'montag'],
  ['tue', 'tues', 'tuesday', 'mar', 'martes', 'ter', 'terça', 'mardi', 'di', 'dienstag'],
  ['wed', 'wednesday', 'mié', 'mie', 'miércoles', 'qua', 'quarta', 'mer', 'mercredi', 'mi', 'mittwoch'],
  ['thu', 'thur', 'thurs', 'thursday', 'jue', 'jueves', 'qui', 'quinta', 'jeu', 'jeudi', 'do', 'donnerstag'],
  ['fri', 'friday', 'vie', 'viernes', 'sex', 'sexta', 'ven', 'vendredi', 'fr', 'freitag'],
  ['sat', 'saturday', 'sáb', 'sab', 'sábado', 'sabado', 'sam', 'samedi', 'sa', 'samstag'],
];

const MONTHS: string[][] = [
  ['jan', 'january', 'ene', 'enero', 'janv', 'janvier', 'januar'],
  ['feb', 'february', 'fev', 'fév', 'febrero', 'févr', 'février', 'februar'],
  ['mar', 'march', 'marzo', 'mars', 'märz'],
  ['apr', 'april', 'abr', 'abril', 'avr', 'avril'],
  ['may', 'mayo', 'mai'],
  ['jun', 'june', 'junio', 'juin', 'juni'],
  ['jul', 'july', 'julio', 'juil', 'juillet', 'juli'],
  ['aug', 'august', 'ago', 'agosto', 'août', 'aout'],
  ['sep', 'sept', 'september', 'septiembre', 'set', 'setembro', 'septembre'],
  ['oct', 'october', 'octubre', 'out', 'outubro', 'octobre', 'okt', 'oktober'],
  ['nov', 'november', 'noviembre', 'novembro', 'novembre'],
  ['dec', 'december', 'dic', 'diciembre', 'dez', 'dezembro', 'déc', 'décembre', 'dezember'],
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

export function parseTime(label: string | null | undefined, now: number, options: ParseTimeOptions = {}): number | undefined {
  if (label && ISO_AS_IS.test(label)) {
    const ms = Date.parse(label);
    return Number.isFinite(ms) ? ms : undefined;
  }
  const text = toAsciiDigits(cleanText(label)).toLowerCase().replace(/^[·•]\s*/, '');
  if (!text || text.length > 60) return undefined;

  // ISO 8601 (Snapchat <time datetime>, WhatsApp data attributes).
  if (/^\d{4}-\d{2}-\d{2}(t|\s|$)/.test(text)) {
    const ms = Date.parse(text.toUpperCase());
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (NOW_WORDS.test(text)) return now;
  if (TODAY_WORDS.test(text)) return startOfDay(now);
  if (YESTERDAY_WORDS.test(text)) return startOfDay(startOfDay(now) - 1);


  // Relative: "5m", "3 h", "2 days ago", "hace 3 h", "il y a 2 j", "vor 5 Min".
  const relative = text
    .replace(/^(hace|há|il y a|vor)\s+/, '')
    .replace(/\s+(ago|atrás)$/, '')
    .replace(/^(an?|one|un|una|une|um|uma|einer?|einem)\s+/, '1 ') // "an hour ago", "hace una hora"
    .match(/^(\d+)\s*(\p{L}+)\.?$/u);
  if (relative) {
    const unit = UNIT_MS.find(([pattern]) => pattern.test(relative[2]!));
    if (unit) return now - Number(relative[1]) * unit[1];
  }

  // Clock: "10:42", "10:42 pm", "22:15".
  const clock = text.match(/^(\d{1,2})[:.h](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?$/);
  if (clock) {
    let hours = Number(clock[1]);
    const minutes = Number(clock[2]);
    const meridiem = clock[3]?.replace(/\./g, '');
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

  // "Jun 3", "3 Jun", "Jun 3, 2025", "3 de junio".
  const monthDay =
    text.match(/^([a-zà-ÿ]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/) ??
    text.match(/^(\d{1,2})\.?\s+(?:de\s+)?([a-zà-ÿ]+)\.?(?:,?\s+(?:de\s+)?(\d{4}))?$/);
  if (monthDay) {
    const [monthWord, dayText] = /^\d/.test(monthDay[1]!) ? [monthDay[2]!, monthDay[1]!] : [monthDay[1]!, monthDay[2]!];
    const month = indexIn(MONTHS, monthWord);
    if (month >= 0) return dateIn(now, monthDay[3] ? Number(monthDay[3]) : undefined, month, Number(dayText));
  }

  // Numeric: "3/6/25", "03/06/2025", "3.6.25".
  const numeric = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const order = options.dateOrder ?? 'mdy';
    let [month, day] = order === 'mdy' ? [a, b] : [b, a];
    if (month > 12 && day <= 12) [month, day] = [day, month];
    let year = Number(numeric[3]);
    if (year < 100) year += 2000;
    return dateIn(now, year, month - 1, day);
  }
  return undefined;
}

/** Local midnight of a calendar date; without a year, the latest such date not after now. */
function dateIn(now: number, year: number | undefined, month: number, day: number): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  const thisYear = new Date(now).getFullYear();
  const d = new Date(year ?? thisYear, month, day);
  if (d.getMonth() !== month) return undefined;
  if (year === undefined && d.getTime() > now) d.setFullYear(thisYear - 1);
  return d.getTime();
}
