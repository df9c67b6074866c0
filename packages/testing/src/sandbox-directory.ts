// The sandbox's small directory: the worked examples of DOMAIN.md §7.6 (fictitious).
import { calcUsccCheckChar } from '@ruhui/core'
import type { LogisticsPark, UnionOrg } from '@ruhui/core/matching'

const uscc = (body: string) => body + calcUsccCheckChar(body)
export const SANDBOX_PLATFORM_USCC = uscc('91320100MA1JA0001')
const base = { isGrassroots: true, acceptsOnline: true, status: 'active' as const }

export const SANDBOX_ORGS: UnionOrg[] = [
  { ...base, id: 'org_sandbox_platform_js', name: '示例货运平台甲 工会江苏分会（沙箱）', type: 'platform_union', level: 'province', regionCode: '320000', coverage: { regionPrefixes: ['32'], platformIds: ['P-SANDBOX'] } },
  { ...base, id: 'org_sandbox_nanjing_freight', name: '南京市道路货运行业工会联合会（沙箱）', type: 'freight_federation', level: 'prefecture', regionCode: '320100', coverage: { regionPrefixes: ['3201'] }, reliesOnEnterpriseUscc: SANDBOX_PLATFORM_USCC },
  { ...base, id: 'org_sandbox_hefei_freight', name: '合肥市道路货运行业工会联合会（沙箱）', type: 'freight_federation', level: 'prefecture', regionCode: '340100', coverage: { regionPrefixes: ['3401'] } },
  { ...base, id: 'org_sandbox_hefei_park', name: '合肥某物流园区工会（沙箱）', type: 'park_union', level: 'county', regionCode: '340104', coverage: { regionPrefixes: ['340104'], parkIds: ['PARK-HF-01'] } },
  { ...base, id: 'org_sandbox_street', name: '埇桥街道工会（沙箱）', type: 'township_union', level: 'township', regionCode: '341302', townshipCode: '341302001', coverage: { regionPrefixes: ['341302001'] } },
  { ...base, id: 'org_sandbox_suzhou_company', name: '苏州某运输有限公司工会（沙箱）', type: 'enterprise_union', level: 'unit', regionCode: '320506', coverage: { regionPrefixes: ['320506'], employerUsccs: [uscc('91320506MA1QT0003')] } },
  { ...base, id: 'org_sandbox_js', name: '江苏省总工会（沙箱）', type: 'local_federation', level: 'province', regionCode: '320000', isGrassroots: false, acceptsOnline: false, coverage: { regionPrefixes: ['32'] } },
  { ...base, id: 'org_sandbox_ah', name: '安徽省总工会（沙箱）', type: 'local_federation', level: 'province', regionCode: '340000', isGrassroots: false, acceptsOnline: false, coverage: { regionPrefixes: ['34'] } },
]

/** The parks drivers may name (`GET /v1/parks?county=`). */
export const SANDBOX_PARKS: LogisticsPark[] = [{ id: 'PARK-HF-01', name: '合肥某物流园区（沙箱）', county: '340104' }]

/** Where `testIdentities.alreadyMember` is a member. */
export const SANDBOX_EXISTING_MEMBER_ORG = 'org_sandbox_suzhou_company'
