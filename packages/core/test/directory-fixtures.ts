// Fictitious organisations for matching tests (DOMAIN.md §7.6 worked examples), with
// credit codes whose check characters are computed, never copied.
import { calcUsccCheckChar } from '@ruhui/core'
import type { UnionOrg } from '@ruhui/core/matching'

/** A well-formed credit code from its first 17 characters. */
export function uscc(body17: string): string {
  return body17 + calcUsccCheckChar(body17)
}

export const PLATFORM_JIA_USCC = uscc('91320100MA1JA0001')
export const PLATFORM_YI_USCC = uscc('91340100MA1YE0002')
export const SUZHOU_TRANSPORT_USCC = uscc('91320506MA1QT0003')
/** A Nanjing haulier under which drivers register their own trucks (挂靠); its union takes them. */
export const NANJING_HAULIER_USCC = uscc('91320115MA1GK0004')

export function org(partial: Partial<UnionOrg> & Pick<UnionOrg, 'id' | 'name' | 'type' | 'level' | 'regionCode'>): UnionOrg {
  return {
    isGrassroots: true,
    acceptsOnline: true,
    status: 'active',
    coverage: { regionPrefixes: [partial.regionCode] },
    ...partial,
  }
}

/** O1–O6 of DOMAIN.md §7.6, plus the local federations that assign. */
export function workedExampleOrgs(): UnionOrg[] {
  return [
    org({ id: 'org_o1', name: '示例货运平台甲 工会江苏分会', type: 'platform_union', level: 'province', regionCode: '320000', coverage: { regionPrefixes: ['32'], platformIds: ['P-JIA'] }, uscc: uscc('81320000MC0000001') }),
    org({ id: 'org_o2', name: '南京市道路货运行业工会联合会（示例）', type: 'freight_federation', level: 'prefecture', regionCode: '320100', coverage: { regionPrefixes: ['3201'] }, reliesOnEnterpriseUscc: PLATFORM_JIA_USCC, uscc: uscc('81320100MC0000002') }),
    org({ id: 'org_o3', name: '合肥市道路货运行业工会联合会（示例）', type: 'freight_federation', level: 'prefecture', regionCode: '340100', coverage: { regionPrefixes: ['3401'] }, reliesOnEnterpriseUscc: PLATFORM_JIA_USCC }),
    org({ id: 'org_o4', name: '合肥某物流园区工会（示例）', type: 'park_union', level: 'county', regionCode: '340104', coverage: { regionPrefixes: ['340104'], parkIds: ['PARK-HF-01'] } }),
    org({ id: 'org_o5', name: '某街道工会（示例）', type: 'township_union', level: 'township', regionCode: '341302', townshipCode: '341302001', coverage: { regionPrefixes: ['341302001'] } }),
    org({ id: 'org_o6', name: '苏州某运输有限公司工会（示例）', type: 'enterprise_union', level: 'unit', regionCode: '320506', coverage: { regionPrefixes: ['320506'], employerUsccs: [SUZHOU_TRANSPORT_USCC] }, uscc: uscc('81320506MC0000006') }),
    // G/H (挂靠): a haulier's union that takes the drivers whose trucks are registered under the company.
    org({ id: 'org_o7', name: '南京某运输有限公司工会（示例）', type: 'enterprise_union', level: 'unit', regionCode: '320115', coverage: { regionPrefixes: ['320115'], employerUsccs: [NANJING_HAULIER_USCC] }, takesAffiliatedDrivers: true, uscc: uscc('81320115MC0000007'), contact: { phone: '025-52000007', address: '南京市江宁区示例路 7 号', hours: '工作日 9:00–17:00' } }),
    org({ id: 'org_lf_32', name: '江苏省总工会（示例）', type: 'local_federation', level: 'province', regionCode: '320000', isGrassroots: false, acceptsOnline: false, coverage: { regionPrefixes: ['32'] } }),
    org({ id: 'org_lf_34', name: '安徽省总工会（示例）', type: 'local_federation', level: 'province', regionCode: '340000', isGrassroots: false, acceptsOnline: false, coverage: { regionPrefixes: ['34'] } }),
    org({ id: 'org_lf_3413', name: '宿州市总工会（示例）', type: 'local_federation', level: 'prefecture', regionCode: '341300', isGrassroots: false, acceptsOnline: false, coverage: { regionPrefixes: ['3413'] }, parentId: 'org_lf_34' }),
  ]
}
