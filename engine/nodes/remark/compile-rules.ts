import { containsWord, foldPlain, normaliseRemark, prepareWord, type Word } from './fold-text.ts';
import type { RemarkRule, Scalar } from './remark-schema.ts';

/** One value one rule found in one text, with the words that gave it away. */
export interface Finding {
  ruleId: string;
  key: string;
  value: Scalar;
  evidence: string;
}

interface Text {
  /** NFKC, case kept: regexes and bracket codes read this. */
  plain: string;
  /** NFKC, lower case, no white space: keywords and dictionaries read this. */
  folded: string;
}

/** Adds what one rule finds in one text to `out`: one array per text rather than one per rule and text. */
type Matcher = (text: Text, out: Finding[]) => void;

function prepareText(text: string): Text {
  const plain = normaliseRemark(text);
  return { plain, folded: foldPlain(plain) };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `$1`, `$<name>`, `$&`, `$$` as String.prototype.replace reads them, from one match. */
function fillTemplate(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\$|&|\d|<([^>]+)>)/g, (_, token: string, name?: string) => {
    if (token === '$') return '$';
    if (token === '&') return match[0];
    if (name !== undefined) return match.groups?.[name] ?? '';
    return match[Number(token)] ?? '';
  });
}

/**
 * The next match of a global regex from its `lastIndex`, stepping past an empty match as
 * `String.prototype.matchAll` does. A loop over this, after setting `lastIndex` to 0, visits the
 * matches matchAll gives without the copy of the regex matchAll makes on every call.
 */
function nextMatch(regex: RegExp, text: string): RegExpExecArray | null {
  const match = regex.exec(text);
  if (match !== null && match[0] === '') {
    const at = regex.lastIndex;
    const pair =
      (regex.unicode || regex.flags.includes('v')) &&
      at + 1 < text.length &&
      isHighSurrogate(text.charCodeAt(at)) &&
      isLowSurrogate(text.charCodeAt(at + 1));
    regex.lastIndex = at + (pair ? 2 : 1);
  }
  return match;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function containsAnyWord(folded: string, words: readonly Word[]): boolean {
  for (const word of words) if (containsWord(folded, word)) return true;
  return false;
}

function firstWordIn(folded: string, words: readonly Word[]): Word | undefined {
  for (const word of words) if (containsWord(folded, word)) return word;
  return undefined;
}

function keywordsMatcher(rule: Extract<RemarkRule, { type: 'keywords' }>): Matcher {
  const keywords = rule.keywords.map(prepareWord);
  const unless = rule.unless.map(prepareWord);
  return ({ folded }, out) => {
    if (containsAnyWord(folded, unless)) return;
    // A list only once a word is found: most texts hold none of a rule's words.
    let found: Word[] | undefined;
    for (const word of keywords) {
      if (!containsWord(folded, word)) continue;
      found ??= [];
      found.push(word);
    }
    const count = found?.length ?? 0;
    const hit = rule.match === 'all' ? count === keywords.length : count > 0;
    if (hit) {
      out.push({
        ruleId: rule.id,
        key: rule.key,
        value: rule.value,
        evidence: (found ?? []).map((w) => w.text).join(' '),
      });
    }
  };
}

/** The rule's pattern, compiled once per rule set; `g` so a collecting rule can take every match. */
export function ruleRegex(rule: { pattern: string; flags: string }): RegExp | string {
  try {
    return new RegExp(rule.pattern, `${rule.flags}g`);
  } catch (error) {
    return (error as Error).message;
  }
}

function regexMatcher(rule: Extract<RemarkRule, { type: 'regex' }>, regex: RegExp): Matcher {
  return ({ plain }, out) => {
    regex.lastIndex = 0;
    for (let match = nextMatch(regex, plain); match !== null; match = nextMatch(regex, plain)) {
      const value = fillTemplate(rule.value, match).trim();
      if (!value) continue;
      out.push({ ruleId: rule.id, key: rule.key, value, evidence: match[0] });
      if (!rule.collect) break;
    }
  };
}

function codeMatcher(rule: Extract<RemarkRule, { type: 'code' }>): Matcher {
  const codes = new Map(rule.codes.map(({ code, value }) => [code.toUpperCase().replace(/\s+/g, ''), value]));
  const prefix = rule.prefix.toUpperCase();
  const pairs = rule.brackets.map(([open, close]) => ({
    open: normaliseRemark(open),
    close: normaliseRemark(close),
  }));
  const bracketed = new RegExp(
    pairs
      .map(({ open, close }) => `${escapeRegex(open)}([^${escapeRegex(close)}]{1,40}?)${escapeRegex(close)}`)
      .join('|'),
    'g',
  );
  return ({ plain }, out) => {
    bracketed.lastIndex = 0;
    for (let match = nextMatch(bracketed, plain); match !== null; match = nextMatch(bracketed, plain)) {
      const inner = match.slice(1).find((group) => group !== undefined) ?? '';
      const code = inner.toUpperCase().replace(/\s+/g, '');
      const value = codes.has(code)
        ? codes.get(code)!
        : prefix && code.startsWith(prefix) && code.length > prefix.length
          ? code.slice(prefix.length)
          : undefined;
      if (value !== undefined) out.push({ ruleId: rule.id, key: rule.key, value, evidence: match[0] });
    }
  };
}

function dictionaryMatcher(rule: Extract<RemarkRule, { type: 'dictionary' }>): Matcher {
  const entries = rule.entries.map((entry) => ({
    value: entry.value,
    words: entry.words.map(prepareWord),
    unless: entry.unless.map(prepareWord),
  }));
  return ({ folded }, out) => {
    for (const { value, words, unless } of entries) {
      if (containsAnyWord(folded, unless)) continue;
      const word = firstWordIn(folded, words);
      if (word !== undefined) out.push({ ruleId: rule.id, key: rule.key, value, evidence: word.text });
    }
  };
}

export interface CompiledRules {
  /** Every finding in one text, in rule order. Shared between calls with the same text: read, never change. */
  run(text: string): readonly Finding[];
  /** Rules that cannot run (a pattern that does not compile); they find nothing. */
  errors: { ruleId: string; message: string }[];
}

function matcherFor(rule: RemarkRule, errors: CompiledRules['errors']): Matcher {
  switch (rule.type) {
    case 'keywords':
      return keywordsMatcher(rule);
    case 'code':
      return codeMatcher(rule);
    case 'dictionary':
      return dictionaryMatcher(rule);
    case 'regex': {
      const regex = ruleRegex(rule);
      if (typeof regex !== 'string') return regexMatcher(rule, regex);
      errors.push({ ruleId: rule.id, message: regex });
      return () => {};
    }
  }
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * Short texts whose findings are kept, per compiled rule set: remarks repeat a great deal (发顺丰,
 * 不要放驿站, 请尽快发货), and what the rules find depends on the text alone. Bounded like the
 * extractor cache: cleared when full, so a stream of distinct remarks costs one lookup each.
 */
const MAX_REMEMBERED_TEXTS = 4096;
const MAX_REMEMBERED_LENGTH = 256;

/** Compiles the rules once; bad patterns become errors, never exceptions, since rule JSON may come from anywhere. */
export function compileRules(rules: readonly RemarkRule[]): CompiledRules {
  const errors: CompiledRules['errors'] = [];
  const matchers = rules.map((rule) => matcherFor(rule, errors));
  const find = (text: string): readonly Finding[] => {
    if (!text.trim()) return NO_FINDINGS;
    const findings: Finding[] = [];
    const prepared = prepareText(text);
    for (const match of matchers) match(prepared, findings);
    return findings.length === 0 ? NO_FINDINGS : Object.freeze(findings);
  };
  const remembered = new Map<string, readonly Finding[]>();
  return {
    errors,
    run: (text) => {
      // Most orders leave a remark empty: nothing to look up.
      if (text.length === 0) return NO_FINDINGS;
      if (text.length > MAX_REMEMBERED_LENGTH) return find(text);
      let findings = remembered.get(text);
      if (findings === undefined) {
        findings = find(text);
        if (remembered.size >= MAX_REMEMBERED_TEXTS) remembered.clear();
        remembered.set(text, findings);
      }
      return findings;
    },
  };
}
