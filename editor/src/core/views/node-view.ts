import type { ConditionWords } from '../conditions/describe-condition.ts';
import type { Label } from '../engine.ts';

/** What a node's summary may use to speak the consultant's language. */
export interface SummaryContext {
  label(label: Label | undefined): string;
  words: ConditionWords;
}

/** How one kind looks on the canvas: an icon, a colour family, and a one-line summary of its content. */
// Icons are plain symbols (Geometric Shapes, Dingbats) that ship with common fonts, not emoji.
export interface NodeView {
  icon: string;
  tone:
    | 'flow'
    | 'approval'
    | 'remark'
    | 'gift'
    | 'substitution'
    | 'split'
    | 'routing'
    | 'carrier'
    | 'merge'
    | 'tag'
    | 'start';
  summary(content: unknown, context: SummaryContext): string;
}
