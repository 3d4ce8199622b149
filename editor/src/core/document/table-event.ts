import { eventDef, type Family } from '../engine.ts';
import { uniqueId } from '../ids/unique-id.ts';

/**
 * What a decision table decides, by the stage its strategy runs in: a table in an approval
 * strategy holds orders, one in a routing strategy routes them. The engine's own default is
 * `route`, which in an approval strategy gave a 分仓 table nobody asked for.
 */
const TABLE_EVENT: Record<Family, string> = {
  remark: 'extract',
  approval: 'hold',
  gift: 'gift',
  substitution: 'substitute',
  split: 'split',
  routing: 'route',
  carrier: 'carrier',
  merge: 'merge',
  tag: 'tag',
};

export const tableEventFor = (family: Family) => TABLE_EVENT[family];

/** An event type's params, the required ones first: the output columns a table of it may have. */
export function eventParams(type: string): { name: string; required: boolean }[] {
  const schema = eventDef(type)?.params as
    | { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> }
    | undefined;
  const params = Object.entries(schema?.shape ?? {}).map(([name, param]) => ({
    name,
    required: !param.safeParse(undefined).success,
  }));
  return [...params.filter((p) => p.required), ...params.filter((p) => !p.required)];
}

interface Table {
  outputs: { id: string; param: string; label: string }[];
  eventType: string;
  rows: { outputs: Record<string, unknown> }[];
}

/**
 * The table switched to another event type: output columns the new event has no param for go,
 * with their cells (a stale `warehouse` column under 拦截 would be dropped by the compiler
 * silently); its required params come in as columns, so every row can say what it decides.
 */
export function switchTableEvent<T extends Table>(table: T, eventType: string): T {
  const params = eventParams(eventType);
  const known = new Set(params.map((p) => p.name));
  const kept = table.outputs.filter((o) => known.has(o.param));
  const have = new Set(kept.map((o) => o.param));
  const needed = params.filter(
    (p) => !have.has(p.name) && (p.required || (kept.length === 0 && p === params[0])),
  );
  const ids = new Set(kept.map((o) => o.id));
  const added = needed.map((p) => {
    const id = uniqueId(p.name, ids);
    ids.add(id);
    return { id, param: p.name, label: '' };
  });
  const outputs = [...kept, ...added];
  return {
    ...table,
    eventType,
    outputs,
    rows: table.rows.map((row) => ({
      ...row,
      outputs: Object.fromEntries(Object.entries(row.outputs).filter(([id]) => ids.has(id))),
    })),
  };
}
