// The join flow's reducer: every step, the picker, the host's checks, the queue, exit and the
// token refresh, as pure transitions — no network, no msw, no clock.
import { describe, expect, it } from 'vitest'
import { DRIVER, SESSION, T0, UNDERAGE_ID, application, atCharter, atUnion, calls, events, match, ofType, opened, queuedOffline, run, submitting, typed } from '../../test/flow-reducer-kit'
import { reduce } from './reduce'
import { PUBLISHED_TEXTS } from '../consent/published-texts'
import { consentTextHash } from '../consent/hash'

const failure = (type: string, code: string, message = '…') => ({ failure: { type, code, message }, online: true })

describe('steps', () => {
  it('opens at the intro, says so (not resumed) and loads the services, the published texts and the provinces in the background; next only moves on from the intro', () => {
    const o = reduce(opened(), { type: 'open', saved: null, at: T0 })
    expect(o.state.view.step).toBe('intro')
    expect(o.effects).toEqual([
      { type: 'emit', name: 'OPEN', metadata: { resumed: false } },
      { type: 'call', call: 'services', input: { membership: 'non_member', region: '' }, done: 'servicesLoaded', background: true },
      { type: 'call', call: 'texts', input: null, done: 'textsLoaded', background: true },
      { type: 'call', call: 'regions', input: {}, done: 'provincesLoaded', background: true },
    ])
    expect(run(opened(), { type: 'next' }).state.view.step).toBe('consent')
    expect(run(typed(), { type: 'next' }).state.view.step).toBe('identity')
  })

  it('intro → consent (Art. 29, before the ID number) → identity: recorded with the published version, hash and the time of the tap', () => {
    const { state, effects } = run(opened(), { type: 'next' }, { type: 'grantConsent' })
    expect(state.view.step).toBe('identity')
    expect(state.view.consent).toEqual({
      sensitive: { version: PUBLISHED_TEXTS.sensitive_personal_info.text_version, hash: consentTextHash(PUBLISHED_TEXTS.sensitive_personal_info.body), at: '2026-11-28T10:00:00.000+08:00' },
      union: null,
      charter: null,
      shareWithPartners: false,
      shareMembershipWithPlatform: false,
    })
    expect(effects).toEqual([{ type: 'emit', name: 'CONSENT_GRANTED', metadata: { kind: 'sensitive_personal_info', version: PUBLISHED_TEXTS.sensitive_personal_info.text_version } }])
  })

  it('union → share (Art. 23, naming the chosen union) → charter → submit, each its own tap; the optional consents are off unless switched on', () => {
    const atShare = run(atUnion(), { type: 'selectUnion', orgId: 'org_park' }, { type: 'confirmUnion' }).state
    expect(atShare.view.step).toBe('share')
    // Only on the share step; off by default.
    expect(run(atUnion(), { type: 'setShareWithPartners', share: true }).state.view.consent.shareWithPartners).toBe(false)
    const switched = run(atShare, { type: 'setShareMembershipWithPlatform', share: true }, { type: 'grantShare', at: T0 + 1000 })
    expect(switched.state.view.step).toBe('charter')
    expect(switched.state.view.consent.union).toMatchObject({ orgId: 'org_park', version: PUBLISHED_TEXTS.share_with_union.text_version, at: '2026-11-28T10:00:01.000+08:00' })
    expect(switched.state.view.consent.charter).toBeNull()
    const sent = run(switched.state, { type: 'submit', key: 'k', at: T0 + 2000 })
    expect(events(sent.effects)).toEqual(['CHARTER_ACCEPTED'])
    const body = calls(sent.effects, 'submit')[0]!.input.body
    expect(body.org_id).toBe('org_park')
    expect(body.consents.map((c) => [c.kind, c.granted_at])).toEqual([
      ['sensitive_personal_info', '2026-11-28T10:00:00.000+08:00'],
      ['share_with_union', '2026-11-28T10:00:01.000+08:00'],
      ['share_membership_with_platform', '2026-11-28T10:00:01.000+08:00'],
    ])
    expect(body.charter).toEqual({ text_version: PUBLISHED_TEXTS.charter.text_version, text_hash: consentTextHash(PUBLISHED_TEXTS.charter.body), accepted_at: '2026-11-28T10:00:02.000+08:00' })
    // Submitting is the charter step's own tap: not from the union step, nor without the share consent.
    expect(calls(run(atUnion(), { type: 'submit', key: 'k' }).effects, 'submit')).toEqual([])
  })

  it('back from the share step and another union: the consent named the first one, so it is asked for again', () => {
    const agreed = run(atUnion(), { type: 'confirmUnion' }, { type: 'grantShare' }, { type: 'back' }, { type: 'back' }).state
    expect(agreed.view.step).toBe('union')
    expect(run(agreed, { type: 'confirmUnion' }).state.view.consent.union?.orgId).toBe('org_freight')
    const other = run(agreed, { type: 'selectUnion', orgId: 'org_park' }, { type: 'confirmUnion' }).state
    expect(other.view).toMatchObject({ step: 'share', consent: { union: null } })
  })

  it('the published texts replace the bundled ones; a grant keeps the version it was given with', () => {
    const wire = [{ object: 'consent_text' as const, kind: 'share_with_union' as const, text_version: '2027-01', text_hash: 'a'.repeat(64), title: 't', body: 'b {org_name}', published_at: '2027-01-01T00:00:00.000+08:00' }]
    const loaded = run(atUnion(), { type: 'textsLoaded', result: wire }, { type: 'confirmUnion' }, { type: 'grantShare' }).state
    expect(loaded.view.texts.source).toBe('registry')
    expect(loaded.view.consent.union).toMatchObject({ version: '2027-01', hash: 'a'.repeat(64) })
    expect(loaded.view.texts.charter.version).toBe(PUBLISHED_TEXTS.charter.text_version)
  })

  it('declining either required consent ends once with consent_denied and discards the draft', () => {
    const { state, effects } = run(opened(), { type: 'next' }, { type: 'denyConsent' }, { type: 'denyConsent' }, { type: 'exit' })
    expect(state.view.finished).toBe(true)
    expect(effects).toEqual([{ type: 'emit', name: 'CONSENT_DENIED', metadata: { kind: 'sensitive_personal_info' } }, { type: 'discardDraft' }, { type: 'emit', name: 'EXIT', metadata: { reason: 'consent_denied' } }, { type: 'exited', reason: 'consent_denied' }])
    const atShare = run(atUnion(), { type: 'confirmUnion' }, { type: 'denyConsent' })
    expect(ofType(atShare.effects, 'exited')).toEqual([{ type: 'exited', reason: 'consent_denied' }])
    expect(run(atUnion(), { type: 'denyConsent' }).state.view.finished).toBe(false)
  })

  it('identity: issues only for touched fields while typing, for all on confirm, and the step stays', () => {
    const m = run(opened(), { type: 'next' }, { type: 'grantConsent' }, { type: 'setField', name: 'idNumber', value: '320102198503151231' }).state
    expect(m.view.fieldIssues.idNumber?.[0]?.code).toBe('invalid_checksum')
    expect(m.view.fieldIssues.name).toBeUndefined()
    const { state, effects } = run(m, { type: 'confirmIdentity' })
    expect(state.view.step).toBe('identity')
    expect(Object.keys(state.view.fieldIssues).sort()).toEqual(['county', 'employmentForm', 'idNumber', 'mobile', 'name'])
    expect(effects).toEqual([])
  })

  it('identity → union: the match asks with the age and document kind from the ID number, never the number itself', () => {
    const { state, effects } = run(typed(), { type: 'confirmIdentity' })
    expect(state.view.busy).toBe(true)
    expect(events(effects)).toEqual(['IDENTITY_VALID'])
    expect(calls(effects, 'match')).toEqual([{ type: 'call', call: 'match', input: { employment_form: 'platform_self_employed', base_region: { county: '320115' }, age: 41, document_kind: 'resident' }, done: 'matched', failed: 'matchFailed' }])
    expect(JSON.stringify(effects)).not.toContain(DRIVER.idNumber)
    const at = run(state, { type: 'matched', result: match }).state
    expect(at.view).toMatchObject({ step: 'union', busy: false, selectedOrgId: 'org_freight', match })
    const failed = run(state, { type: 'matchFailed', ...failure('api_error', 'internal_error', '服务暂时出了点问题') })
    expect(failed.state.view).toMatchObject({ step: 'identity', busy: false, error: { code: 'internal_error', message: '服务暂时出了点问题' } })
  })

  it('under 16 ends the flow with ineligible; a match outside the pilot or ineligible ends it too', () => {
    const young = run(typed(opened(), { ...DRIVER, idNumber: UNDERAGE_ID }), { type: 'confirmIdentity' })
    expect(young.state.view.finished).toBe(true)
    expect(ofType(young.effects, 'exited')).toEqual([{ type: 'exited', reason: 'ineligible' }])
    for (const status of ['not_in_pilot', 'ineligible'] as const) {
      const r = run(typed(), { type: 'confirmIdentity' }, { type: 'matched', result: { ...match, status } })
      expect(ofType(r.effects, 'exited')).toEqual([{ type: 'exited', reason: status }])
    }
  })

  it('union: only an offered union can be chosen', () => {
    const ignored = run(atUnion(), { type: 'selectUnion', orgId: 'org_elsewhere' })
    expect(ignored.state.view.selectedOrgId).toBe('org_freight')
    const chosen = run(atUnion(), { type: 'selectUnion', orgId: 'org_park' })
    expect(chosen.state.view.selectedOrgId).toBe('org_park')
    expect(chosen.effects).toEqual([{ type: 'emit', name: 'UNION_SELECTED', metadata: { org_id: 'org_park' } }])
  })

  it('submit: the frozen body goes out with the new key; a second tap sends nothing; created → result and one onSuccess', () => {
    const { state, effects } = run(atCharter(), { type: 'submit', key: 'key-1', at: T0 + 60_000 }, { type: 'submit', key: 'key-2' })
    expect(state.view).toMatchObject({ step: 'submitting', busy: true })
    const sends = calls(effects, 'submit')
    expect(sends).toHaveLength(1)
    expect(sends[0]).toMatchObject({ done: 'submitted', failed: 'submitFailed', input: { idempotencyKey: 'key-1' } })
    expect(sends[0]?.input.body).toMatchObject({ applicant: { name: DRIVER.name, id_number: DRIVER.idNumber }, org_id: 'org_freight', base_region: { county: '320115' }, charter: { text_version: PUBLISHED_TEXTS.charter.text_version } })
    // The consents carry the time the driver agreed (T0), not the time of sending (T0 + 1 min).
    expect(sends[0]?.input.body.consents.map((c) => [c.kind, c.granted_at])).toEqual([
      ['sensitive_personal_info', '2026-11-28T10:00:00.000+08:00'],
      ['share_with_union', '2026-11-28T10:00:00.000+08:00'],
    ])
    const done = run(state, { type: 'submitted', result: application() }, { type: 'exit' }, { type: 'submitted', result: application() })
    expect(done.state.view).toMatchObject({ step: 'result', finished: true, result: { kind: 'pending_review' } })
    expect(done.state.outbox).toBeNull()
    expect(done.effects).toEqual([
      { type: 'emit', name: 'SUBMITTED', metadata: { status: 'under_review' } },
      { type: 'discardDraft' },
      { type: 'succeed', result: { sessionId: SESSION, applicationId: 'app_1', status: 'under_review' } },
    ])
  })

  it('the result follows the review: a change is reported once, approval loads the members’ services', () => {
    const at = run(submitting(), { type: 'submitted', result: application() }).state
    expect(run(at, { type: 'refreshResult' }).effects).toEqual([{ type: 'call', call: 'status', input: 'app_1', done: 'statusFetched' }])
    expect(run(at, { type: 'statusFetched', result: application() }).effects).toEqual([])
    const approved = run(at, { type: 'statusFetched', result: application('approved', '2026-11-29T09:00:00+08:00') })
    expect(approved.state.view.result?.kind).toBe('approved')
    expect(approved.effects).toEqual([{ type: 'emit', name: 'STATUS_CHANGED', metadata: { status: 'approved' } }, { type: 'call', call: 'services', input: { membership: 'member', region: '320115' }, done: 'servicesLoaded' }])
    expect(ofType(approved.effects, 'succeed')).toEqual([]) // no second callback
  })

  it('volunteering: one request however often it is asked, then VOLUNTEERED', () => {
    const at = run(submitting(), { type: 'submitted', result: application() }).state
    const asked = run(at, { type: 'volunteer', roles: ['activist'] }, { type: 'volunteer', roles: ['activist'] })
    expect(calls(asked.effects, 'volunteer')).toEqual([{ type: 'call', call: 'volunteer', input: { id: 'app_1', roles: ['activist'], key: `${SESSION}:volunteer` }, done: 'volunteered', failed: 'volunteerFailed' }])
    const done = run(asked.state, { type: 'volunteered', result: application() }, { type: 'volunteer', roles: ['volunteer'] })
    expect(done.state.view.volunteered).toBe(true)
    expect(done.effects).toEqual([{ type: 'emit', name: 'VOLUNTEERED' }])
  })

  it('a member elsewhere: the transfer is offered, requesting it is the success; leaving instead is already_member', () => {
    const offered = run(submitting(), { type: 'submitFailed', ...failure('invalid_request_error', 'transfer_required') }).state
    expect(offered.view.result).toEqual({ kind: 'transfer_required' })
    const asked = run(offered, { type: 'requestTransfer', reason: 'relocation' }, { type: 'requestTransfer', reason: 'relocation' })
    expect(calls(asked.effects, 'transfer')).toEqual([{ type: 'call', call: 'transfer', input: { to: 'org_freight', reason: 'relocation', key: `${SESSION}:transfer:org_freight` }, done: 'transferred', failed: 'transferFailed' }])
    const done = run(asked.state, { type: 'transferred', result: { id: 'tr_1' } as never })
    expect(done.effects.slice(-1)).toEqual([{ type: 'succeed', result: { sessionId: SESSION, transferId: 'tr_1', status: 'transfer_requested' } }])
    expect(ofType(run(offered, { type: 'exit' }).effects, 'exited')).toEqual([{ type: 'exited', reason: 'already_member' }])
    const leftWhileAsking = run(asked.state, { type: 'exit' }, { type: 'transferFailed', ...failure('api_error', 'internal_error') })
    expect(ofType(leftWhileAsking.effects, 'exited')).toEqual([{ type: 'exited', reason: 'already_member' }])
  })
})

describe('the queue', () => {
  it('offline at submit: queued; back online it is sent once, as the same request; synced → SUBMISSION_SYNCED', () => {
    const offline = run(atCharter(), { type: 'networkChanged', online: false }, { type: 'submit', key: 'key-1' })
    expect(offline.state.view.step).toBe('queued')
    expect(offline.effects).toEqual([{ type: 'emit', name: 'CHARTER_ACCEPTED', metadata: { version: PUBLISHED_TEXTS.charter.text_version } }, { type: 'emit', name: 'SUBMISSION_QUEUED_OFFLINE' }])
    const back = run(offline.state, { type: 'networkChanged', online: false }, { type: 'networkChanged', online: true }, { type: 'networkChanged', online: true }, { type: 'foreground' })
    const sends = calls(back.effects, 'submit')
    expect(sends).toHaveLength(1)
    expect(sends[0]).toMatchObject({ done: 'synced', input: { idempotencyKey: 'key-1' } })
    expect(events(run(back.state, { type: 'synced', result: application() }).effects)).toEqual(['SUBMISSION_SYNCED'])
  })

  it('the foreground drains the queue (WeChat cuts requests off in the background)', () => {
    const queued = run(submitting(), { type: 'submitFailed', ...failure('connection_error', 'network_error') }).state
    expect(queued.view.step).toBe('queued')
    expect(calls(run(queued, { type: 'foreground' }, { type: 'foreground' }).effects, 'submit')).toHaveLength(1)
  })

  it('trying again after the registry’s own error resends the same key; a changed choice is a new key', () => {
    const failed = run(submitting(), { type: 'submitFailed', ...failure('api_error', 'service_unavailable') }).state
    expect(calls(run(failed, { type: 'submit', key: 'key-2', at: T0 + 120_000 }).effects, 'submit')[0]?.input.idempotencyKey).toBe('key-1')
    const changed = run(failed, { type: 'back' }, { type: 'back' }, { type: 'selectUnion', orgId: 'org_park' }, { type: 'confirmUnion' }, { type: 'grantShare' }, { type: 'submit', key: 'key-3' })
    expect(calls(changed.effects, 'submit')[0]?.input.idempotencyKey).toBe('key-3')
  })
})

describe('exit', () => {
  it('while a submission is on its way: nothing yet; created → onSuccess (the driver did join), never user_exit', () => {
    const waiting = run(submitting(), { type: 'exit' }, { type: 'exit' })
    expect(waiting.effects).toEqual([])
    expect(waiting.state.view.finished).toBe(false)
    const done = run(waiting.state, { type: 'submitted', result: application() })
    expect(ofType(done.effects, 'succeed')).toHaveLength(1)
    expect(ofType(done.effects, 'exited')).toEqual([])
  })

  it('while a submission is on its way: refused → that reason; no answer → user_exit and the submission stays on the device', () => {
    const waiting = run(submitting(), { type: 'exit' }).state
    const refused = run(waiting, { type: 'submitFailed', ...failure('invalid_request_error', 'application_exists') })
    expect(ofType(refused.effects, 'exited')).toEqual([{ type: 'exited', reason: 'application_exists' }])
    const lost = run(waiting, { type: 'submitFailed', ...failure('connection_error', 'timeout') })
    expect(ofType(lost.effects, 'exited')).toEqual([{ type: 'exited', reason: 'user_exit' }])
    expect(ofType(lost.effects, 'discardDraft')).toEqual([])
    expect(lost.state.outbox?.idempotencyKey).toBe('key-1')
    const fixable = run(waiting, { type: 'submitFailed', ...failure('invalid_request_error', 'org_not_offered') })
    expect(ofType(fixable.effects, 'exited')).toEqual([{ type: 'exited', reason: 'user_exit' }])
  })

  it('with a submission queued offline: user_exit, the draft is kept (sent when the flow next opens), and the network coming back sends nothing now', () => {
    const left = run(queuedOffline(), { type: 'exit' }, { type: 'networkChanged', online: true })
    expect(left.effects).toEqual([{ type: 'emit', name: 'EXIT', metadata: { reason: 'user_exit' } }, { type: 'exited', reason: 'user_exit' }])
  })

  it('anywhere else: user_exit at once, the draft discarded; a late answer changes nothing', () => {
    const left = run(typed(), { type: 'confirmIdentity' }, { type: 'exit' })
    expect(left.effects.slice(-3)).toEqual([{ type: 'discardDraft' }, { type: 'emit', name: 'EXIT', metadata: { reason: 'user_exit' } }, { type: 'exited', reason: 'user_exit' }])
    const late = run(left.state, { type: 'matched', result: match })
    expect(late.state).toBe(left.state)
    expect(late.effects).toEqual([])
  })
})

it('token refresh: the client refreshed (auth.refresh) → TOKEN_REFRESHED, and nothing else changes', () => {
  const m = atUnion()
  const r = reduce(m, { type: 'tokenRefreshed', at: T0 })
  expect(r.state).toBe(m)
  expect(r.effects).toEqual([{ type: 'emit', name: 'TOKEN_REFRESHED' }])
})
