/**
 * What a changed order can differ in, as the server's `changes?kind=` filter names it (api/'s
 * CHANGE_KIND_NAMES, which the bundle cannot import at run time; a test keeps the two equal).
 */
export const CHANGE_KINDS = [
  'status',
  'holdReasons',
  'warehouse',
  'carrier',
  'gifts',
  'split',
  'merge',
  'tags',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
