import type { AnyNodeKind, OutputBranch } from '../../core/engine.ts';

/**
 * A node's outgoing branches from its content. Content may be half-edited (a case with no id
 * yet): then the kind cannot say, and the canvas keeps drawing the branches edges still use.
 */
export function nodeOutputs(
  def: AnyNodeKind | undefined,
  content: unknown,
  used: readonly string[],
): OutputBranch[] {
  let outputs: OutputBranch[] = [];
  if (def) {
    const parsed = def.schema.safeParse(content);
    if (parsed.success) {
      try {
        outputs = def.outputs(parsed.data);
      } catch {
        outputs = [];
      }
    }
  }
  const known = new Set(outputs.map((o) => o.handle));
  const stale = used
    .filter((handle) => !known.has(handle))
    .map((handle) => ({ handle, label: { en: handle, zh: handle }, condition: null }));
  return [...outputs, ...stale];
}
