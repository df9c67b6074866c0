/** The identity step in the reducer: fields, the home-region picker, the host's phone and face checks, and the match. */
import type { Region } from '../contract/regions'
import { offeredOrgIdsOnWire } from '../contract/submission'
import type { Action } from './actions'
import { sameBody } from './outbox'
import { type FlowModel, closedPicker } from './state'
import { buildSubmission, matchRequest } from './submission'
import { type Next, emit, fail, finish, none, patch, sendNow, andThen } from './transitions'
import { validateFields } from './validate'
import type { FieldName } from './types'

type Of<T extends Action['type']> = Extract<Action, { type: T }>

const touch = (m: FlowModel, name: FieldName): FieldName[] => (m.touched.includes(name) ? m.touched : [...m.touched, name])

/** Set fields (as typed, or picked) and show the issues of the touched ones. */
function withFields(m: FlowModel, set: Partial<Record<FieldName, string>>, touched: FieldName, now: number, extra: Partial<FlowModel['view']> = {}): FlowModel {
  const fields = { ...m.view.fields, ...set }
  const t = touch(m, touched)
  return { ...patch(m, { fields, fieldIssues: validateFields(fields, t, false, now).issues, ...extra }), touched: t }
}

export function setField(m: FlowModel, a: Of<'setField'>): Next {
  const v = m.view
  if (v.finished) return none(m)
  const changed = a.value !== v.fields[a.name]
  // A number typed over the verified one is no longer verified; a code typed over a picked one leaves its name behind.
  const verification = a.name === 'mobile' && changed ? { ...v.verification, mobileVerifiedAt: null } : v.verification
  const countyLabel = a.name === 'county' && changed ? null : v.countyLabel
  const townshipLabel = (a.name === 'county' || a.name === 'township') && changed ? null : v.townshipLabel
  return none(withFields(m, { [a.name]: a.value }, a.name, a.now, { verification, countyLabel, townshipLabel, error: null }))
}

/** List what lies under the last region of `path` (the pilot's provinces for an empty path; a county's townships). */
export function loadRegions(m: FlowModel, path: Region[]): Next {
  const last = path[path.length - 1]
  const parent = last ? last.code.slice(0, last.level === 'province' ? 2 : last.level === 'prefecture' ? 4 : 6) : undefined
  const request = m.regionRequest + 1
  const state = { ...patch(m, { regionPicker: { open: true, path, items: m.view.regionPicker.items, loading: true }, error: null }), regionRequest: request }
  return none(state, [{ type: 'loadRegions', request, ...(parent ? { parent } : {}) }])
}

/** A county's townships are optional: without them (none listed, or the list failed) the county stands. */
const townshipsOptional = (m: FlowModel) => m.view.regionPicker.path[m.view.regionPicker.path.length - 1]?.level === 'county'

export function regionsLoaded(m: FlowModel, a: Of<'regionsLoaded'>): Next {
  if (a.request !== m.regionRequest || !m.view.regionPicker.open) return none(m)
  if (a.items.length === 0 && townshipsOptional(m)) return none(patch(m, { regionPicker: closedPicker() }))
  return none(patch(m, { regionPicker: { ...m.view.regionPicker, items: a.items, loading: false } }))
}

export function regionsFailed(m: FlowModel, a: Of<'regionsFailed'>): Next {
  if (a.request !== m.regionRequest) return none(m)
  const closed = patch(m, { regionPicker: closedPicker() })
  return townshipsOptional(m) ? none(closed) : fail(closed, a.failure)
}

export function pickRegion(m: FlowModel, a: Of<'pickRegion'>): Next {
  const picker = m.view.regionPicker
  const chosen = picker.items.find((r) => r.code === a.code)
  // While a list loads, the old one is still shown: a tap on it (a double tap) is ignored.
  if (m.view.finished || !picker.open || picker.loading || !chosen) return none(m)
  const path = [...picker.path, chosen]
  if (chosen.level === 'township') return none(withFields(m, { township: chosen.code }, 'township', a.now, { townshipLabel: chosen.name, regionPicker: closedPicker() }))
  if (chosen.level === 'county') {
    // The county is chosen at once; its townships (optional) are offered next where the registry has them.
    const countyLabel = path.map((r) => r.name).join(' ')
    return loadRegions(withFields(m, { county: chosen.code, township: '' }, 'county', a.now, { countyLabel, townshipLabel: null }), path)
  }
  return loadRegions(m, path)
}

export function regionPickerBack(m: FlowModel): Next {
  const picker = m.view.regionPicker
  if (!picker.open) return none(m)
  return picker.path.length === 0 ? none(patch(m, { regionPicker: closedPicker() })) : loadRegions(m, picker.path.slice(0, -1))
}

const en = (m: FlowModel) => m.config.locale === 'en'

export function phoneVerified(m: FlowModel, a: Of<'phoneVerified'>): Next {
  if (m.view.finished) return none(m)
  const verification = { ...m.view.verification, mobileVerifiedAt: a.verifiedAt }
  return none(withFields(m, { mobile: a.mobile }, 'mobile', a.now, { busy: false, verification }), [emit('PHONE_VERIFIED')])
}

export const phoneFailed = (m: FlowModel): Next =>
  fail(m, { type: 'host', code: 'phone_code_failed', message: en(m) ? 'Could not get the phone number; please type it in' : '未能获取手机号，请手动填写' })

export const faceVerified = (m: FlowModel, a: Of<'faceVerified'>): Next =>
  m.view.finished ? none(m) : none(patch(m, { busy: false, verification: { ...m.view.verification, faceVerifiedAt: a.verifiedAt } }), [emit('FACE_VERIFIED')])

export const faceFailed = (m: FlowModel): Next =>
  fail(m, { type: 'host', code: 'face_verification_failed', message: en(m) ? 'Facial verification did not pass; you can still submit and the union will check' : '人脸核验未通过，仍可提交，由工会人工核实' })

export function confirmIdentity(m: FlowModel, a: Of<'confirmIdentity'>): Next {
  const v = m.view
  if (v.finished || v.step !== 'identity' || v.busy) return none(m)
  const { result, issues } = validateFields(v.fields, m.touched, true, a.now)
  if (!result.ok || Object.keys(issues).length > 0) {
    const shown = patch(m, { fieldIssues: issues })
    // Under 16: the flow ends, and nothing is stored.
    return !result.ok && result.issues.some((i) => i.code === 'age_below_working_age') ? finish(shown, { exit: 'ineligible' }) : none(shown)
  }
  const valid = [emit('IDENTITY_VALID')]
  let next = patch(m, { fieldIssues: {} })
  if (m.outbox && v.selectedOrgId) {
    // A queued submission resumed without its ID number (storage not private), typed again now.
    const outbox = { ...m.outbox, body: { ...m.outbox.body, applicant: { ...m.outbox.body.applicant, id_number: v.fields.idNumber } } }
    if (sameBody(outbox.body, buildSubmission(v, m.config.texts, a.now))) {
      next = { ...next, outbox }
      return a.online ? andThen(valid, sendNow(next, true)) : none(patch(next, { step: 'queued' }), valid)
    }
    // The driver changed more than the ID number: that is a new submission. Match again; the union step sends it.
    next = { ...next, outbox: null }
  }
  return none(patch(next, { busy: true }), [...valid, { type: 'match', request: matchRequest(v.fields, result.value) }])
}

export function matched(m: FlowModel, a: Of<'matched'>): Next {
  if (m.view.finished) return none(m)
  const { match } = a
  if (match.status === 'not_in_pilot' || match.status === 'ineligible') return finish(m, { exit: match.status })
  return none(patch(m, { busy: false, match, selectedOrgId: offeredOrgIdsOnWire(match)[0] ?? null, step: 'union' }))
}
