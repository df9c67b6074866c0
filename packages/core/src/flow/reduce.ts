/**
 * The join flow as a pure function: `reduce(state, action) → { state, effects }`. No I/O, no
 * clock, no randomness (actions bring the time and the new idempotency key); effects.ts does the work
 * and reports back with result actions.
 */
import { toChinaTime } from '../contract/common'
import { offeredOrgIdsOnWire } from '../contract/submission'
import type { Action } from './actions'
import { submitOutcome } from './error-policy'
import { keepOrReplace } from './outbox'
import * as identity from './reduce-identity'
import { type FlowModel, closedPicker, parsePersisted, restore, resultKindOf } from './state'
import { buildSubmission } from './submission'
import { type Next, emit, fail, finish, none, patch, sendNow, andThen } from './transitions'

export type { Next } from './transitions'

type Of<T extends Action['type']> = Extract<Action, { type: T }>

export function reduce(m: FlowModel, a: Action): Next {
  const v = m.view
  const { sessionId, texts } = m.config
  switch (a.type) {
    case 'open':
      return open(m, a)
    case 'next':
      return v.finished || v.step !== 'intro' ? none(m) : none(patch(m, { step: 'consent' }))
    case 'grantConsent':
      if (v.finished || v.step !== 'consent') return none(m)
      return none(patch(m, { consent: { ...v.consent, granted: true, version: texts.sensitive.version, grantedAt: toChinaTime(a.now) }, step: 'identity' }), [emit('CONSENT_GRANTED', { version: texts.sensitive.version })])
    case 'setShareWithPartners':
      return v.finished || v.step !== 'consent' || !texts.partners ? none(m) : none(patch(m, { consent: { ...v.consent, shareWithPartners: a.share } }))
    case 'denyConsent':
      return v.finished ? none(m) : andThen([emit('CONSENT_DENIED')], finish(m, { exit: 'consent_denied' }))
    case 'setField':
      return identity.setField(m, a)
    case 'openRegionPicker':
      return v.finished || v.step !== 'identity' ? none(m) : identity.loadRegions(m, [])
    case 'pickRegion':
      return identity.pickRegion(m, a)
    case 'regionPickerBack':
      return identity.regionPickerBack(m)
    case 'closeRegionPicker':
      return none(patch(m, { regionPicker: closedPicker() }))
    case 'regionsLoaded':
      return identity.regionsLoaded(m, a)
    case 'regionsFailed':
      return identity.regionsFailed(m, a)
    case 'applyPhoneCode':
      return v.finished || v.step !== 'identity' || !m.config.phone || !a.code ? none(m) : none(patch(m, { busy: true, error: null }), [{ type: 'exchangePhone', code: a.code }])
    case 'phoneVerified':
      return identity.phoneVerified(m, a)
    case 'phoneFailed':
      return identity.phoneFailed(m)
    case 'verifyFace':
      return v.finished || v.step !== 'identity' || !m.config.face ? none(m) : none(patch(m, { busy: true, error: null }), [{ type: 'verifyFace' }])
    case 'faceVerified':
      return identity.faceVerified(m, a)
    case 'faceFailed':
      return identity.faceFailed(m)
    case 'confirmIdentity':
      return identity.confirmIdentity(m, a)
    case 'matched':
      return identity.matched(m, a)
    case 'matchFailed':
      return v.finished ? none(m) : fail(m, a.failure)
    case 'selectUnion':
      if (v.finished || v.step !== 'union' || !v.match || !offeredOrgIdsOnWire(v.match).includes(a.orgId)) return none(m)
      return none(patch(m, { selectedOrgId: a.orgId }), [emit('UNION_SELECTED', { org_id: a.orgId })])
    case 'submit': {
      if (v.finished || v.step !== 'union' || !v.selectedOrgId || m.waitingFor) return none(m)
      const queued = { ...m, outbox: keepOrReplace(m.outbox, buildSubmission(v, texts, a.now), a.key) }
      return a.online ? sendNow(queued, false) : none(patch(queued, { step: 'queued', error: null }), [emit('SUBMISSION_QUEUED_OFFLINE')])
    }
    case 'submitted':
      return submitted(m, a)
    case 'submitFailed':
      return submitFailed(m, a)
    case 'networkChanged': {
      const online = patch(m, { online: a.online })
      return a.online ? drain(online) : none(online)
    }
    case 'foreground':
      return drain(m)
    case 'tokenRefreshed':
      return none(m, [emit('TOKEN_REFRESHED')])
    case 'requestTransfer': {
      const to = v.selectedOrgId
      if (v.finished || v.result?.kind !== 'transfer_required' || v.busy || !to) return none(m)
      return none({ ...patch(m, { busy: true, error: null }), waitingFor: 'transfer' }, [{ type: 'transfer', toOrgId: to, reason: a.reason, idempotencyKey: `${sessionId}:transfer:${to}` }])
    }
    case 'transferred': {
      const done = { ...patch(m, { busy: false, result: { kind: 'transfer_requested' as const, transfer: a.transfer } }), waitingFor: null }
      return andThen([emit('TRANSFER_REQUESTED')], finish(done, { success: { sessionId, transferId: a.transfer.id, status: 'transfer_requested' } }))
    }
    case 'transferFailed': {
      const failed = fail({ ...m, waitingFor: null }, a.failure)
      return m.exitRequested ? andThen(failed.effects, finish(failed.state, { exit: 'already_member' })) : failed
    }
    case 'refreshResult': {
      const app = v.result?.application
      return app ? none(m, [{ type: 'fetchStatus', applicationId: app.id }]) : none(m)
    }
    case 'statusFetched': {
      const app = v.result?.application
      const fresh = a.application
      if (!app || app.id !== fresh.id || (fresh.status === app.status && fresh.updated_at === app.updated_at)) return none(m)
      // Members now see what they have.
      const services = fresh.status === 'approved' ? [{ type: 'loadServices' as const, membership: 'member' as const, region: v.fields.county }] : []
      return none(patch(m, { result: { kind: resultKindOf(fresh.status), application: fresh } }), [emit('STATUS_CHANGED', { status: fresh.status }), ...services])
    }
    case 'servicesLoaded':
      return none(patch(m, { services: a.services }))
    case 'volunteer': {
      const app = v.result?.application
      if (!app || v.volunteered || v.busy) return none(m)
      return none(patch(m, { busy: true, error: null }), [{ type: 'volunteer', applicationId: app.id, roles: a.roles, idempotencyKey: `${sessionId}:volunteer` }])
    }
    case 'volunteered':
      return none(patch(m, { busy: false, volunteered: true }), [emit('VOLUNTEERED')])
    case 'volunteerFailed':
      return fail(m, a.failure)
    case 'exit':
      if (v.finished) return none(m)
      // The registry's answer decides: exit() waits for it (see submitted / submitFailed / transferFailed).
      if (m.waitingFor) return none({ ...m, exitRequested: true })
      if (v.step === 'queued') return finish(m, { exit: 'user_exit' }, true)
      return finish(m, { exit: v.result?.kind === 'transfer_required' ? 'already_member' : 'user_exit' })
  }
}

function open(m: FlowModel, a: Of<'open'>): Next {
  let state = patch(m, { online: a.online })
  const effects: Next['effects'] = []
  const saved = a.saved === null ? null : parsePersisted(a.saved)
  if (saved) {
    state = restore(state, saved)
    effects.push(emit('RESUMED', { step: state.view.step }))
  } else if (a.saved !== null) effects.push({ type: 'discardDraft' }) // corrupt: start afresh, and say so (resumed: false)
  effects.push(emit('OPEN', { resumed: saved !== null }), { type: 'loadServices', membership: 'non_member', region: state.view.fields.county, background: true })
  return a.online ? andThen(effects, drain(state)) : none(state, effects)
}

/** The network is back or the app in the foreground: send what is queued (once: the step moves on at once). */
const drain = (m: FlowModel): Next => (!m.view.finished && m.view.step === 'queued' && m.outbox ? sendNow(m, true) : none(m))

function submitted(m: FlowModel, a: Of<'submitted'>): Next {
  if (m.view.finished) return none(m)
  const app = a.application
  const done: FlowModel = { ...patch(m, { step: 'result', busy: false, error: null, result: { kind: resultKindOf(app.status), application: app } }), outbox: null, waitingFor: null }
  return andThen([emit(a.synced ? 'SUBMISSION_SYNCED' : 'SUBMITTED', { status: app.status })], finish(done, { success: { sessionId: m.config.sessionId, applicationId: app.id, status: app.status } }))
}

/** What a failed submission leads to: error-policy.ts, one outcome per error code. */
function submitFailed(m: FlowModel, a: Of<'submitFailed'>): Next {
  if (m.view.finished) return none(m)
  const f = a.failure
  const o = submitOutcome(f, a.online)
  const base: FlowModel = { ...m, waitingFor: null }
  const leaving = m.exitRequested
  switch (o.then) {
    case 'queue': {
      // Kept, body and key frozen; a driver who left finds it sent when the flow opens again.
      const queued = none(patch(base, { step: 'queued', busy: false }), [emit('SUBMISSION_QUEUED_OFFLINE')])
      return leaving ? andThen(queued.effects, finish(queued.state, { exit: 'user_exit' }, true)) : queued
    }
    case 'transfer': {
      const offer = { ...patch(base, { step: 'result', busy: false, result: { kind: 'transfer_required' as const } }), outbox: null }
      return leaving ? finish(offer, { exit: 'already_member' }) : none(offer)
    }
    case 'exit':
      return finish({ ...patch(base, { error: { code: f.code, message: f.message } }), outbox: null }, { exit: o.reason })
    case 'keep':
    case 'fix': {
      const step = o.then === 'keep' || o.step === 'union' || (o.step === 'param' && !f.param?.startsWith('applicant.')) ? 'union' : 'identity'
      const failed = fail(patch(o.then === 'keep' ? base : { ...base, outbox: null }, { step }), f)
      return leaving ? andThen(failed.effects, finish(failed.state, { exit: 'user_exit' })) : failed
    }
  }
}
