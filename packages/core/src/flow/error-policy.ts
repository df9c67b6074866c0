/**
 * What a failed submission leads to, for every error code of the API (and, for codes the
 * contract does not list, by the error's family). The reducer only looks things up here.
 *
 * - `queue`: no answer — it may or may not be stored. Keep the frozen submission and its key; send it again when the network is back.
 * - `keep`: the registry's own trouble. Keep the submission and its key (trying again is a replay); show the error on the union step.
 * - `transfer`: a member of another union — the result step offers the transfer.
 * - `exit:<reason>`: nothing the driver can change; the flow ends with that reason.
 * - `fix:union` / `fix:identity`: drop the submission and show the error where the driver can fix it;
 *   `fix:param`: on the identity step when the error names an applicant field, else on the union step.
 */
import type { RegistryErrorType } from '../client/errors'
import type { ErrorCode } from '../contract/errors'
import type { Failure } from './actions'
import type { ExitReason } from './types'

export type SubmitOutcome = 'queue' | 'keep' | 'transfer' | `exit:${ExitReason}` | 'fix:union' | 'fix:identity' | 'fix:param'

export const SUBMIT_ERROR_POLICY: { readonly [C in ErrorCode]: SubmitOutcome } = {
  invalid_request: 'fix:param',
  parameter_missing: 'fix:param',
  parameter_invalid: 'fix:param',
  payload_too_large: 'fix:param',
  return_url_not_allowed: 'fix:param', // only session creation (the platform's backend) answers it
  // The client has already asked the host for a fresh token once (auth.refresh): the session is gone.
  invalid_api_key: 'exit:session_unavailable',
  api_key_expired: 'exit:session_unavailable',
  invalid_token: 'exit:session_unavailable',
  expired_token: 'exit:session_unavailable',
  forbidden: 'exit:session_unavailable',
  permission_denied: 'exit:session_unavailable',
  // Too many different ID numbers tried in one session: the driver starts again from the platform.
  too_many_id_numbers: 'exit:session_unavailable',
  // A consent or the charter agreed to is not (or no longer) published: shown again on the union step.
  consent_text_unknown: 'fix:union',
  not_found: 'fix:union',
  already_member: 'exit:already_member',
  transfer_required: 'transfer',
  application_exists: 'exit:application_exists',
  session_completed: 'exit:session_unavailable',
  ineligible: 'exit:ineligible',
  not_in_pilot: 'exit:not_in_pilot',
  org_not_offered: 'fix:union',
  // The same key with a different body: the next try is a new request with a new key.
  idempotency_conflict: 'fix:union',
  // Issue #16: answered by the member centre, the review loop and uploads, never by a submission.
  membership_not_found: 'fix:param',
  membership_not_active: 'fix:param',
  membership_retained: 'fix:param',
  transfer_in_progress: 'fix:param',
  leave_pending: 'fix:param',
  no_pending_leave: 'fix:param',
  not_awaiting_information: 'fix:param',
  information_incomplete: 'fix:param',
  upload_not_image: 'fix:param',
  upload_too_large: 'fix:param',
  upload_not_usable: 'fix:param',
  lock_conflict: 'keep',
  rate_limited: 'keep',
  internal_error: 'keep',
  service_unavailable: 'keep',
}

/** For codes the contract does not list (a newer registry's), by family; any other family keeps the submission. */
export const SUBMIT_ERROR_POLICY_BY_TYPE: { readonly [T in RegistryErrorType]?: SubmitOutcome } = {
  authentication_error: 'exit:session_unavailable',
  permission_error: 'exit:session_unavailable',
  idempotency_error: 'fix:union',
  invalid_request_error: 'fix:param',
}

const own = (table: object, key: string): SubmitOutcome | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? (table as Record<string, SubmitOutcome>)[key] : undefined)

/** Offline, or no answer at all (network_error, timeout), always queues; otherwise the code decides, else its family, else keep. */
export function submitOutcome(f: Failure, online: boolean): SubmitOutcome {
  if (!online || f.type === 'connection_error') return 'queue'
  return own(SUBMIT_ERROR_POLICY, f.code) ?? own(SUBMIT_ERROR_POLICY_BY_TYPE, f.type) ?? 'keep'
}
