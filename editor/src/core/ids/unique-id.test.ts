import { describe, expect, it } from 'vitest';
import { slug, uniqueId } from './unique-id.ts';

describe('uniqueId', () => {
  it('keeps a free id and numbers a taken one', () => {
    expect(uniqueId('condition', new Set())).toBe('condition');
    expect(uniqueId('condition', new Set(['condition', 'condition-2']))).toBe('condition-3');
  });

  it('makes any text a valid graph id', () => {
    expect(slug('满 99 送 / gift')).toBe('99-gift');
    expect(slug('送')).toBe('x');
  });
});
