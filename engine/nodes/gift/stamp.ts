/**
 * `Date.parse` for the one form adapters write (`2026-11-11T00:00:00+08:00`, optionally with
 * milliseconds or `Z`), worked out by arithmetic. `Date.parse` goes through the runtime's general
 * date parser, a few hundred nanoseconds a stamp; gift windows, day caps, substitutions and merge
 * waits read an order's time several times per order. Anything not exactly in that form — other
 * fraction lengths, an impossible day, hour or offset — takes `Date.parse` itself, so the answer is
 * `Date.parse`'s for every string.
 */
export function parseStamp(stamp: string): number {
  const at = fastStamp(stamp);
  return Number.isNaN(at) ? Date.parse(stamp) : at;
}

/**
 * The instant of a stamp in the strict form `YYYY-MM-DDTHH:MM:SS[.mmm](Z|±HH:MM)` with a real
 * calendar day, hours 00–23 and minutes and seconds 00–59 (offset hours 00–23); NaN for anything
 * else, which then may or may not be a time `Date.parse` reads.
 */
export function fastStamp(s: string): number {
  const n = s.length;
  // 20: `…SSZ`; 24: `….mmmZ`; 25: `…SS+08:00`; 29: `….mmm+08:00`.
  if (n !== 20 && n !== 24 && n !== 25 && n !== 29) return Number.NaN;
  if (
    s.charCodeAt(4) !== DASH ||
    s.charCodeAt(7) !== DASH ||
    s.charCodeAt(10) !== T ||
    s.charCodeAt(13) !== COLON ||
    s.charCodeAt(16) !== COLON
  )
    return Number.NaN;
  const century = pair(s, 0);
  const yy = pair(s, 2);
  const month = pair(s, 5);
  const day = pair(s, 8);
  const hour = pair(s, 11);
  const minute = pair(s, 14);
  const second = pair(s, 17);
  // A pair that is not two digits reads -1 and fails a lower bound below.
  if (century < 0 || yy < 0) return Number.NaN;
  const year = century * 100 + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return Number.NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return Number.NaN;
  let at = 19;
  let millis = 0;
  if (n === 24 || n === 29) {
    const tens = pair(s, 20);
    const last = s.charCodeAt(22) - ZERO;
    if (s.charCodeAt(19) !== DOT || tens < 0 || last < 0 || last > 9) return Number.NaN;
    millis = tens * 10 + last;
    at = 23;
  }
  let offsetMinutes = 0;
  const sign = s.charCodeAt(at);
  if (sign === Z) {
    if (at + 1 !== n) return Number.NaN;
  } else {
    if ((sign !== PLUS && sign !== MINUS) || at + 6 !== n || s.charCodeAt(at + 3) !== COLON)
      return Number.NaN;
    const offsetHour = pair(s, at + 1);
    const offsetMinute = pair(s, at + 4);
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return Number.NaN;
    offsetMinutes = (offsetHour * 60 + offsetMinute) * (sign === PLUS ? 1 : -1);
  }
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millis;
}

const DASH = 45;
const T = 84;
const COLON = 58;
const DOT = 46;
const Z = 90;
const PLUS = 43;
const MINUS = 45;
const ZERO = 48;

/** Two decimal digits as a number, or -1 when either character is not a digit. */
function pair(s: string, i: number): number {
  const tens = s.charCodeAt(i) - ZERO;
  const ones = s.charCodeAt(i + 1) - ZERO;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
