import { digitsAt } from './digits.ts';

const DAY_MS = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date; a day past the month's end runs on, as `Date.UTC` does. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * `Date.parse(text)`, with the form orders carry — `2026-11-11T00:03:12+08:00`, `…Z`, milliseconds
 * as `.123` — read by arithmetic: Date.parse was a third of a cheap fact's time (measured). Anything
 * else (other lengths, out-of-range fields, `24:00`) goes to Date.parse itself, so the answer is
 * always Date.parse's; a property test holds them equal.
 */
export function parseIsoTime(text: string): number {
  // An order built without a schema may lack the field: Date.parse says NaN, as before.
  if (typeof text !== 'string') return Date.parse(text);
  const length = text.length;
  if (length < 20 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) {
    return Date.parse(text);
  }
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Date.parse(text);
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) return Date.parse(text);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return Date.parse(text);
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46) {
    ms = digitsAt(text, at + 1, 3);
    at += 4;
    if (ms < 0 || (at < length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57))
      return Date.parse(text);
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(at);
  if (zone === 90 && length === at + 1) {
    offsetMinutes = 0;
  } else if ((zone === 43 || zone === 45) && length === at + 6 && text.charCodeAt(at + 3) === 58) {
    const hours = digitsAt(text, at + 1, 2);
    const minutes = digitsAt(text, at + 4, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Date.parse(text);
    offsetMinutes = (zone === 43 ? 1 : -1) * (hours * 60 + minutes);
  } else {
    return Date.parse(text);
  }
  return (
    daysFromCivil(year, month, day) * DAY_MS +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1000 +
    ms -
    offsetMinutes * 60_000
  );
}

let lastStamp: string | undefined;
let lastInstant = Number.NaN;
let otherStamp: string | undefined;
let otherInstant = Number.NaN;

/**
 * `parseIsoTime`, remembering the last two stamps: one order's facts (minutes since paid) and its
 * gift, substitution, merge and hold stages ask about its pay time again and again, some rules
 * about its created time in between.
 */
export function orderInstant(stamp: string): number {
  if (stamp === lastStamp) return lastInstant;
  const at = stamp === otherStamp ? otherInstant : parseIsoTime(stamp);
  otherStamp = lastStamp;
  otherInstant = lastInstant;
  lastStamp = stamp;
  lastInstant = at;
  return at;
}
