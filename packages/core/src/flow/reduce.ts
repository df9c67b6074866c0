/**
 * The join flow as a pure function: `reduce(state, action) → { state, effects }`. No I/O, no
 * clock, no randomness (actions bring the time and the new idempotency key); effects.ts does the
 * work and reports back with result actions.
 */
import { toChinaTime } from '../contract/common'
import { offeredOrgIdsOnWire } from '../contract/submission'
import type { Action, ActionBody } from './actions'
import { submitOutcome } from './error-policy'
import { keepOrReplace } from './outbox'
import * as identity from './reduce-identity'
import { type FlowModel, closedPicker, parsePersisted, restore, resultKindOf } from './state'
import { buildSubmission } from './submission'
import { bundledTexts, textsFromWire } from './texts'
import { type Next, andThen, emit, fail, finish, none, patch, sendNow } from './transitions'
import type { ConsentGrant, ExitReason, FlowStep } from './types'

export type { Next } from './transitions'

type Of<T extends Action['type']> = Extract<Action, { type: T }>

/** The step each of these applies on; elsewhere it is ignored (a late tap, a stale screen). */
const ON_STEP: { [T in ActionBody['type']]?: FlowStep } = {
  next: 'intro',
  grantConsent: 'consent',
  editField: 'identity',
  openRegionPicker: 'identity',
  openTownshipPicker: 'identity',
  searchRegions: 'identity',
  applyPhoneCode: 'identity',
  useHostPhone: 'identity',
  verifyFace: 'identity',
  confirmIdentity: 'identity',
  selectUnion: 'union',
  confirmUnion: 'union',
  grantShare: 'share',
  setShareWithPartners: 'share',
  setShareMembershipWithPlatform: 'share',
  submit: 'charter',
}
/** Back from a step (nothing agreed is lost; a union agreed to is asked for again only if the driver picks another). */
const BACK: { [S in FlowStep]?: FlowStep } = { union: 'identity', share: 'union', charter: 'share' }
/** What still happens once the flow has ended: the result step's polling and volunteering, the network. */
const AFTER_END: Array<ActionBody['type']> = ['networkChanged', 'tokenRefreshed', 'refreshResult', 'statusFetched', 'servicesLoaded', 'volunteer', 'volunteered', 'volunteerFailed']

export function reduce(m: FlowModel, a: Action): Next {
  const v = m.view
  const { sessionId } = m.config
  const texts = v.texts
  if ((v.finished && !AFTER_END.includes(a.type)) || (ON_STEP[a.type] ?? v.step) !== v.step) return none(m)
  const grant = (kind: 'sensitive_personal_info' | 'share_with_union' | 'charter'): ConsentGrant => ({ version: texts[kind].version, hash: texts[kind].hash, at: toChinaTime(a.at) })
  switch (a.type) {
    case 'open':
      return open(m, a)
    case 'next':
      return none(patch(m, { step: 'consent' }))
    case 'back': {
      const to = BACK[v.step]
      return to && !v.busy ? none(patch(m, { step: to, error: null })) : none(m)
    }
    case 'grantConsent':
      return none(patch(m, { consent: { ...v.consent, sensitive: grant('sensitive_personal_info') }, step: 'identity' }), [emit('CONSENT_GRANTED', { kind: 'sensitive_personal_info', version: texts.sensitive_personal_info.version })])
    case 'confirmUnion':
      if (!v.selectedOrgId || v.busy) return none(m)
      // The consent named another union: it is asked for again, naming this one.
      return none(patch(m, { step: 'share', consent: v.consent.union?.orgId === v.selectedOrgId ? v.consent : { ...v.consent, union: null, charter: null } }))
    case 'grantShare':
      if (!v.selectedOrgId) return none(m)
      return none(patch(m, { consent: { ...v.consent, union: { ...grant('share_with_union'), orgId: v.selectedOrgId } }, step: 'charter' }), [emit('CONSENT_GRANTED', { kind: 'share_with_union', version: texts.share_with_union.version })])
    case 'setShareWithPartners':
      return none(patch(m, { consent: { ...v.consent, shareWithPartners: a.share } }))
    case 'setShareMembershipWithPlatform':
      return none(patch(m, { consent: { ...v.consent, shareMembershipWithPlatform: a.share } }))
    case 'denyConsent':
      if (v.step !== 'consent' && v.step !== 'share') return none(m)
      return andThen([emit('CONSENT_DENIED', { kind: v.step === 'consent' ? 'sensitive_personal_info' : 'share_with_union' })], finish(m, { exit: 'consent_denied' }))
    case 'textsLoaded':
      return none(patch(m, { texts: textsFromWire(a.result, bundledTexts()) }))
    case 'setField':
      return identity.setField(m, a)
    case 'editField':
      return identity.editField(m, a)
    case 'openRegionPicker':
      return identity.loadRegions(m, [])
    case 'openTownshipPicker':
      return identity.openTownshipPicker(m)
    case 'searchRegions':
      return identity.searchRegions(m, a)
    case 'regionsFound':
      return identity.regionsFound(m, a)
    case 'provincesLoaded':
      return identity.provincesLoaded(m, a)
    case 'placeNamed':
      return identity.placeNamed(m, a)
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
    case 'parksLoaded':
      return identity.parksLoaded(m, a)
    case 'applyPhoneCode':
      return m.config.phone && a.code ? none(patch(m, { busy: true, error: null }), [{ type: 'call', call: 'phone', input: a.code, done: 'phoneVerified', failed: 'phoneFailed' }]) : none(m)
    case 'useHostPhone':
      return m.config.hostPhone ? none(patch(m, { busy: true, error: null }), [{ type: 'call', call: 'hostPhone', input: null, done: 'phoneVerified', failed: 'phoneFailed' }]) : none(m)
    case 'phoneVerified':
      return identity.phoneVerified(m, a)
    case 'phoneFailed':
    case 'faceFailed':
      return identity.hostFailed(m, a.type === 'phoneFailed')
    case 'verifyFace':
      return m.config.face ? none(patch(m, { busy: true, error: null }), [{ type: 'call', call: 'face', input: null, done: 'faceChecked', failed: 'faceFailed' }]) : none(m)
    case 'faceChecked':
      return identity.faceChecked(m, a)
    case 'confirmIdentity':
      return identity.confirmIdentity(m, a)
    case 'matched':
      return identity.matched(m, a)
    case 'selectUnion':
      return v.match && offeredOrgIdsOnWire(v.match).includes(a.orgId) ? none(patch(m, { selectedOrgId: a.orgId }), [emit('UNION_SELECTED', { org_id: a.orgId })]) : none(m)
    case 'submit': {
      // The charter step's 同意并提交: the declaration is recorded with this tap, then the application goes.
      if (!v.selectedOrgId || m.waitingFor || !v.consent.sensitive || v.consent.union?.orgId !== v.selectedOrgId) return none(m)
      // Tried again after a failure: the declaration stands as given (same body, same key).
      const accepted = patch(m, { consent: { ...v.consent, charter: v.consent.charter ?? grant('charter') } })
      const queued = { ...accepted, outbox: keepOrReplace(m.outbox, buildSubmission(accepted.view, a.at), a.key) }
      const charter = emit('CHARTER_ACCEPTED', { version: texts.charter.version })
      return v.online ? andThen([charter], sendNow(queued, false)) : none(patch(queued, { step: 'queued', error: null }), [charter, emit('SUBMISSION_QUEUED_OFFLINE')])
    }
    case 'submitted':
    case 'synced': {
      const app = a.result
      const done: FlowModel = { ...patch(m, { step: 'result', busy: false, error: null, result: { kind: resultKindOf(app.status), application: app } }), outbox: null }
      return andThen([emit(a.type === 'synced' ? 'SUBMISSION_SYNCED' : 'SUBMITTED', { status: app.status })], finish(done, { success: { sessionId, applicationId: app.id, status: app.status } }))
    }
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
      if (v.result?.kind !== 'transfer_required' || v.busy || !to) return none(m)
      return none({ ...patch(m, { busy: true, error: null }), waitingFor: 'transfer' }, [{ type: 'call', call: 'transfer', input: { to, reason: a.reason, key: `${sessionId}:transfer:${to}` }, done: 'transferred', failed: 'transferFailed' }])
    }
    case 'transferred':
      return andThen([emit('TRANSFER_REQUESTED')], finish(patch(m, { result: { kind: 'transfer_requested', transfer: a.result } }), { success: { sessionId, transferId: a.result.id, status: 'transfer_requested' } }))
    case 'transferFailed': {
      const failed = fail({ ...m, waitingFor: null }, a.failure)
      return m.exitRequested ? andThen(failed.effects, finish(failed.state, { exit: 'already_member' })) : failed
    }
    case 'refreshResult': {
      const app = v.result?.application
      return app ? none(m, [{ type: 'call', call: 'status', input: app.id, done: 'statusFetched' }]) : none(m)
    }
    case 'statusFetched': {
      const app = v.result?.application
      const fresh = a.result
      if (!app || app.id !== fresh.id || (fresh.status === app.status && fresh.updated_at === app.updated_at)) return none(m)
      const changed = none(patch(m, { result: { kind: resultKindOf(fresh.status), application: fresh } }), [emit('STATUS_CHANGED', { status: fresh.status })])
      // Members now see what they have.
      return fresh.status === 'approved' ? andThen(changed.effects, services(changed.state, 'member')) : changed
    }
    case 'servicesLoaded':
      return none(patch(m, { services: a.result }))
    case 'volunteer': {
      const app = v.result?.application
      if (!app || v.volunteered || v.busy) return none(m)
      return none(patch(m, { busy: true, error: null }), [{ type: 'call', call: 'volunteer', input: { id: app.id, roles: a.roles, key: `${sessionId}:volunteer` }, done: 'volunteered', failed: 'volunteerFailed' }])
    }
    case 'volunteered':
      return none(patch(m, { busy: false, volunteered: true }), [emit('VOLUNTEERED')])
    case 'matchFailed':
    case 'volunteerFailed':
      return fail(m, a.failure)
    case 'exit':
      // The registry's answer decides: exit() waits for it (see submitFailed and transferFailed).
      if (m.waitingFor) return none({ ...m, exitRequested: true })
      if (v.step === 'queued') return finish(m, { exit: 'user_exit' }, true)
      return finish(m, { exit: v.result?.kind === 'transfer_required' ? 'already_member' : 'user_exit' })
  }
}

/** The services for the driver's county (for members once approved). */
const services = (m: FlowModel, membership: 'member' | 'non_member'): Next =>
  none(m, [{ type: 'call', call: 'services', input: { membership, region: m.view.fields.county }, done: 'servicesLoaded', ...(membership === 'non_member' ? { background: true as const } : {}) }])

function open(m: FlowModel, a: Of<'open'>): Next {
  let state = m
  const effects: Next['effects'] = []
  const saved = a.saved === null ? null : parsePersisted(a.saved)
  if (saved) {
    state = restore(state, saved)
    effects.push(emit('RESUMED', { step: state.view.step }))
  } else if (a.saved !== null) effects.push({ type: 'discardDraft' }) // corrupt: start afresh, and say so (resumed: false)
  effects.push(emit('OPEN', { resumed: saved !== null }))
  // A queued submission goes out at once when online; start() does not wait for it.
  const sending = state.view.online ? drain(state) : none(state)
  // In the background: the published texts (the bundled ones stand until then), the pilot's provinces, a prefilled place's words.
  const background: Next['effects'] = [
    { type: 'call', call: 'texts', input: null, done: 'textsLoaded', background: true },
    { type: 'call', call: 'regions', input: {}, done: 'provincesLoaded', background: true },
    ...identity.namePlace(state).effects,
    ...(state.view.fields.county && state.view.parks.length === 0 ? identity.parksOf(state) : []),
  ]
  return andThen([...effects, ...services(state, 'non_member').effects, ...background], none(sending.state, sending.effects.map((e) => (e.type === 'call' ? { ...e, background: true as const } : e))))
}

/** The network is back or the app in the foreground: send what is queued (once: the step moves on at once). */
const drain = (m: FlowModel): Next => (!m.view.finished && m.view.step === 'queued' && m.outbox ? sendNow(m, true) : none(m))

/** What a failed submission leads to: error-policy.ts, one outcome per error code. */
function submitFailed(m: FlowModel, a: Extract<Action, { failure: unknown }>): Next {
  const f = a.failure
  const o = submitOutcome(f, a.online)
  const base: FlowModel = { ...m, waitingFor: null }
  const leaving = m.exitRequested
  if (o === 'queue') {
    // Kept, body and key frozen; a driver who left finds it sent when the flow opens again.
    const queued = none(patch(base, { step: 'queued', busy: false }), [emit('SUBMISSION_QUEUED_OFFLINE')])
    return leaving ? andThen(queued.effects, finish(queued.state, { exit: 'user_exit' }, true)) : queued
  }
  if (o === 'transfer') {
    const offer = { ...patch(base, { step: 'result', busy: false, result: { kind: 'transfer_required' as const } }), outbox: null }
    return leaving ? finish(offer, { exit: 'already_member' }) : none(offer)
  }
  if (o.startsWith('exit:')) return finish({ ...patch(base, { error: { code: f.code, message: f.message } }), outbox: null }, { exit: o.slice(5) as ExitReason })
  // Tried again from the charter step (same key) when nothing needs changing; else back where it can be fixed.
  const step = o === 'fix:identity' || (o === 'fix:param' && f.param?.startsWith('applicant.')) ? 'identity' : o === 'keep' ? 'charter' : 'union'
  const failed = fail(patch(o === 'keep' ? base : { ...base, outbox: null }, { step }), f)
  return leaving ? andThen(failed.effects, finish(failed.state, { exit: 'user_exit' })) : failed
}
