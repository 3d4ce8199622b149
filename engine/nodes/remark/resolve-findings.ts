import type { Finding } from './compile-rules.ts';
import type { RemarkSource, Scalar } from './remark-schema.ts';

export interface SourcedFinding extends Finding {
  source: RemarkSource;
}

export interface Extraction {
  values: Record<string, Scalar | Scalar[]>;
  conflicts: { key: string; message: string }[];
}

/**
 * Precedence, first wins: the seller memo over the buyer message, as OMS vendors do — customer
 * service writes the memo after talking to the buyer, so it is the later and binding instruction.
 * Within one text the earlier rule in the list wins.
 */
const PRECEDENCE: readonly RemarkSource[] = ['sellerMemo', 'buyerMessage'];
const SOURCE_NAMES: Record<RemarkSource, string> = {
  sellerMemo: 'seller memo',
  buyerMessage: 'buyer message',
};

const rank = (f: SourcedFinding) => PRECEDENCE.indexOf(f.source);

/**
 * One value per key, or a list for collecting keys. Two different values for a key that does not
 * collect are a conflict: the winner is kept and the conflict is reported naming every claim.
 * An order has a few findings, so keys are grouped in lists (first seen first, as a Map would keep
 * them) and values told apart with `includes` (SameValueZero, as a Set does).
 */
export function resolveFindings(
  findings: readonly SourcedFinding[],
  collecting: ReadonlySet<string>,
): Extraction {
  const keys: string[] = [];
  const lists: SourcedFinding[][] = [];
  for (const finding of inPrecedence(findings)) {
    const at = keys.indexOf(finding.key);
    if (at === -1) {
      keys.push(finding.key);
      lists.push([finding]);
    } else lists[at]!.push(finding);
  }
  const extraction: Extraction = { values: {}, conflicts: [] };
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const list = lists[k]!;
    const distinct = distinctValues(list);
    if (collecting.has(key)) {
      extraction.values[key] = distinct;
      continue;
    }
    const winner = list[0]!;
    extraction.values[key] = winner.value;
    if (distinct.length > 1) extraction.conflicts.push({ key, message: conflictMessage(key, list, winner) });
  }
  return extraction;
}

/** The findings stably sorted by precedence: as they are when they already are (one source, or in order). */
function inPrecedence(findings: readonly SourcedFinding[]): readonly SourcedFinding[] {
  for (let i = 1; i < findings.length; i++) {
    if (rank(findings[i]!) < rank(findings[i - 1]!)) return [...findings].sort((a, b) => rank(a) - rank(b));
  }
  return findings;
}

/** The findings' values, each once, first seen first; -0 as 0, as a Set stores it. */
function distinctValues(list: readonly SourcedFinding[]): Scalar[] {
  const values: Scalar[] = [];
  for (const { value } of list) if (!values.includes(value)) values.push(value === 0 ? 0 : value);
  return values;
}

function conflictMessage(key: string, list: readonly SourcedFinding[], winner: SourcedFinding): string {
  const seen = new Set<string>();
  const claims = list.flatMap((f) => {
    const id = `${f.source}\u0000${String(f.value)}`;
    if (seen.has(id)) return [];
    seen.add(id);
    return [`${SOURCE_NAMES[f.source]} says ${JSON.stringify(f.value)} (${f.evidence})`];
  });
  return `${key}: ${claims.join('; ')}; took ${JSON.stringify(winner.value)} from the ${SOURCE_NAMES[winner.source]}`;
}
