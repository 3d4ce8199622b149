import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, PLATFORMS, REFUND_STATUSES } from '../../engine/order/schema.ts';
import {
  excelText,
  readBoolean,
  readEnum,
  readInteger,
  readList,
  readMoney,
  readOrderId,
  readTime,
} from './cell-values.ts';
import { BUILTIN_VALUES } from './csv-fields.ts';
import { compileDateFormat, type DateFormat } from './date-format.ts';

const formats = ['yyyy/MM/dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy/M/d H:mm'].map(
  (f) => compileDateFormat(f) as DateFormat,
);

describe('CSV cells', () => {
  it.each([
    ['1,299.00', '.', 1299],
    ['¥ 1,299.50 ', '.', 1299.5],
    ['12.50元', '.', 12.5],
    ['1.299,50', ',', 1299.5],
    ['12,5', ',', 12.5],
    ['1 299,5', ',', 1299.5],
    ['-3,10', ',', -3.1],
  ] as const)('reads money %j with decimal mark %j', (text, mark, value) => {
    expect(readMoney(text, mark)).toBe(value);
  });

  it('takes the text out of the formula exports keep long numbers as text in', () => {
    expect(excelText('="4012345678901234425"')).toBe('4012345678901234425');
    expect(excelText(' ="368.00" ')).toBe('368.00');
    expect(excelText('="说""加急"""')).toBe('说"加急"');
    expect(excelText('=""')).toBe('');
    for (const cell of ['4012345678901234425', '=SUM(A1)', '="open', 'a="b"', ' 12 '])
      expect(excelText(cell)).toBe(cell);
  });

  it('refuses an order id Excel turned into a number, and reads any other', () => {
    for (const id of ['4.01235E+18', '4E+18', '4.0123456789e+18'])
      expect(() => readOrderId(id)).toThrow(
        `"${id}" is an order id Excel turned into a number, its digits lost`,
      );
    expect(readOrderId(' 4012345678901234425 ')).toBe('4012345678901234425');
    expect(readOrderId('E+18-A')).toBe('E+18-A');
    expect(readOrderId('SO-4E+18')).toBe('SO-4E+18');
  });

  it('says when a decimal comma was probably meant', () => {
    expect(() => readMoney('12,5', '.')).toThrow(
      '"12,5" is not a number (a decimal comma? set "decimalSeparator": ",")',
    );
    expect(() => readInteger('两件', '.')).toThrow('"两件" is not a number');
    expect(() => readInteger('1.5', '.')).toThrow('"1.5" is not a whole number');
  });

  it.each([
    ['2026/11/11 00:03:17', '2026-11-11T00:03:17+08:00'],
    ['2026-11-11 20:06', '2026-11-11T20:06:00+08:00'],
    ['2026/11/1 9:05', '2026-11-01T09:05:00+08:00'],
    [' 2026/11/11   00:03:17 ', '2026-11-11T00:03:17+08:00'],
    ['2026-11-10T16:03:17Z', '2026-11-10T16:03:17Z'],
  ])('reads the time %j in China time as %s', (text, iso) => {
    expect(readTime(text, formats, '+08:00')).toBe(iso);
  });

  it('refuses a time no format reads, or a date that does not exist', () => {
    expect(() => readTime('11/11/2026 00:03', formats, '+08:00')).toThrow(
      /not a time in any of the mapping's dateFormats/,
    );
    expect(() => readTime('2026/02/30 00:00:00', formats, '+08:00')).toThrow(/not a time/);
  });

  it('explains a date format it cannot use', () => {
    expect(compileDateFormat('dd.MM.yy')).toBe(
      '"dd.MM.yy" has "y", which is not yyyy, MM, M, dd, d, HH, H, mm or ss',
    );
    expect(compileDateFormat('HH:mm')).toBe('"HH:mm" needs yyyy, M and d');
  });

  it('reads yes/no, lists and enum words in Chinese or English', () => {
    expect(['是', 'Y', '1', '否', 'false'].map(readBoolean)).toEqual([true, true, true, false, false]);
    expect(readList('VIP，双11; 新客|复购')).toEqual(['VIP', '双11', '新客', '复购']);
    expect(readEnum('已付款', ['unpaid', 'paid'], { 已付款: 'paid' })).toBe('paid');
    expect(readEnum('PAID', ['unpaid', 'paid'], {})).toBe('paid');
    expect(() => readEnum('已关闭', ['unpaid', 'paid'], {})).toThrow(/add it to the mapping's "values"/);
  });

  it('knows the platform words of Chinese exports', () => {
    const platform = (word: string) => readEnum(word, PLATFORMS, BUILTIN_VALUES.platform!);
    expect(['抖店', '快手', '视频号', '视频号小店'].map(platform)).toEqual([
      'douyin',
      'kuaishou',
      'channels',
      'channels',
    ]);
  });

  it('knows the status words of a Pinduoduo back-office export', () => {
    const status = (word: string) => readEnum(word, ORDER_STATUSES, BUILTIN_VALUES.status!);
    expect(['待发货', '已发货，待签收', '已签收', '未发货，退款成功'].map(status)).toEqual([
      'paid',
      'shipped',
      'completed',
      'closed',
    ]);
    const refund = (word: string) => readEnum(word, REFUND_STATUSES, BUILTIN_VALUES.refundStatus!);
    expect(['无售后或售后取消', '售后处理中', '退款成功'].map(refund)).toEqual([
      'none',
      'pending',
      'refunded',
    ]);
  });
});
