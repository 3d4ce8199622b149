import type { RemarkExtract } from './remark-schema.ts';

/**
 * A new remark node's rules: what Chinese OMS remark parsing usually extracts. Values
 * are the demo client's carrier codes; a consultant edits them to the client's own.
 */
export const defaultRemarkExtract = (): RemarkExtract => ({
  sources: ['buyerMessage', 'sellerMemo'],
  onConflict: 'flag',
  conflictReason: 'remark_conflict',
  rules: [
    {
      id: 'carrier-code',
      key: 'carrierRequest',
      collect: false,
      type: 'code',
      brackets: [
        ['{', '}'],
        ['【', '】'],
        ['[', ']'],
      ],
      codes: [{ code: 'W:YD', value: 'YUNDA' }],
      prefix: 'W:',
    },
    {
      id: 'carrier-words',
      key: 'carrierRequest',
      collect: false,
      type: 'dictionary',
      entries: [
        {
          value: 'SF',
          words: ['发顺丰', '走顺丰', '顺丰快递', '顺丰', 'SF'],
          unless: ['不要顺丰', '不要发顺丰', '不发顺丰', '别发顺丰', '不走顺丰'],
        },
        {
          value: 'JD',
          words: ['走京东', '发京东', '京东快递', '京东物流'],
          unless: ['不要京东', '不走京东'],
        },
        { value: 'EMS', words: ['EMS', '邮政', '发邮政'], unless: ['不要邮政', '不要EMS'] },
        { value: 'ZTO', words: ['中通'], unless: ['不要中通'] },
        { value: 'YTO', words: ['圆通'], unless: ['不要圆通'] },
        { value: 'YUNDA', words: ['韵达'], unless: ['不要韵达'] },
      ],
    },
    {
      id: 'delivery-note',
      key: 'deliveryNote',
      collect: true,
      type: 'dictionary',
      entries: [
        { value: '不要放驿站', words: ['不要放驿站', '别放驿站', '不放驿站', '不要驿站'], unless: [] },
        { value: '放门卫', words: ['放门卫', '门卫室', '放保安室'], unless: [] },
        { value: '周末送', words: ['周末送', '周末配送', '周六送', '周日送'], unless: [] },
        { value: '电联', words: ['电联', '送前电话', '先打电话', '提前电话'], unless: [] },
      ],
    },
    {
      id: 'urgent',
      key: 'urgent',
      collect: false,
      type: 'keywords',
      keywords: ['加急', '急用', '急需', '尽快发', '今天发'],
      match: 'any',
      unless: ['不急'],
      value: true,
    },
    {
      id: 'invoice-title',
      key: 'invoiceTitle',
      collect: false,
      type: 'regex',
      pattern: '(?:发票)?抬头\\s*[:：为是]?\\s*([^\\s,，;；。]{2,60})',
      flags: '',
      value: '$1',
    },
    {
      id: 'invoice-tax-id',
      key: 'invoiceTaxId',
      collect: false,
      type: 'regex',
      // 15 (old), 18 (unified social credit code) or 20 characters, after a label: bare 18-digit runs are order ids.
      pattern:
        '(?:税号|纳税人识别号)\\s*[:：为是]?\\s*([0-9A-Za-z]{20}|[0-9A-Za-z]{18}|[0-9A-Za-z]{15})(?![0-9A-Za-z])',
      flags: '',
      value: '$1',
    },
    {
      id: 'dont-ship-yet',
      key: 'dontShipYet',
      collect: false,
      type: 'keywords',
      keywords: ['先别发', '先不要发', '等通知', '暂缓发货', '暂不发货'],
      match: 'any',
      unless: [],
      value: true,
    },
    {
      id: 'gift-request',
      key: 'giftRequest',
      collect: true,
      type: 'dictionary',
      entries: [
        { value: '小样', words: ['小样', '试用装'], unless: ['不要小样'] },
        { value: '礼品袋', words: ['礼品袋', '手提袋'], unless: ['不要礼品袋', '不要袋子'] },
        { value: '赠品', words: ['赠品', '送个', '多送'], unless: ['不要赠品'] },
      ],
    },
    {
      id: 'address-change',
      key: 'addressChange',
      collect: false,
      type: 'regex',
      pattern: '(?:地址改为|地址改成|改地址为?|地址换成|新地址)\\s*[:：]?\\s*([^\\n]{4,80})',
      flags: '',
      value: '$1',
    },
    {
      id: 'memo-ok',
      key: 'memoApproved',
      collect: false,
      type: 'code',
      brackets: [['{', '}']],
      codes: [{ code: 'OK', value: true }],
      prefix: '',
    },
  ],
});
