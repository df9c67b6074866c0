// Every error code of the API, and what a failed submission then does to the flow. The expected
// outcomes are written out here (not read from the policy), so a changed policy fails this test.
import { describe, expect, it } from 'vitest'
import { ERROR_CODES, type ErrorCode } from '../contract/errors'
import { ofType, run, submitting } from '../../test/flow-reducer-kit'
import type { Failure } from './actions'
import { submitOutcome } from './error-policy'

const EXPECTED = {
  invalid_request: 'fix:union',
  parameter_missing: 'fix:union',
  parameter_invalid: 'fix:union',
  payload_too_large: 'fix:union',
  return_url_not_allowed: 'fix:union',
  invalid_api_key: 'exit:session_unavailable',
  api_key_expired: 'exit:session_unavailable',
  invalid_token: 'exit:session_unavailable',
  expired_token: 'exit:session_unavailable',
  forbidden: 'exit:session_unavailable',
  not_found: 'fix:union',
  already_member: 'exit:already_member',
  transfer_required: 'transfer',
  application_exists: 'exit:application_exists',
  session_completed: 'exit:session_unavailable',
  ineligible: 'exit:ineligible',
  not_in_pilot: 'exit:not_in_pilot',
  org_not_offered: 'fix:union',
  consent_text_unknown: 'fix:union',
  idempotency_conflict: 'fix:union',
  lock_conflict: 'keep',
  rate_limited: 'keep',
  internal_error: 'keep',
  service_unavailable: 'keep',
  permission_denied: 'exit:session_unavailable',
  too_many_id_numbers: 'exit:session_unavailable',
  // Issue #16's codes never answer a submission; were one to, the driver could change the choice.
  membership_not_found: 'fix:union',
  membership_not_active: 'fix:union',
  membership_retained: 'fix:union',
  transfer_in_progress: 'fix:union',
  leave_pending: 'fix:union',
  no_pending_leave: 'fix:union',
  not_awaiting_information: 'fix:union',
  information_incomplete: 'fix:union',
  upload_not_image: 'fix:union',
  upload_too_large: 'fix:union',
  upload_not_usable: 'fix:union',
} satisfies Record<ErrorCode, string>

/** What the flow did after the failure, in the words of EXPECTED. */
function outcomeOf(failure: Failure, online = true): string {
  const before = submitting()
  const { state, effects } = run(before, { type: 'submitFailed', failure, online })
  const v = state.view
  const exited = ofType(effects, 'exited')[0]
  if (exited) {
    expect(v.finished).toBe(true)
    expect(v.error).toEqual({ code: failure.code, message: failure.message }) // the registry's words stay on screen
    return `exit:${exited.reason}`
  }
  expect(v.finished).toBe(false)
  expect(v.busy).toBe(false)
  if (v.step === 'queued') {
    expect(state.outbox).toBe(before.outbox) // the same body and key
    expect(effects).toEqual([{ type: 'emit', name: 'SUBMISSION_QUEUED_OFFLINE' }])
    return 'queue'
  }
  if (v.result?.kind === 'transfer_required') {
    expect(v.step).toBe('result')
    expect(state.outbox).toBeNull()
    return 'transfer'
  }
  expect(v.error).toEqual({ code: failure.code, message: failure.message })
  expect(effects).toEqual([{ type: 'emit', name: 'ERROR', metadata: { code: failure.code } }])
  if (state.outbox) {
    expect(state.outbox).toBe(before.outbox) // trying again is a replay of the same request
    expect(v.step).toBe('charter') // tried again from the charter step's own button
    return 'keep'
  }
  return `fix:${v.step}`
}

describe('a failed submission, for every error code of the API', () => {
  for (const [code, info] of Object.entries(ERROR_CODES)) {
    it(`${code} (${info.status}) → ${EXPECTED[code as ErrorCode]}`, () => {
      expect(outcomeOf({ type: info.type, code, message: info.zh })).toBe(EXPECTED[code as ErrorCode])
    })
  }

  it('offline, whatever the code: queued', () => {
    for (const [code, info] of Object.entries(ERROR_CODES)) expect(outcomeOf({ type: info.type, code, message: info.zh }, false)).toBe('queue')
  })
})

describe('codes the contract does not list: by family', () => {
  it.each([
    [{ type: 'connection_error', code: 'network_error', message: '网络连接失败' }, 'queue'],
    [{ type: 'connection_error', code: 'timeout', message: '网络较慢' }, 'queue'],
    [{ type: 'invalid_response_error', code: 'invalid_response', message: '服务返回的数据有误' }, 'keep'],
    [{ type: 'api_error', code: 'a_newer_code', message: '…' }, 'keep'],
    [{ type: 'authentication_error', code: 'a_newer_code', message: '…' }, 'exit:session_unavailable'],
    [{ type: 'invalid_request_error', code: 'constructor', message: '…' }, 'fix:union'], // not read off Object.prototype
    [{ type: 'unexpected', code: 'unexpected', message: '出了点问题' }, 'keep'],
  ] as Array<[Failure, string]>)('%o → %s', (failure, expected) => {
    expect(outcomeOf(failure)).toBe(expected)
  })
})

it('an error naming an applicant field sends the driver back to the identity step; any other field to the union step', () => {
  expect(outcomeOf({ type: 'invalid_request_error', code: 'parameter_invalid', message: '手机号码有误', param: 'applicant.mobile' })).toBe('fix:identity')
  expect(outcomeOf({ type: 'invalid_request_error', code: 'parameter_missing', message: '…', param: 'applicant.name' })).toBe('fix:identity')
  expect(outcomeOf({ type: 'invalid_request_error', code: 'parameter_invalid', message: '…', param: 'org_id' })).toBe('fix:union')
})

it('submitOutcome: offline or no answer always queues', () => {
  expect(submitOutcome({ type: 'api_error', code: 'internal_error', message: '' }, false)).toBe('queue')
  expect(submitOutcome({ type: 'connection_error', code: 'already_member', message: '' }, true)).toBe('queue')
})
