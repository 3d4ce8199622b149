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
 */
export function resolveFindings(
  findings: readonly SourcedFinding[],
  collecting: ReadonlySet<string>,
): Extraction {
  const byKey = new Map<string, SourcedFinding[]>();
  for (const finding of [...findings].sort((a, b) => rank(a) - rank(b))) {
    const list = byKey.get(finding.key);
    if (list) list.push(finding);
    else byKey.set(finding.key, [finding]);
  }
  const extraction: Extraction = { values: {}, conflicts: [] };
  for (const [key, list] of byKey) {
    const distinct = [...new Set(list.map((f) => f.value))];
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
