/**
 * What sets each union apart on the union step (its type in words, whom it serves, the area it covers, its
 * contact, why the first is recommended), and the values the share and charter texts are filled with.
 */
import { duesPolicyWords } from '../consent/fill'
import type { OrgContactWire } from '../contract/organisations'
import type { OrgType } from '../enums'
import { enumLabel } from '../messages/enum-labels'
import type { FlowState } from './types'

export interface UnionDetails {
  id: string
  name: string
  /** Its type in words ('道路货运行业工会联合会'). */
  kind: string
  /** Whom it serves, in words. */
  serves: string
  /** The area it covers, in words ('南京市江宁区'); '' when the registry did not say. */
  covers: string
  contact: OrgContactWire | null
  /** Why it is recommended (the first candidate only). */
  recommended: string | null
  /** Why it fits this driver (the registry's reasons). */
  reasons: string[]
}

const SERVES: Record<'zh-CN' | 'en', Partial<Record<OrgType, string>>> = {
  'zh-CN': {
    freight_federation: '在本地区通过货运平台接单的货车司机',
    freight_committee: '本地区道路货运行业的从业人员',
    platform_union: '该平台的员工和在平台接单的司机',
    park_union: '在物流园区装卸货、停靠的货车司机',
    enterprise_union: '本单位职工，以及挂靠车辆的司机',
    new_form_federation: '快递员、网约车司机、货车司机等新就业形态劳动者',
  },
  en: {
    freight_federation: 'truck drivers taking orders through freight platforms in the area',
    freight_committee: 'people working in road freight in the area',
    platform_union: 'the platform’s staff and the drivers taking its orders',
    park_union: 'truck drivers loading, unloading and parking at the logistics park',
    enterprise_union: 'the company’s workers, and drivers of trucks registered under it',
    new_form_federation: 'couriers, ride-hailing and truck drivers and other new-form workers',
  },
}
const SERVES_OTHER = { 'zh-CN': '常驻本地的货车司机和其他新就业形态劳动者', en: 'truck drivers and other new-form workers based in the area' }

/** Each union the driver may choose (the candidates of `unionChoices`), with what sets it apart. */
export function unionDetails(state: Pick<FlowState, 'match'>, locale: 'zh-CN' | 'en' = 'zh-CN'): UnionDetails[] {
  const m = state.match
  if (!m) return []
  const orgs = m.candidates.length > 0 ? m.candidates : m.assigner ? [m.assigner] : []
  return orgs.map((o) => {
    const c = o as (typeof m.candidates)[number]
    return {
      id: o.org_id,
      name: o.name,
      kind: enumLabel('orgType', o.type, locale),
      serves: SERVES[locale][o.type] ?? SERVES_OTHER[locale],
      covers: o.covers ?? '',
      contact: o.contact,
      recommended: c.recommended_because?.message ?? null,
      reasons: (c.reasons ?? m.reasons).map((r) => r.message),
    }
  })
}

/** The words the share and charter texts are filled with: the chosen union, the operator, its dues. */
export function consentValues(state: Pick<FlowState, 'match' | 'selectedOrgId' | 'operator'>, locale: 'zh-CN' | 'en' = 'zh-CN'): { org_name: string; operator: string; dues_policy: string } {
  const m = state.match
  const org = m?.candidates.find((c) => c.org_id === state.selectedOrgId) ?? (m?.assigner?.org_id === state.selectedOrgId ? m?.assigner : undefined)
  const d = org?.dues_policy
  const policy = d ? { mode: d.mode, ...(d.amount_fen !== undefined ? { amountFen: d.amount_fen } : {}), ...(d.rate_bp !== undefined ? { rateBp: d.rate_bp } : {}) } : undefined
  // A union whose directory entry says nothing about dues is not one that collects none: say it follows its rules.
  const dues = policy ? duesPolicyWords(policy, locale) : locale === 'en' ? 'at the rate the union sets' : '按所在工会规定的标准'
  return { org_name: org?.name ?? (locale === 'en' ? 'the union you choose' : '您选择的工会'), operator: state.operator, dues_policy: dues }
}
