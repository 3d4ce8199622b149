/**
 * Date patterns as consultants write them (`yyyy/MM/dd HH:mm:ss`, `yyyy-M-d H:mm`): yyyy, MM or M,
 * dd or d, HH or H, mm, ss; any other character stands for itself and a space for any run of spaces.
 */
const TOKENS = [
  ['yyyy', '(?<y>\\d{4})'],
  ['MM', '(?<mo>\\d{2})'],
  ['M', '(?<mo>\\d{1,2})'],
  ['dd', '(?<d>\\d{2})'],
  ['d', '(?<d>\\d{1,2})'],
  ['HH', '(?<h>\\d{2})'],
  ['H', '(?<h>\\d{1,2})'],
  ['mm', '(?<mi>\\d{2})'],
  ['ss', '(?<s>\\d{2})'],
] as const;

export type DateFormat = RegExp;

/** The pattern as a regular expression, or a message saying what is wrong with it. */
export function compileDateFormat(pattern: string): DateFormat | string {
  let source = '';
  const seen = new Set<string>();
  for (let i = 0; i < pattern.length; ) {
    const token = TOKENS.find(([t]) => pattern.startsWith(t, i));
    if (token) {
      const group = /<(\w+)>/.exec(token[1])![1]!;
      if (seen.has(group)) return `"${pattern}" names ${token[0]} twice`;
      seen.add(group);
      source += token[1];
      i += token[0].length;
    } else if (/\s/.test(pattern[i]!)) {
      source += '\\s+';
      while (/\s/.test(pattern[i] ?? '')) i++;
    } else if (/[A-Za-z]/.test(pattern[i]!)) {
      if (pattern[i] === 'T') {
        source += 'T';
        i++;
      } else return `"${pattern}" has "${pattern[i]}", which is not yyyy, MM, M, dd, d, HH, H, mm or ss`;
    } else {
      source += pattern[i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i++;
    }
  }
  if (!seen.has('y') || !seen.has('mo') || !seen.has('d')) return `"${pattern}" needs yyyy, M and d`;
  return new RegExp(`^${source}$`);
}

/**
 * The cell as an ISO time with the given offset ("2026-11-11T00:03:17+08:00"): the local time
 * the export wrote, in the zone it was written in. null when no format matches or the date does
 * not exist (2025-02-30).
 */
export function readDate(text: string, formats: readonly DateFormat[], offset: string): string | null {
  for (const format of formats) {
    const g = format.exec(text)?.groups;
    if (!g) continue;
    const [y, mo, d, h, mi, s] = [g.y, g.mo, g.d, g.h ?? '0', g.mi ?? '0', g.s ?? '0'].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
    return `${date.toISOString().slice(0, 19)}${offset}`;
  }
  return null;
}
