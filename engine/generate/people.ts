import type { Prng } from './prng.ts';
import { Weighted } from './weighted.ts';

/** Names, phones, nicks and buyer ids as platforms hand them to an OMS: masked, in each platform's style. */

// The commonest surnames, roughly in order of frequency.
const SURNAMES = new Weighted(
  [
    '王 李 张 刘 陈 杨 黄 赵 吴 周',
    '徐 孙 马 朱 胡 郭 何 林 罗 高',
    '郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 潘 袁 蔡 蒋 余',
    '于 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 陆 范 汪 廖 石 金 韦 贾 夏 付 方 邹 熊 白 孟 秦 邱 侯 江 尹 欧阳 上官',
  ].flatMap((tier, i) => tier.split(' ').map((name) => [name, 8 / (i + 1)] as const)),
);
const MOBILE_PREFIXES =
  '130 131 132 133 135 136 137 138 139 150 151 152 155 156 157 158 159 166 177 180 181 182 185 186 187 188 189 199'.split(
    ' ',
  );
const NICK_STEMS = [
  'tb',
  'jia',
  'mei',
  'xiao',
  'lily',
  'coco',
  '小',
  '甜',
  '萌',
  '爱',
  '糖',
  '猫',
  'zz',
  'qq',
];
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';

export interface Person {
  surname: string;
  /** 1 or 2: platforms mask the given name to as many stars. */
  givenLength: number;
  mobile: string;
  nick: string;
}

export function person(prng: Prng): Person {
  const stem = prng.pick(NICK_STEMS);
  return {
    surname: SURNAMES.pick(prng),
    givenLength: prng.chance(0.7) ? 2 : 1,
    mobile: `${prng.pick(MOBILE_PREFIXES)}${prng.chars('0123456789', 8)}`,
    nick: `${stem}${prng.chars(ALNUM, prng.between(3, 8))}`,
  };
}

export const maskedName = (p: Person) => `${p.surname}${'*'.repeat(p.givenLength)}`;
/** 138****5678, as Tmall and JD show it. */
export const maskedMobile = (p: Person) => `${p.mobile.slice(0, 3)}****${p.mobile.slice(7)}`;
/** 1**********90, as Douyin shows it. */
export const douyinMobile = (p: Person) => `1${'*'.repeat(10)}${p.mobile.slice(9)}`;
/** t**5, as Tmall shows a buyer's nick. */
export const maskedNick = (p: Person) => `${p.nick.slice(0, 1)}**${p.nick.slice(-1)}`;

export const tmallOpenUid = (prng: Prng) => `AA${prng.chars(BASE64URL, 22)}`;
export const jdPin = (prng: Prng) => `jd_${prng.chars(HEX, 10)}`;
export const douyinOpenId = (prng: Prng) => `1@#${prng.chars(BASE64URL, 22)}==`;
