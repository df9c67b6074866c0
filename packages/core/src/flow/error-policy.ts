/**
 * What a failed submission leads to, for every error code of the API (and, for codes the
 * contract does not list, by the error's family). The reducer only looks things up here.
 */
import type { RegistryErrorType } from '../client/errors'
import type { ErrorCode } from '../contract/errors'
import type { Failure } from './actions'
import type { ExitReason } from './types'

export type SubmitOutcome =
  /** No answer: it may or may not be stored. Keep the frozen submission and its key; send it again when the network is back. */
  | { then: 'queue' }
  /** The registry's own trouble: keep the submission and its key (trying again is a replay), show the error on the union step. */
  | { then: 'keep' }
  /** A member of another union: the result step offers the transfer. */
  | { then: 'transfer' }
  /** Nothing the driver can change: the flow ends. */
  | { then: 'exit'; reason: ExitReason }
  /** Drop the submission and show the error where the driver can fix it; `param`: the identity step when the error names an applicant field. */
  | { then: 'fix'; step: 'identity' | 'union' | 'param' }

const queue: SubmitOutcome = { then: 'queue' }
const keep: SubmitOutcome = { then: 'keep' }
const fixUnion: SubmitOutcome = { then: 'fix', step: 'union' }
const fixParam: SubmitOutcome = { then: 'fix', step: 'param' }
const sessionGone: SubmitOutcome = { then: 'exit', reason: 'session_unavailable' }

export const SUBMIT_ERROR_POLICY: { readonly [C in ErrorCode]: SubmitOutcome } = {
  invalid_request: fixParam,
  parameter_missing: fixParam,
  parameter_invalid: fixParam,
  payload_too_large: fixParam,
  // The client has already asked the host for a fresh token once (auth.refresh): the session is gone.
  invalid_api_key: sessionGone,
  api_key_expired: sessionGone,
  invalid_token: sessionGone,
  expired_token: sessionGone,
  forbidden: sessionGone,
  not_found: fixUnion,
  already_member: { then: 'exit', reason: 'already_member' },
  transfer_required: { then: 'transfer' },
  application_exists: { then: 'exit', reason: 'application_exists' },
  session_completed: sessionGone,
  ineligible: { then: 'exit', reason: 'ineligible' },
  not_in_pilot: { then: 'exit', reason: 'not_in_pilot' },
  org_not_offered: fixUnion,
  // The same key with a different body: the next try is a new request with a new key.
  idempotency_conflict: fixUnion,
  lock_conflict: keep,
  rate_limited: keep,
  internal_error: keep,
  service_unavailable: keep,
}

/** For codes not in the contract (the client's own: network_error, timeout, invalid_response; or a newer registry's). */
export const SUBMIT_ERROR_POLICY_BY_TYPE: { readonly [T in RegistryErrorType | 'unexpected']: SubmitOutcome } = {
  connection_error: queue,
  invalid_response_error: keep,
  api_error: keep,
  rate_limit_error: keep,
  authentication_error: sessionGone,
  permission_error: sessionGone,
  idempotency_error: fixUnion,
  invalid_request_error: fixParam,
  unexpected: keep,
}

const own = (table: object, key: string): SubmitOutcome | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? (table as Record<string, SubmitOutcome>)[key] : undefined)

/** Offline, or no answer at all, always queues; otherwise the code decides, else its family, else keep. */
export function submitOutcome(f: Failure, online: boolean): SubmitOutcome {
  if (!online || f.type === 'connection_error') return queue
  return own(SUBMIT_ERROR_POLICY, f.code) ?? own(SUBMIT_ERROR_POLICY_BY_TYPE, f.type) ?? keep
}
