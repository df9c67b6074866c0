/**
 * Jurisdiction of the directory (issue #19, finding 1): an organisation a reviewer adds, edits or
 * imports must lie inside the region of the reviewer's own (root) organisation: its seat, its
 * township, every region it covers and every employer it covers (by the credit code's region
 * digits). Otherwise a union could plant an organisation that captures another union's drivers.
 */
import type { UnionOrg } from '@ruhui/core/matching'
import type { Caller, RegistryContext } from './context'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>

/** '320000' → '32', '320100' → '3201', '320115' → '320115', '000000' → '' (everywhere). */
export function regionPrefixOf(regionCode: string): string {
  let p = regionCode
  while (p.length >= 2 && p.endsWith('00')) p = p.slice(0, -2)
  return p
}

/** The region a reviewer's organisations must lie in: their own organisation's (its township when it has one). */
export function jurisdictionOf(ctx: RegistryContext, reviewer: Reviewer): { region: string; township: string | undefined } | undefined {
  const root = ctx.directory().byId.get(reviewer.orgId)
  if (!root) return undefined
  return { region: regionPrefixOf(root.regionCode), township: root.townshipCode }
}

/** The first field of `org` outside the reviewer's region, with a message; null when all of it lies inside. */
export function checkJurisdiction(ctx: RegistryContext, reviewer: Reviewer, org: UnionOrg): { param: string; message: string } | null {
  const j = jurisdictionOf(ctx, reviewer)
  if (!j) return { param: 'regionCode', message: '审核员所属工会不在目录中，不能管理组织' }
  const name = `本级工会辖区（${j.township ?? (j.region || '全国')}）`
  const within = (code: string, prefix: string) => code.startsWith(prefix)
  const area = j.township ?? j.region
  if (!within(org.regionCode, j.region)) return { param: 'regionCode', message: `所在地 ${org.regionCode} 不在${name}内` }
  if (j.township && (!org.townshipCode || !within(org.townshipCode, j.township))) return { param: 'townshipCode', message: `乡镇（街道）${org.townshipCode ?? '未填写'} 不在${name}内` }
  if (org.townshipCode && !within(org.townshipCode, j.region)) return { param: 'townshipCode', message: `乡镇（街道）${org.townshipCode} 不在${name}内` }
  if (org.villageCode && !within(org.villageCode, area)) return { param: 'villageCode', message: `村（社区）${org.villageCode} 不在${name}内` }
  const prefixes = org.coverage?.regionPrefixes ?? []
  for (const [i, p] of prefixes.entries()) if (!within(p, area)) return { param: `coverage.regionPrefixes.${i}`, message: `覆盖地区 ${p} 超出${name}` }
  // A credit code's digits 3–8 are the region where the employer is registered.
  for (const [i, u] of (org.coverage?.employerUsccs ?? []).entries()) if (!within(u.slice(2, 8), j.region.slice(0, 6))) return { param: `coverage.employerUsccs.${i}`, message: `用人单位 ${u} 不在${name}内登记` }
  return null
}
