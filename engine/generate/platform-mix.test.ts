import { describe, expect, it } from 'vitest';
import { ClientSchema } from '../client/index.ts';
import { InputError } from '../errors/index.ts';
import { parsePlatformMix, shopsByPlatform } from './platform-mix.ts';

const clientWith = (platforms: string[]) =>
  ClientSchema.parse({
    formatVersion: 1,
    id: 'c',
    name: 'C',
    shops: platforms.map((platform) => ({ id: `shop-${platform}`, name: platform, platform })),
  });

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('expected an InputError');
};

describe('parsePlatformMix', () => {
  it('reads platform=weight pairs, spaces and upper case allowed', () => {
    expect(parsePlatformMix('tmall=0.5, JD=0.3,douyin=.2')).toEqual({ tmall: 0.5, jd: 0.3, douyin: 0.2 });
  });

  it.each([
    ['tmall=0.5,pdd=0.5', '"pdd" is not a platform we generate; use tmall, taobao, jd, douyin'],
    ['tmall=-1', 'the weight of tmall, "-1", is not a non-negative number'],
    ['tmall=lots', 'the weight of tmall, "lots", is not a non-negative number'],
    ['tmall', '"tmall" is not platform=weight'],
    ['tmall=1,tmall=2', 'tmall is given twice'],
    ['tmall=0,jd=0', 'at least one weight must be above 0'],
  ])('refuses %s, saying why', (text, message) => {
    expect(failure(() => parsePlatformMix(text))).toContain(message);
  });
});

describe('shopsByPlatform', () => {
  it('leaves out default-mix platforms the client has no shop on', () => {
    const entries = shopsByPlatform(clientWith(['tmall', 'jd']), undefined);
    expect(entries.map((e) => e.platform)).toEqual(['tmall', 'jd']);
  });

  it('refuses an explicit mix naming a platform without a shop, listing the shops', () => {
    expect(failure(() => shopsByPlatform(clientWith(['tmall']), { tmall: 1, douyin: 1 }))).toContain(
      'client "c" has no shop on douyin (its shops: shop-tmall (tmall))',
    );
  });

  it('refuses a client with no shop on any platform it could generate for', () => {
    expect(failure(() => shopsByPlatform(clientWith(['pdd']), undefined))).toContain('has no shop on');
  });
});
