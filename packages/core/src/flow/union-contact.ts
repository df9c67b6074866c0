/** Whom the driver should contact: the union of the application (or the one chosen), else the union that will assign one. */
import type { OrgContactWire } from '../contract/organisations'
import type { FlowState } from './types'

export interface UnionContact {
  orgId: string
  name: string
  contact: OrgContactWire
}

export function unionContactOf(state: Pick<FlowState, 'match' | 'selectedOrgId' | 'result'>): UnionContact | null {
  const match = state.match
  if (!match) return null
  const orgId = state.result?.application?.org_id ?? state.selectedOrgId
  const candidate = match.candidates.find((c) => c.org_id === orgId)
  const org = candidate ?? (match.assigner && (match.assigner.org_id === orgId || match.candidates.length === 0) ? match.assigner : undefined)
  return org?.contact ? { orgId: org.org_id, name: org.name, contact: org.contact } : null
}
