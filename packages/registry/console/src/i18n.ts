/** Console words: zh-CN first, English available (the switch is in the header). */
import { EN } from './words-en'
import { useSyncExternalStore } from 'react'

const zh = {
  title: '工会入会审核后台',
  signIn: '登录',
  signOut: '退出',
  login: '登录名',
  password: '密码',
  queue: '入会申请',
  transfers: '会籍接转',
  members: '会员查询',
  directory: '组织目录',
  services: '会员服务',
  volunteers: '积极分子与志愿者',
  platforms: '平台密钥',
  dashboard: '试点看板',
  report: '试点工作总结',
  status: '状态',
  submittedAt: '提交时间',
  applicant: '申请人',
  union: '工会组织',
  tier: '匹配层级',
  region: '常驻地',
  platform: '平台',
  actions: '操作',
  view: '查看',
  reveal: '查看完整信息',
  revealNote: '查看完整个人信息会记入审计日志',
  approve: '批准入会',
  reject: '不予通过',
  requestInfo: '要求补充材料',
  assign: '分配组织',
  reason: '理由',
  release: '同意转出',
  accept: '同意转入',
  refuse: '拒绝',
  search: '查询',
  add: '新增',
  edit: '编辑',
  save: '保存',
  cancel: '取消',
  import: '导入目录文件',
  exportCsv: '导出 CSV',
  exportXlsx: '导出 Excel',
  print: '打印',
  all: '全部',
  from: '开始日期',
  to: '结束日期',
  regionPrefix: '地区代码',
  threshold: '配备社会化工会工作者的会员数门槛',
  audit: '审计日志与数据共享',
}
export type Words = typeof zh
const en: Words = {
  title: 'Union membership console',
  signIn: 'Sign in',
  signOut: 'Sign out',
  login: 'Login',
  password: 'Password',
  queue: 'Applications',
  transfers: 'Transfers',
  members: 'Members',
  directory: 'Directory',
  services: 'Member services',
  volunteers: 'Activists & volunteers',
  platforms: 'Platform keys',
  dashboard: 'Pilot dashboard',
  report: 'Pilot summary report',
  status: 'Status',
  submittedAt: 'Submitted',
  applicant: 'Applicant',
  union: 'Union',
  tier: 'Tier',
  region: 'Home county',
  platform: 'Platform',
  actions: 'Actions',
  view: 'View',
  reveal: 'Reveal',
  revealNote: 'Revealing personal data is audit-logged',
  approve: 'Approve',
  reject: 'Reject',
  requestInfo: 'Ask for information',
  assign: 'Assign',
  reason: 'Reason',
  release: 'Release',
  accept: 'Accept',
  refuse: 'Refuse',
  search: 'Search',
  add: 'Add',
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  import: 'Import directory file',
  exportCsv: 'Export CSV',
  exportXlsx: 'Export Excel',
  print: 'Print',
  all: 'All',
  from: 'From',
  to: 'To',
  regionPrefix: 'Region code',
  threshold: 'Members that warrant a social union worker',
  audit: 'Audit log & data sharing',
}

let locale: 'zh-CN' | 'en' = localStorage.getItem('ruhui.console.locale') === 'en' ? 'en' : 'zh-CN'
const listeners = new Set<() => void>()
export function setLocale(next: 'zh-CN' | 'en') {
  locale = next
  localStorage.setItem('ruhui.console.locale', next)
  for (const l of listeners) l()
}
export function useLocale(): ['zh-CN' | 'en', Words] {
  const current = useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), () => locale)
  return [current, current === 'en' ? en : zh]
}

export const STATUS: Record<string, [string, string]> = {
  under_review: ['审核中', 'Under review'],
  needs_info: ['待补充材料', 'Needs information'],
  approved: ['已批准', 'Approved'],
  rejected: ['未通过', 'Rejected'],
  withdrawn: ['已撤回', 'Withdrawn'],
  awaiting_assignment: ['待分配组织', 'Awaiting assignment'],
  submitted: ['已提交', 'Submitted'],
  requested: ['待转出', 'Requested'],
  released: ['已转出待转入', 'Released'],
  completed: ['已完成', 'Completed'],
}
export const ORG_TYPE: Record<string, string> = {
  freight_federation: '货运行业工会联合会',
  freight_committee: '货运行业工会委员会',
  platform_union: '平台企业工会',
  park_union: '物流园区工会',
  new_form_federation: '新就业形态工会联合会',
  enterprise_union: '企业工会',
  township_union: '乡镇（街道）工会',
  devzone_union: '开发区工会',
  village_union: '村（社区）工会',
  local_federation: '地方总工会',
  unknown: '未知',
}
export const TIER: Record<string, string> = {
  enterprise: '1 所在企业工会',
  head_enterprise_federation: '2 依托头部企业的货运工会联合会',
  industry: '3 货运行业工会',
  platform: '4 平台企业工会',
  park: '5 物流园区工会',
  territorial: '6 乡镇（街道）、开发区、村（社区）工会兜底',
  assignment: '待分配',
}
export const SERVICE_KIND: Record<string, string> = {
  care_fund: '关爱基金',
  accident_mutual_aid: '意外伤害保障',
  health_check: '健康体检',
  legal_aid: '法律援助',
  female_driver_care: '女司机和卡嫂关爱',
  driver_home: '司机之家',
  hardship_relief: '困难帮扶',
  welcome_pack: '入会礼包',
}
export const label = (table: Record<string, string | [string, string]>, key: string | null | undefined, loc: 'zh-CN' | 'en' = 'zh-CN') => {
  const v = key ? table[key] : undefined
  if (v === undefined) return key ?? ''
  return Array.isArray(v) ? (loc === 'en' ? v[1] : v[0]) : v
}

export const EMPLOYMENT: Record<string, string> = {
  employee: '受雇于运输企业',
  platform_self_employed: '个体司机（平台接单）',
  owner_operator_employer: '车主并雇有司机',
  other: '其他',
}

/** `w('中文')`: the words as written (Chinese), or their English when the console is in English. */
export function useW(): (zh: string) => string {
  const [locale] = useLocale()
  return (zh) => (locale === 'en' ? (EN[zh] ?? zh) : zh)
}
