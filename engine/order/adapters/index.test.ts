import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors/index.ts';
import { StandardOrderSchema } from '../schema.ts';
import { captureInputError, loadFixture, readRawFixture } from './fixtures.test-helper.ts';
import { adaptOrder, detectPlatform } from './index.ts';

const fixtures = readdirSync(new URL('./fixtures/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const failing = new Set(['tmall-no-lines', 'jd-missing-order-id']);
/** A fixture's name starts with the platform of its standard order; Taobao's trades are TOP trades, as Tmall's. */
const adapterOf = (name: string) => (name.startsWith('taobao-') ? 'tmall' : name.split('-')[0]);

describe('detectPlatform', () => {
  it.each(fixtures)('recognises %s', (name) => {
    expect(detectPlatform(loadFixture(name))).toBe(adapterOf(name));
  });

  it('recognises a standard order and gives up on anything else', () => {
    expect(detectPlatform({ id: 'A1', platform: 'other', lines: [] })).toBe('standard');
    expect(detectPlatform({ hello: 'world' })).toBeUndefined();
    expect(detectPlatform([1, 2])).toBeUndefined();
    expect(detectPlatform('tid')).toBeUndefined();
  });
});

describe('adaptOrder', () => {
  it.each(fixtures.filter((f) => !failing.has(f)))('turns %s into a valid standard order', (name) => {
    const raw = readRawFixture(name);
    const order = adaptOrder(detectPlatform(raw)!, raw);
    expect(StandardOrderSchema.parse(order)).toEqual(order);
    expect(order.platform).toBe(name.split('-')[0]);
    expect(order.totals.lines).toBe(order.lines.length);
  });

  it.each([...failing])('refuses %s with an InputError naming a field', (name) => {
    const raw = readRawFixture(name);
    let error: unknown;
    try {
      adaptOrder(detectPlatform(raw)!, raw, { line: 12 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location).toMatchObject({ line: 12, field: expect.any(String) });
  });

  it('says whose order it is when one is refused as another platform’s', () => {
    const tmall = loadFixture('tmall-two-lines-presale');
    const error = captureInputError(() => adaptOrder('jd', tmall, { line: 3 }));
    expect(error.code).toBe('platform_mismatch');
    expect(error.location).toEqual({ line: 3 });
    expect(error.message).toMatch(
      /^not a JD order \(orderId: .*\): its keys are a Tmall \/ Taobao order's\. .*say tmall$/,
    );
    // Detection agreeing, or finding nothing, leaves the adapter's own error.
    expect(captureInputError(() => adaptOrder('tmall', readRawFixture('tmall-no-lines'))).code).not.toBe(
      'platform_mismatch',
    );
    expect(captureInputError(() => adaptOrder('pdd', { hello: 'world' })).location).toEqual({
      field: 'order_sn',
    });
  });

  it('passes a standard order through normalisation', () => {
    const tmall = adaptOrder('tmall', loadFixture('tmall-two-lines-presale'));
    expect(adaptOrder('standard', tmall)).toEqual(tmall);
  });
});
