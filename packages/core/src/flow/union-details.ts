/**
 * What sets each union apart on the union step (its type in words, whom it serves, the area it covers, its
 * contact, why the first is recommended), and the values the share and charter texts are filled with.
 */
import { duesPolicyWords } from '../consent/fill'
import type { OrgContactWire } from '../contract/organisations'
import type { FlowState } from './types'

export interface UnionDetails {
  id: string
  name: string
  /** Its type in words ('道路货运行业工会联合会'; the registry's words, as its reasons are). */
  kind: string
  /** Whom it serves, in words ('' when the registry did not say). */
  serves: string
  /** The area it covers, in words ('南京市江宁区'); '' when the registry did not say. */
  covers: string
  contact: OrgContactWire | null
  /** Why it is recommended (the first candidate only). */
  recommended: string | null
  /** Why it fits this driver (the registry's reasons). */
  reasons: string[]
}

/** Each union the driver may choose (the candidates of `unionChoices`), with what sets it apart; the words are the registry's, in the session's language (`_locale` is kept for callers that pass it). */
export function unionDetails(state: Pick<FlowState, 'match'>, _locale?: 'zh-CN' | 'en'): UnionDetails[] {
  const m = state.match
  if (!m) return []
  const orgs = m.candidates.length > 0 ? m.candidates : m.assigner ? [m.assigner] : []
  return orgs.map((o) => {
    const c = o as (typeof m.candidates)[number]
    return {
      id: o.org_id,
      name: o.name,
      kind: o.type_words ?? '',
      serves: o.serves ?? '',
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
