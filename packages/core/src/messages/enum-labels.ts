/**
 * The words for every enum value (enums.ts), zh-CN first, English available: one place for the
 * console, the driver flow and exports. Each table is a `Record` over its enum, so a value
 * without words is a type error.
 */
import {
  APPLICATION_STATUSES,
  CONSENT_KINDS,
  DOCUMENT_KINDS,
  EMPLOYMENT_FORMS,
  type Locale,
  MATCH_STATUSES,
  MEMBERSHIP_STATUSES,
  ORG_LEVELS,
  ORG_STATUSES,
  ORG_TYPES,
  REGION_LEVELS,
  SERVICE_KINDS,
  SESSION_STATUSES,
  TIER_IDS,
  TRANSFER_REASONS,
  TRANSFER_STATUSES,
  VERIFICATION_METHODS,
  VOLUNTEER_ROLES,
} from '../enums'

/** Each kind of enum value that has words, with its values. */
export const ENUM_VALUES = {
  orgType: ORG_TYPES,
  orgLevel: ORG_LEVELS,
  orgStatus: ORG_STATUSES,
  tier: TIER_IDS,
  matchStatus: MATCH_STATUSES,
  employmentForm: EMPLOYMENT_FORMS,
  documentKind: DOCUMENT_KINDS,
  applicationStatus: APPLICATION_STATUSES,
  membershipStatus: MEMBERSHIP_STATUSES,
  sessionStatus: SESSION_STATUSES,
  transferStatus: TRANSFER_STATUSES,
  transferReason: TRANSFER_REASONS,
  consentKind: CONSENT_KINDS,
  verificationMethod: VERIFICATION_METHODS,
  volunteerRole: VOLUNTEER_ROLES,
  serviceKind: SERVICE_KINDS,
  regionLevel: REGION_LEVELS,
} as const
export type EnumKind = keyof typeof ENUM_VALUES
export type EnumValue<K extends EnumKind> = (typeof ENUM_VALUES)[K][number]
/** One locale's words: every value of every kind. */
export type EnumLabels = { [K in EnumKind]: Record<EnumValue<K>, string> }

export const zhCNEnumLabels: EnumLabels = {
  orgType: {
    freight_federation: '道路货运行业工会联合会',
    freight_committee: '货运行业工会委员会',
    platform_union: '平台企业工会',
    park_union: '物流园区工会',
    new_form_federation: '新就业形态行业工会联合会',
    enterprise_union: '企业工会',
    township_union: '乡镇（街道）工会',
    devzone_union: '开发区（工业园区）工会',
    village_union: '村（社区）工会',
    local_federation: '地方总工会',
  },
  orgLevel: { national: '全国', province: '省级', prefecture: '地市级', county: '区县级', township: '乡镇（街道）级', village: '村（社区）级', unit: '基层单位' },
  orgStatus: { active: '正常', suspended: '暂停', dissolved: '已撤销' },
  tier: {
    enterprise: '所在企业工会',
    head_enterprise_federation: '依托头部企业的货运工会联合会',
    industry: '货运行业工会',
    platform: '平台企业工会',
    park: '物流园区工会',
    territorial: '乡镇（街道）、开发区、村（社区）工会兜底',
  },
  matchStatus: {
    matched: '已匹配工会',
    manual_review: '由工会人工审核',
    transfer_required: '需办理会籍接转',
    already_member: '已是会员',
    needs_assignment: '待指定工会',
    not_in_pilot: '不在试点地区',
    ineligible: '不符合入会条件',
  },
  employmentForm: { employee: '受雇于运输企业', platform_self_employed: '个体司机（平台接单）', owner_operator_employer: '车主并雇有司机', affiliated: '挂靠车辆（车挂在运输公司名下，自己经营）', other: '其他' },
  documentKind: { resident: '居民身份证', hk: '港澳居民居住证（香港）', mo: '港澳居民居住证（澳门）', tw: '台湾居民居住证', foreign_permanent: '外国人永久居留身份证' },
  applicationStatus: { submitted: '已提交', under_review: '审核中', needs_info: '待补充材料', approved: '已批准', rejected: '未通过', withdrawn: '已撤回', awaiting_assignment: '待分配组织' },
  membershipStatus: { active: '正常', transferring: '接转中', retained: '保留会籍', withdrawn: '已退会', expelled: '已除名' },
  sessionStatus: { open: '进行中', completed: '已完成', expired: '已过期' },
  transferStatus: { requested: '待转出', released: '已转出待转入', completed: '已完成', rejected: '已拒绝' },
  transferReason: { job_change: '工作变动', platform_change: '更换平台', relocation: '常驻地变更', org_dissolved: '原工会撤销', other: '其他' },
  consentKind: { sensitive_personal_info: '处理敏感个人信息', share_with_union: '向工会提供个人信息', share_with_partners: '与交通运输部门和行业协会共享' },
  verificationMethod: { platform_realname: '平台实名认证', face_match: '人脸核验' },
  volunteerRole: { activist: '积极分子', volunteer: '志愿者' },
  serviceKind: {
    care_fund: '关爱基金',
    accident_mutual_aid: '意外伤害保障',
    health_check: '健康体检',
    legal_aid: '法律援助',
    female_driver_care: '女司机和卡嫂关爱',
    driver_home: '司机之家',
    hardship_relief: '困难帮扶',
    welcome_pack: '入会礼包',
  },
  regionLevel: { province: '省', prefecture: '市', county: '区县', township: '乡镇（街道）' },
}

export const enEnumLabels: EnumLabels = {
  orgType: {
    freight_federation: 'Road freight union federation',
    freight_committee: 'Freight union committee',
    platform_union: 'Platform company union',
    park_union: 'Logistics park union',
    new_form_federation: 'New forms of employment union federation',
    enterprise_union: 'Employer’s union',
    township_union: 'Township (subdistrict) union',
    devzone_union: 'Development zone union',
    village_union: 'Village (community) union',
    local_federation: 'Local federation of trade unions',
  },
  orgLevel: { national: 'National', province: 'Province', prefecture: 'City', county: 'County', township: 'Township', village: 'Village', unit: 'Workplace' },
  orgStatus: { active: 'Active', suspended: 'Suspended', dissolved: 'Dissolved' },
  tier: {
    enterprise: 'Employer’s union',
    head_enterprise_federation: 'Freight federation of the platform’s head enterprise',
    industry: 'Freight industry union',
    platform: 'Platform company union',
    park: 'Logistics park union',
    territorial: 'Township, development zone or village union (fallback)',
  },
  matchStatus: {
    matched: 'Union found',
    manual_review: 'Union reviews by hand',
    transfer_required: 'Membership transfer needed',
    already_member: 'Already a member',
    needs_assignment: 'Union to be assigned',
    not_in_pilot: 'Outside the pilot regions',
    ineligible: 'Not eligible',
  },
  employmentForm: { employee: 'Employed by a haulier', platform_self_employed: 'Self-employed (platform orders)', owner_operator_employer: 'Owner with employed drivers', affiliated: 'Affiliated truck (registered under a haulier, run on your own account)', other: 'Other' },
  documentKind: { resident: 'Resident ID card', hk: 'Residence permit (Hong Kong)', mo: 'Residence permit (Macao)', tw: 'Residence permit (Taiwan)', foreign_permanent: 'Foreigner’s permanent residence card' },
  applicationStatus: { submitted: 'Submitted', under_review: 'Under review', needs_info: 'Needs information', approved: 'Approved', rejected: 'Rejected', withdrawn: 'Withdrawn', awaiting_assignment: 'Awaiting assignment' },
  membershipStatus: { active: 'Active', transferring: 'Transferring', retained: 'Retained', withdrawn: 'Left', expelled: 'Expelled' },
  sessionStatus: { open: 'Open', completed: 'Completed', expired: 'Expired' },
  transferStatus: { requested: 'Requested', released: 'Released', completed: 'Completed', rejected: 'Refused' },
  transferReason: { job_change: 'Job change', platform_change: 'Changed platform', relocation: 'Moved', org_dissolved: 'Union dissolved', other: 'Other' },
  consentKind: { sensitive_personal_info: 'Processing sensitive personal information', share_with_union: 'Giving personal information to the union', share_with_partners: 'Sharing with transport departments and associations' },
  verificationMethod: { platform_realname: 'Platform real-name check', face_match: 'Face check' },
  volunteerRole: { activist: 'Activist', volunteer: 'Volunteer' },
  serviceKind: {
    care_fund: 'Care fund',
    accident_mutual_aid: 'Accident cover',
    health_check: 'Health check',
    legal_aid: 'Legal aid',
    female_driver_care: 'Care for women drivers and drivers’ wives',
    driver_home: 'Drivers’ home',
    hardship_relief: 'Hardship relief',
    welcome_pack: 'Welcome pack',
  },
  regionLevel: { province: 'Province', prefecture: 'City', county: 'County', township: 'Township' },
}

const TABLES: Record<Locale, EnumLabels> = { 'zh-CN': zhCNEnumLabels, en: enEnumLabels }

/**
 * The words for an enum value; a value the table does not know (from a newer registry) is
 * returned as it is, and an unknown locale gets zh-CN.
 * @example enumLabel('orgType', 'park_union', 'en') // 'Logistics park union'
 */
export function enumLabel<K extends EnumKind>(kind: K, value: EnumValue<K>, locale: Locale = 'zh-CN'): string {
  const words: Record<string, string> | undefined = (TABLES[locale] ?? zhCNEnumLabels)[kind]
  return words && Object.prototype.hasOwnProperty.call(words, value) ? (words[value] as string) : value
}
