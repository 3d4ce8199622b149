/** Content as a summary reads it: half-edited content may be anything, and a summary never throws. */
export type Content = Record<string, unknown>;

export const asContent = (value: unknown): Content =>
  value && typeof value === 'object' ? (value as Content) : {};

export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
