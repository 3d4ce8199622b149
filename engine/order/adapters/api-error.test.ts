import { describe, expect, it } from 'vitest';
import { apiErrorAnswer } from './api-error.ts';
import { captureInputError, readRawFixture } from './fixtures.test-helper.ts';
import { adaptOrder } from './index.ts';

/** Error answers as the platforms document them. */
const ANSWERS = [
  {
    name: 'TOP',
    raw: {
      error_response: {
        code: 27,
        msg: 'Invalid session',
        sub_code: 'invalid-sessionkey',
        request_id: '16ab0fc5c2e3b',
      },
    },
    said: '27 Invalid session: invalid-sessionkey',
  },
  {
    name: 'TOP, with its sub message',
    raw: {
      error_response: {
        code: 15,
        msg: 'Remote service error',
        sub_code: 'isv.trade-not-exist',
        sub_msg: '交易不存在',
      },
    },
    said: '15 Remote service error: 交易不存在',
  },
  {
    name: 'JD',
    raw: { error_response: { code: '19', zh_desc: 'token已过期', en_desc: 'Invalid access_token' } },
    said: '19 token已过期',
  },
  {
    name: 'Pinduoduo, whose sub message is often empty',
    raw: {
      error_response: {
        error_msg: 'access_token已过期',
        sub_msg: '',
        sub_code: null,
        error_code: 10019,
        request_id: '15440104776643887',
      },
    },
    said: '10019 access_token已过期',
  },
  {
    name: 'Douyin',
    raw: {
      code: 50002,
      msg: '业务处理失败',
      sub_code: 'isv.business-failed:7',
      sub_msg: '订单不存在',
      data: {},
      log_id: 'x',
    },
    said: '50002 业务处理失败: 订单不存在',
  },
];

describe('apiErrorAnswer', () => {
  it.each(ANSWERS)('reads $name’s error answer', ({ raw, said }) => {
    expect(apiErrorAnswer(raw)).toBe(said);
  });

  it('is no error for an order, wrapped or bare, or for a Douyin answer that holds one', () => {
    for (const name of ['tmall-two-lines-presale', 'jd-cod', 'douyin-unpaid', 'douyin-emoji-remark'])
      expect(apiErrorAnswer(readRawFixture(name))).toBeUndefined();
    const detail = {
      code: 10000,
      msg: 'success',
      data: { shop_order_detail: readRawFixture('douyin-unpaid') },
    };
    expect(apiErrorAnswer(detail)).toBeUndefined();
  });
});

describe('adaptOrder given an error answer', () => {
  it.each(ANSWERS)('says $name’s answer is an error, not an order, with its line', ({ raw, said }) => {
    for (const platform of ['standard', 'tmall', 'jd', 'douyin'] as const) {
      const error = captureInputError(() => adaptOrder(platform, raw, { line: 3 }));
      expect(error.code).toBe('api_error_answer');
      expect(error.message).toBe(
        `a platform API's error answer, not an order (${said}): the call that should have fetched this order failed`,
      );
      expect(error.location).toEqual({ line: 3 });
    }
  });
});
