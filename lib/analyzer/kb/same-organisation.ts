// An SDK's organisation as the signatures name it ("Umeng (Alibaba Group)", "Tencent") against a
// host's organisation as the KB names it ("Umeng", "Tencent Bugly"): the same company when one
// name, without its parenthesised parent, is the other or a word-prefix of it. Conservative on
// purpose: a parent group alone ("ByteDance Ltd." behind TikTok) does not make two the same.
const bare = (name: string) => name.replace(/\s*\(.*\)\s*$/, "").trim().toLowerCase();

export function sameOrganisation(sdkOrganisation: string, hostOrganisation: string | null): boolean {
  if (!hostOrganisation) return false;
  const [a, b] = [bare(sdkOrganisation), bare(hostOrganisation)];
  if (!a || !b) return false;
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
}
