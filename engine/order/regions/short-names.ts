/**
 * Short forms platforms and people use for GB/T 2260 names: 上海 for 上海市, 广西 for 广西壮族自治区,
 * 恩施州 for 恩施土家族苗族自治州, 浦东 for 浦东新区.
 */

// Longest first, so 土家 is tried before 土.
const ETHNIC_GROUPS = (
  '柯尔克孜 维吾尔 达斡尔 鄂伦春 鄂温克 哈萨克 塔吉克 蒙古 朝鲜 土家 仫佬 毛南 仡佬 布依 纳西 哈尼 拉祜 布朗 ' +
  '景颇 傈僳 独龙 普米 裕固 保安 东乡 撒拉 锡伯 满 回 畲 苗 瑶 侗 壮 黎 羌 彝 藏 水 傣 佤 白 怒 土 各'
).split(' ');
const AUTONOMOUS = /自治(区|州|县|旗)$/;
const SUFFIXES = ['特别行政区', '新区', '地区', '林区', '街道', '省', '市', '区', '县', '旗', '盟', '镇'];
const MIN_LENGTH = 2;

export function shortNames(name: string): string[] {
  const out = new Set<string>();
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous) {
    const base = stripEthnicGroups(name.slice(0, autonomous.index));
    out.add(base);
    // 恩施州, 长阳县, 鄂温克旗 are in everyday use; 广西区 is not.
    if (autonomous[1] !== '区') out.add(base + autonomous[1]);
  } else {
    const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length - s.length >= MIN_LENGTH);
    if (suffix) out.add(name.slice(0, -suffix.length));
  }
  out.delete(name);
  return [...out].filter((short) => short.length >= MIN_LENGTH);
}

/** 黔东南苗族侗族 → 黔东南, 博尔塔拉蒙古 → 博尔塔拉; never strips the place name itself (内蒙古 stays). */
function stripEthnicGroups(base: string): string {
  let rest = base;
  for (;;) {
    const withoutZu = rest.endsWith('族') ? rest.slice(0, -1) : rest;
    const group = ETHNIC_GROUPS.find(
      (g) => withoutZu.endsWith(g) && withoutZu.length - g.length >= MIN_LENGTH,
    );
    if (group) rest = withoutZu.slice(0, -group.length);
    else return withoutZu.length >= MIN_LENGTH ? withoutZu : rest;
  }
}
