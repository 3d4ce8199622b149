/**
 * The commit script's check (`redis/commit-script.ts`) for stores that cannot run it inside
 * themselves: replays one decision's state calls against the stored values, with the decision's own
 * earlier changes laid over them, and says whether every read still gives the answer the decision
 * got, and what the decision changes. The caller reads the values and writes the changes atomically
 * (MongoDB: one transaction); the differential test holds this to the script, op for op.
 */

/** c counter, s stock at a warehouse (`warehouse\0sku`), b buyer's order count, o seen order, m merge group. */
export type ValueKind = 'c' | 's' | 'b' | 'o' | 'm';

/** A stored value as the commit answers carry it; a key never stored reads as its kind's default. */
export const DEFAULT_VALUE: Readonly<Record<ValueKind, string>> = { c: '0', s: '', b: '0', o: '0', m: '' };

const KIND_OF_OP: Readonly<Record<string, ValueKind>> = {
  cr: 'c',
  cf: 'c',
  ct: 'c',
  sr: 's',
  st: 's',
  bo: 'b',
  bi: 'b',
  so: 'o',
  ro: 'o',
  mg: 'm',
  mr: 'm',
};

/** Every key a segment's ops name, to read before checking it. */
export function keysOf(ops: readonly string[]): { kind: ValueKind; key: string }[] {
  const keys: { kind: ValueKind; key: string }[] = [];
  for (let i = 0; i + 4 < ops.length; i += 5) {
    const kind = KIND_OF_OP[ops[i]!];
    if (!kind) throw new Error(`ordergraph commit: unknown op ${ops[i]}`);
    keys.push({ kind, key: ops[i + 1]! });
  }
  return keys;
}

export const valueId = (kind: ValueKind, key: string): string => `${kind}\u0000${key}`;

/** Stored values by `valueId`; `undefined` for a key never stored. */
export type ReadValue = (id: string) => string | undefined;

export interface SegmentCheck {
  holds: boolean;
  /** Every key the segment touched, in the order it first touched them. */
  touched: { kind: ValueKind; key: string }[];
  /** What the segment changes when it holds, by `valueId`. */
  changes: Map<string, string>;
  /** Merge groups it recorded, with the pay time each was recorded at. */
  mergedAt: Map<string, number>;
}

function parseMerge(value: string): [closesAt: number, size: number] | undefined {
  const match = /^(\d+):(\d+)$/.exec(value);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** Checks one segment's `[op, a, b, c, d]` quintuples (see `RecordingView`) against `read`. */
export function checkSegment(ops: readonly string[], read: ReadValue): SegmentCheck {
  const touched: SegmentCheck['touched'] = [];
  const known = new Set<string>();
  const changes = new Map<string, string>();
  const mergedAt = new Map<string, number>();
  const value = (kind: ValueKind, key: string): string => {
    const id = valueId(kind, key);
    if (!known.has(id)) {
      known.add(id);
      touched.push({ kind, key });
    }
    return changes.get(id) ?? read(id) ?? DEFAULT_VALUE[kind];
  };
  const set = (kind: ValueKind, key: string, to: string) => changes.set(valueId(kind, key), to);

  let holds = true;
  for (let i = 0; holds && i + 4 < ops.length; i += 5) {
    const op = ops[i]!;
    const a = ops[i + 1]!;
    const x = ops[i + 2]!;
    const y = ops[i + 3]!;
    const d = ops[i + 4]!;
    switch (op) {
      case 'cr':
        holds = Number(value('c', a)) === Number(d);
        break;
      case 'cf':
      case 'ct': {
        const now = Number(value('c', a));
        const fits = now + Number(x) <= Number(y);
        holds = (fits ? '1' : '0') === d;
        if (holds && fits && op === 'ct') set('c', a, String(now + Number(x)));
        break;
      }
      case 'sr': {
        const onHand = value('s', a);
        holds = d === '' ? onHand === '' : onHand !== '' && Number(onHand) === Number(d);
        break;
      }
      case 'st': {
        const onHand = value('s', a);
        const qty = Number(x);
        const got = onHand === '' ? 'u' : Number(onHand) >= qty ? '1' : '0';
        holds = got === d;
        if (holds && got === '1') set('s', a, String(Number(onHand) - qty));
        break;
      }
      case 'bo':
        holds = Number(value('b', a)) === Number(d);
        break;
      case 'bi':
        set('b', a, String(Number(value('b', a)) + 1));
        break;
      case 'so':
        holds = value('o', a) === d;
        break;
      case 'ro':
        value('o', a);
        set('o', a, '1');
        break;
      case 'mg': {
        const held = value('m', a);
        const closes = parseMerge(held)?.[0];
        holds = (closes !== undefined && Number(y) < closes ? held : '') === d;
        break;
      }
      case 'mr': {
        const held = parseMerge(value('m', a));
        const group = parseMerge(y)!;
        if (!held || group[0] > held[0] || (group[0] === held[0] && group[1] > held[1])) {
          set('m', a, y);
          mergedAt.set(a, Number(d));
        }
        break;
      }
      default:
        throw new Error(`ordergraph commit: unknown op ${op}`);
    }
  }
  return { holds, touched, changes: holds ? changes : new Map(), mergedAt: holds ? mergedAt : new Map() };
}

/** The `kind key value` triples of `touched`, as `read` has them now. */
export function valuesOf(touched: SegmentCheck['touched'], read: ReadValue): string[] {
  const out: string[] = [];
  for (const { kind, key } of touched) out.push(kind, key, read(valueId(kind, key)) ?? DEFAULT_VALUE[kind]);
  return out;
}
