/**
 * The organisation directory data model (DOMAIN.md §7.5): which union bodies exist,
 * where they are, whom they cover, and whether they take members online.
 */

/** Organisation forms named in the notice's attachment (三（三）) plus the employer's own union and local federations. */
export const ORG_TYPES = [
  'freight_federation', // 道路货运行业工会联合会, often relying on a head enterprise (依托头部企业)
  'freight_committee', // 货运行业工会委员会 / 联合工会
  'platform_union', // 平台企业工会 (HQ and branch unions)
  'park_union', // 物流园区工会
  'new_form_federation', // 新就业形态/新业态 行业工会联合会
  'enterprise_union', // the employer's grassroots union
  'township_union', // 乡镇(街道)工会 — territorial fallback
  'devzone_union', // 开发区(工业园区)工会 — territorial fallback
  'village_union', // 村(社区)工会 — territorial fallback
  'local_federation', // 地方总工会 (county/city/province): assigns, approves; not a joining target
] as const
export type OrgType = (typeof ORG_TYPES)[number]

export const ORG_LEVELS = ['national', 'province', 'prefecture', 'county', 'township', 'village', 'unit'] as const
export type OrgLevel = (typeof ORG_LEVELS)[number]

export const ORG_STATUSES = ['active', 'suspended', 'dissolved'] as const
export type OrgStatus = (typeof ORG_STATUSES)[number]

export interface OrgCoverage {
  /** Region codes this body covers: '32' Jiangsu, '3201' Nanjing, '320115' 江宁区; 9- and 12-digit codes too. */
  regionPrefixes: string[]
  /** Platforms whose drivers it serves. */
  platformIds?: string[]
  /** Logistics parks it serves. */
  parkIds?: string[]
  /** For an enterprise union: the employer's credit code(s). */
  employerUsccs?: string[]
}

export interface DuesPolicy {
  mode: 'none' | 'fixed' | 'percent_of_declared_income'
  amountFen?: number
  rateBp?: number
}

export interface UnionOrg {
  /** Stable directory id, `org_…`. */
  id: string
  name: string
  type: OrgType
  level: OrgLevel
  /** Can hold membership (基层工会 / 联合基层工会). */
  isGrassroots: boolean
  /** Unified social credit code (a grassroots union's starts 81). */
  uscc?: string
  /** 6-digit code of its seat. */
  regionCode: string
  /** 9-digit township code, for township / devzone / village unions. */
  townshipCode?: string
  /** 12-digit village code, for village unions. */
  villageCode?: string
  coverage: OrgCoverage
  /** The head enterprise a federation relies on (依托企业), by credit code. */
  reliesOnEnterpriseUscc?: string
  /** Upper-level union (上级工会). */
  parentId?: string
  acceptsOnline: boolean
  status: OrgStatus
  duesPolicy?: DuesPolicy
  /** 'YYYY-MM-DD' */
  validFrom?: string
  /** 'YYYY-MM-DD' */
  validTo?: string
}

/** The JSON file a directory travels in (the sample directory and integrators' own). */
export interface DirectoryFile {
  format: 'ruhui-directory'
  version: 1
  /** True for sample data: not a statement about real organisations. */
  sample?: boolean
  notice?: string
  /** Platforms the file refers to (informational). */
  platforms?: Array<{ id: string; name: string; uscc?: string }>
  organisations: UnionOrg[]
}
