/** What a platform already verified (the session's `prefill`), as the flow's read-only fields. */
import type { JoinSessionCreate } from '../contract/join-sessions'
import type { FlowPrefill } from './types'

/**
 * The session's `prefill` (the wire shape the platform's backend sends with `joinSessions.create`) as the
 * flow's `prefill`: every field given is shown read-only with its own 修改; `verified` shows 平台已核验.
 * @example createJoinFlow({ …, prefill: prefillFromSession(grant.prefill) })
 */
export function prefillFromSession(p: JoinSessionCreate['prefill'] | null | undefined): FlowPrefill {
  if (!p) return {}
  const out: FlowPrefill = {}
  if (p.name) out.name = p.name
  if (p.id_number) out.idNumber = p.id_number
  if (p.mobile) out.mobile = p.mobile
  if (p.employment_form) out.employmentForm = p.employment_form
  if (p.base_region?.county) out.county = p.base_region.county
  if (p.base_region?.township) out.township = p.base_region.township
  if (p.plate) out.plate = p.plate
  if (p.verified) out.verified = true
  return out
}
