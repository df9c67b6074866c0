/**
 * Words for the directory, the matching configuration and the matching reasons: they are formatted where
 * matching runs (the registry, the sandbox, a platform's backend), so they stay out of the driver's bundle.
 */
import type { Issue } from '../issues'
import { en } from './en'
import { formatIssue } from './format'
import type { IssueMessage, Locale, Messages } from './types'
import type { OrgType } from '../enums'
import { zhCN } from './zh-CN'

const f = (field: string | undefined, generic: string): string => field ?? generic

const ZH: Record<string, IssueMessage> = {
  invalid_directory_format: () => '不是 ruhui 组织目录文件（format 应为 ruhui-directory）',
    unsupported_directory_version: (p) => `不支持的目录文件版本，当前支持版本 ${p.supported}`,
    unknown_field: (p, field) => `${f(field, '此项')}包含未知字段：${p.fields}`,
    duplicate_org_id: () => '组织编号重复',
    grassroots_uscc_not_union: () => '基层工会的统一社会信用代码通常以 81 开头，请核对',
    code_mismatch: (p, field) => `${f(field, '代码')}应以上级代码 ${p.parent} 开头`,
    invalid_validity_range: () => '失效日期早于生效日期',
    unknown_parent: (p) => `上级工会 ${p.parentId} 不在目录中`,
    parent_cycle: () => '上级工会关系形成了循环',
    duplicate_tier: () => '匹配层级顺序中有重复的层级',
    duplicate_park_id: (p) => `物流园区编号 ${p.id} 重复`,
    match_employer_union: (p) => `${p.orgName}是您所在用人单位的工会，会籍随劳动关系`,
    match_affiliated_company_union: (p) => `您的车辆挂靠的运输公司，其工会${p.orgName}接收挂靠车辆司机入会`,
    match_head_enterprise_federation: (p) => `您在${p.regionName}通过平台接单，${p.orgName}依托该平台企业成立，覆盖${p.coverageName}`,
    match_industry: (p) => `您在${p.regionName}从事货运，${p.orgName}覆盖该地区`,
    match_platform_union: (p) => `您通过该平台接单，${p.orgName}是平台在${p.coverageName}的工会`,
    match_park_home: (p) => `您常驻的物流园区由${p.orgName}服务`,
    match_park_region: (p) => `${p.orgName}为${p.coverageName}物流园区的货车司机服务`,
    match_territorial: (p) => `${p.orgName}覆盖您的常驻地，吸纳当地货车司机入会`,
    recommended_only: () => '推荐：它是覆盖您常驻地、可以直接加入的工会',
    recommended_type: () => '推荐：按本地入会办法，这类工会优先接收货车司机入会',
    recommended_closest: (p) => `推荐：它的覆盖范围（${p.coverageName}）离您的常驻地最近`,
    recommended_nearest_level: () => '推荐：它是离您最近的一级工会，办事和参加活动更方便',
    recommended_longest: () => '推荐：它在本地区最早开通货车司机网上入会',
    assigned_by_federation: (p) => `${p.regionName}暂无可直接加入的工会，将由${p.orgName}为您指定所属工会`,
    no_assigner: (p) => `暂未找到负责${p.regionName}的工会，请联系当地总工会`,
    not_in_pilot: (p) => `${p.regionName}暂未开通货车司机网上入会`,
    already_member: (p) => `您已是${p.orgName}的会员，无需重复入会`,
    transfer_required: (p) => `您已是${p.orgName}的会员，无需重复入会，可以申请转接会员组织关系`,
}

const EN: Record<string, IssueMessage> = {
    invalid_directory_format: () => 'Not a ruhui directory file (format must be ruhui-directory)',
    unsupported_directory_version: (p) => `Unsupported directory version; supported: ${p.supported}`,
    unknown_field: (p, field) => `${f(field, 'This value')} has unknown fields: ${p.fields}`,
    duplicate_org_id: () => 'Duplicate organisation ID',
    grassroots_uscc_not_union: () => "A grassroots union's credit code usually starts with 81; please check",
    code_mismatch: (p, field) => `${f(field, 'The code')} must start with its parent code ${p.parent}`,
    invalid_validity_range: () => 'The end date is before the start date',
    unknown_parent: (p) => `Parent union ${p.parentId} is not in the directory`,
    parent_cycle: () => 'Parent unions form a cycle',
    duplicate_tier: () => 'A tier appears twice in the tier order',
    duplicate_park_id: (p) => `Logistics park id ${p.id} appears twice`,
    match_employer_union: (p) => `${p.orgName} is your employer's union; membership follows your job`,
    match_affiliated_company_union: (p) => `Your truck is registered under a transport company whose union, ${p.orgName}, takes affiliated drivers`,
    match_head_enterprise_federation: (p) => `You take orders through the platform in ${p.regionName}; ${p.orgName} was set up with that platform enterprise and covers ${p.coverageName}`,
    match_industry: (p) => `You work in freight in ${p.regionName}, which ${p.orgName} covers`,
    match_platform_union: (p) => `You take orders through this platform; ${p.orgName} is its union for ${p.coverageName}`,
    match_park_home: (p) => `Your home logistics park is served by ${p.orgName}`,
    match_park_region: (p) => `${p.orgName} serves drivers at logistics parks in ${p.coverageName}`,
    match_territorial: (p) => `${p.orgName} covers where you are based and takes in local truck drivers`,
    recommended_only: () => 'Recommended: it is the union covering where you are based that you can join directly',
    recommended_type: () => 'Recommended: under the local joining rules, this kind of union takes truck drivers first',
    recommended_closest: (p) => `Recommended: the area it covers (${p.coverageName}) is closest to where you are based`,
    recommended_nearest_level: () => 'Recommended: it is the level of union nearest to you, easier to reach and take part in',
    recommended_longest: () => 'Recommended: it was the first locally to open online joining for truck drivers',
    assigned_by_federation: (p) => `No union in ${p.regionName} takes members directly yet; ${p.orgName} will assign you one`,
    no_assigner: (p) => `No union responsible for ${p.regionName} was found; please contact the local federation of trade unions`,
    not_in_pilot: (p) => `Online joining for truck drivers is not yet open in ${p.regionName}`,
    already_member: (p) => `You are already a member of ${p.orgName}`,
    transfer_required: (p) => `You are already a member of ${p.orgName}; you can ask to transfer your membership instead of joining again`,
}

const ZH_FIELDS: Record<string, string> = {
    id: '编号',
    type: '组织类型',
    level: '组织层级',
    status: '状态',
    regionCode: '所在地区代码',
    townshipCode: '乡镇（街道）代码',
    villageCode: '村（社区）代码',
    regionPrefixes: '覆盖地区',
    platformIds: '服务的平台',
    parkIds: '服务的物流园区',
    employerUsccs: '所属单位统一社会信用代码',
    uscc: '统一社会信用代码',
    reliesOnEnterpriseUscc: '依托企业统一社会信用代码',
    parentId: '上级工会',
    validFrom: '生效日期',
    validTo: '失效日期',
    organisations: '组织列表',
    format: '文件格式',
    version: '版本',
    tiers: '匹配层级顺序',
    pilotRegionPrefixes: '试点地区',
    baseRegion: '常驻地',
    village: '常驻村（社区）',
    platformId: '平台',
    platformUscc: '平台企业统一社会信用代码',
    homeParkId: '常驻物流园区',
    age: '年龄',
    documentKind: '证件类型',
    existingMembership: '已有会籍',
}

const EN_FIELDS: Record<string, string> = {
    id: 'ID',
    type: 'Organisation type',
    level: 'Organisation level',
    status: 'Status',
    regionCode: 'Region code',
    townshipCode: 'Township code',
    villageCode: 'Village code',
    regionPrefixes: 'Covered regions',
    platformIds: 'Platforms served',
    parkIds: 'Logistics parks served',
    employerUsccs: "Employer's credit code",
    uscc: 'Credit code',
    reliesOnEnterpriseUscc: "Head enterprise's credit code",
    parentId: 'Parent union',
    validFrom: 'Valid from',
    validTo: 'Valid to',
    organisations: 'Organisations',
    format: 'File format',
    version: 'Version',
    tiers: 'Tier order',
    pilotRegionPrefixes: 'Pilot regions',
    baseRegion: 'Operating base',
    village: 'Base village',
    platformId: 'Platform',
    platformUscc: "Platform's credit code",
    homeParkId: 'Home logistics park',
    age: 'Age',
    documentKind: 'Document type',
    existingMembership: 'Existing membership',
}

/** The driver tables with the matching words added. */
export const matchingMessages: Record<Locale, Messages> = {
  'zh-CN': { ...zhCN, fields: { ...zhCN.fields, ...ZH_FIELDS }, issues: { ...zhCN.issues, ...ZH } },
  en: { ...en, fields: { ...en.fields, ...EN_FIELDS }, issues: { ...en.issues, ...EN } },
}

/** Whom each kind of union serves, in the driver's words (the union step tells candidates apart by it). */
const SERVES: Record<Locale, Partial<Record<OrgType, string>> & { other: string }> = {
  'zh-CN': {
    freight_federation: '在本地区通过货运平台接单的货车司机',
    freight_committee: '本地区道路货运行业的从业人员',
    platform_union: '该平台的员工和在平台接单的司机',
    park_union: '在物流园区装卸货、停靠的货车司机',
    enterprise_union: '本单位职工，以及挂靠车辆的司机',
    new_form_federation: '快递员、网约车司机、货车司机等新就业形态劳动者',
    other: '常驻本地的货车司机和其他新就业形态劳动者',
  },
  en: {
    freight_federation: 'truck drivers taking orders through freight platforms in the area',
    freight_committee: 'people working in road freight in the area',
    platform_union: 'the platform’s staff and the drivers taking its orders',
    park_union: 'truck drivers loading, unloading and parking at the logistics park',
    enterprise_union: 'the company’s workers, and drivers of trucks registered under it',
    new_form_federation: 'couriers, ride-hailing and truck drivers and other new-form workers',
    other: 'truck drivers and other new-form workers based in the area',
  },
}

/** Whom a kind of union serves, in words. */
export function orgServesWords(type: OrgType, locale: Locale = 'zh-CN'): string {
  const t = SERVES[locale] ?? SERVES['zh-CN']
  return t[type] ?? t.other
}

/** `formatIssue` for directory, configuration and matching issues (the reasons a union was offered). */
export function formatMatchingIssue(issue: Issue, locale: Locale = 'zh-CN'): string {
  return formatIssue(issue, matchingMessages[locale] ?? matchingMessages['zh-CN'])
}
