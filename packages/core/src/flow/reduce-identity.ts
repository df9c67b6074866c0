/** The identity step in the reducer: fields, the home-region picker, the host's phone and face checks, and the match. */
import { toChinaTime } from '../contract/common'
import type { Region } from '../contract/regions'
import { offeredOrgIdsOnWire } from '../contract/submission'
import type { Action } from './actions'
import { sameBody } from './outbox'
import { type FlowModel, closedPicker } from './state'
import { buildSubmission, matchRequest } from './submission'
import { type Next, andThen, emit, fail, finish, none, patch, sendNow } from './transitions'
import type { FieldName } from './types'
import { validateFields } from './validate'

type Of<T extends Action['type']> = Extract<Action, { type: T }>

/** Set fields (as typed, or picked) and show the issues of the touched ones. */
function withFields(m: FlowModel, set: Partial<Record<FieldName, string>>, touched: FieldName, at: number, extra: Partial<FlowModel['view']> = {}): FlowModel {
  const fields = { ...m.view.fields, ...set }
  const t = m.touched.includes(touched) ? m.touched : [...m.touched, touched]
  return { ...patch(m, { fields, fieldIssues: validateFields(fields, t, false, at).issues, ...extra }), touched: t }
}

/** A county was set: ask for its logistics parks (the optional park question); the park chosen for another county goes. */
function withParksOf(m: FlowModel, county: string): Next {
  const reset = patch(m, { parks: [], fields: { ...m.view.fields, homeParkId: '' } })
  return /^\d{6}$/.test(county) ? none(reset, [{ type: 'call', call: 'parks', input: { county }, done: 'parksLoaded', tag: county, background: true }]) : none(reset)
}

/** The parks of a county the platform prefilled (asked for when the flow opens). */
export const parksOf = (m: FlowModel): Next['effects'] => {
  const county = m.view.fields.county
  return /^\d{6}$/.test(county) ? [{ type: 'call', call: 'parks', input: { county }, done: 'parksLoaded', tag: county, background: true }] : []
}

export function parksLoaded(m: FlowModel, a: Of<'parksLoaded'>): Next {
  return a.tag === m.view.fields.county ? none(patch(m, { parks: a.result })) : none(m)
}

export function setField(m: FlowModel, a: Of<'setField'>): Next {
  const v = m.view
  if (v.prefilled.includes(a.name)) return none(m) // read-only until the driver taps 修改
  const changed = a.value !== v.fields[a.name]
  if (a.name === 'homeParkId' && a.value !== '' && !v.parks.some((p) => p.id === a.value)) return none(m) // only a park of the county
  // A number typed over the verified one is no longer verified; a code typed over a picked one leaves its name behind.
  const verification = a.name === 'mobile' && changed ? { ...v.verification, mobileVerifiedAt: null } : v.verification
  const countyLabel = a.name === 'county' && changed ? null : v.countyLabel
  const townshipLabel = (a.name === 'county' || a.name === 'township') && changed ? null : v.townshipLabel
  const next = withFields(m, { [a.name]: a.value }, a.name, a.at, { verification, countyLabel, townshipLabel, error: null })
  return a.name === 'county' && changed ? withParksOf(next, a.value) : none(next)
}

/** The code prefix that lists what lies under a region (a province's 2 digits, a prefecture's 4, a county's 6). */
const under = (r: Region) => r.code.slice(0, r.level === 'province' ? 2 : r.level === 'prefecture' ? 4 : 6)

/** List what lies under the last region of `path` (the pilot's provinces for an empty path; a county's townships). */
export function loadRegions(m: FlowModel, path: Region[]): Next {
  const last = path[path.length - 1]
  const tag = m.regionRequest + 1
  const state = { ...patch(m, { regionPicker: { open: true, path, items: m.view.regionPicker.items, loading: true, query: '', results: null }, error: null }), regionRequest: tag }
  return none(state, [{ type: 'call', call: 'regions', input: last ? { parent: under(last) } : {}, done: 'regionsLoaded', failed: 'regionsFailed', tag }])
}

/** The type-ahead: under the level on screen (the pilot's provinces at the top); an empty query shows the list again. */
export function searchRegions(m: FlowModel, a: Of<'searchRegions'>): Next {
  const picker = m.view.regionPicker
  if (!picker.open) return none(m)
  const query = a.query.slice(0, 20)
  const tag = m.regionRequest + 1
  if (query.trim() === '') return none({ ...patch(m, { regionPicker: { ...picker, query, results: null, loading: false } }), regionRequest: tag })
  const last = picker.path[picker.path.length - 1]
  // The list on screen stays usable while the search runs: a tap on it is a choice like any other.
  const state = { ...patch(m, { regionPicker: { ...picker, query } }), regionRequest: tag }
  return none(state, [{ type: 'call', call: 'regions', input: { ...(last ? { parent: under(last) } : {}), q: query.trim() }, done: 'regionsFound', failed: 'regionsFailed', tag }])
}

export function regionsFound(m: FlowModel, a: Of<'regionsFound'>): Next {
  if (a.tag !== m.regionRequest || !m.view.regionPicker.open) return none(m)
  return none(patch(m, { regionPicker: { ...m.view.regionPicker, results: a.result, loading: false } }))
}

/** The county's townships (optional), from the identity step's own row once the county is chosen. */
export function openTownshipPicker(m: FlowModel): Next {
  const county = m.view.fields.county
  if (!/^\d{6}$/.test(county)) return none(m)
  const name = m.view.countyLabel?.split(' ').pop() ?? county
  return loadRegions(m, [{ code: county, name, level: 'county' }])
}

/** The words of a prefilled home region: one type-ahead call by code (the township's, else the county's). */
export function namePlace(m: FlowModel): Next {
  const { county, township } = m.view.fields
  if (!/^\d{6}$/.test(county) || m.view.countyLabel) return none(m)
  const code = township && township.startsWith(county) ? township : county
  return none(m, [{ type: 'call', call: 'regions', input: { parent: code === county ? county.slice(0, 2) : county, q: code }, done: 'placeNamed', tag: code, background: true }])
}

export function placeNamed(m: FlowModel, a: Of<'placeNamed'>): Next {
  const r = a.result.find((x) => x.code === a.tag)
  const { county, township } = m.view.fields
  if (!r?.full_name || (a.tag !== county && a.tag !== township) || m.view.countyLabel) return none(m)
  if (r.level !== 'township') return none(patch(m, { countyLabel: r.full_name }))
  return none(patch(m, { countyLabel: r.full_name.slice(0, -r.name.length).trim(), townshipLabel: r.name }))
}

export function provincesLoaded(m: FlowModel, a: Of<'provincesLoaded'>): Next {
  return none(patch(m, { regionProvinces: a.result.filter((r) => r.level === 'province') }))
}

/** The driver changes a prefilled field: it becomes an ordinary one (the county opens the picker's buttons again). */
export function editField(m: FlowModel, a: Of<'editField'>): Next {
  return m.view.prefilled.includes(a.name) ? none(patch(m, { prefilled: m.view.prefilled.filter((f) => f !== a.name) })) : none(m)
}

/** A county's townships are optional: without them (none listed, or the list failed) the county stands. */
const townshipsOptional = (m: FlowModel) => m.view.regionPicker.path[m.view.regionPicker.path.length - 1]?.level === 'county'

export function regionsLoaded(m: FlowModel, a: Of<'regionsLoaded'>): Next {
  if (a.tag !== m.regionRequest || !m.view.regionPicker.open) return none(m)
  if (a.result.length === 0 && townshipsOptional(m)) return none(patch(m, { regionPicker: closedPicker() }))
  return none(patch(m, { regionPicker: { ...m.view.regionPicker, items: a.result, loading: false } }))
}

export function regionsFailed(m: FlowModel, a: Extract<Action, { failure: unknown }>): Next {
  if (a.tag !== m.regionRequest) return none(m)
  const closed = patch(m, { regionPicker: closedPicker() })
  return townshipsOptional(m) ? none(closed) : fail(closed, a.failure)
}

export function pickRegion(m: FlowModel, a: Of<'pickRegion'>): Next {
  const picker = m.view.regionPicker
  // Closed: one of the province buttons on the identity step opens the picker at that province.
  if (!picker.open) {
    const province = m.view.prefilled.includes('county') ? undefined : m.view.regionProvinces.find((r) => r.code === a.code)
    return province ? loadRegions(m, [province]) : none(m)
  }
  const found = picker.results?.find((r) => r.code === a.code)
  const chosen = found ?? (picker.results ? undefined : picker.items.find((r) => r.code === a.code))
  // While a list loads, the old one is still shown: a tap on it (a double tap) is ignored.
  if (picker.loading || !chosen) return none(m)
  // A type-ahead result may lie a level or two down: the path is rebuilt from its own code.
  const path = found ? [...picker.path.filter((r) => chosen.code.startsWith(under(r)) && r.level !== chosen.level), chosen] : [...picker.path, chosen]
  if (chosen.level === 'township') return none(withFields(m, { township: chosen.code }, 'township', a.at, { townshipLabel: chosen.name, regionPicker: closedPicker() }))
  if (chosen.level !== 'county') return loadRegions(m, path)
  // The county is chosen and the picker closes: the township (optional) has its own row on the identity step.
  const countyLabel = chosen.full_name ?? path.map((r) => r.name).join(' ')
  return withParksOf(withFields(m, { county: chosen.code, township: '' }, 'county', a.at, { countyLabel, townshipLabel: null, regionPicker: closedPicker() }), chosen.code)
}

export function regionPickerBack(m: FlowModel): Next {
  const picker = m.view.regionPicker
  if (!picker.open) return none(m)
  return picker.path.length === 0 ? none(patch(m, { regionPicker: closedPicker() })) : loadRegions(m, picker.path.slice(0, -1))
}

export function phoneVerified(m: FlowModel, a: Of<'phoneVerified'>): Next {
  const verification = { ...m.view.verification, mobileVerifiedAt: a.result.verifiedAt ?? toChinaTime(a.at) }
  return none(withFields(m, { mobile: a.result.mobile }, 'mobile', a.at, { busy: false, verification }), [emit('PHONE_VERIFIED')])
}

/** The host's check failed: a message in the driver's language, never an end (the union checks by hand). */
export function hostFailed(m: FlowModel, phone: boolean): Next {
  const en = m.config.locale === 'en'
  if (phone) return fail(m, { type: 'host', code: 'phone_code_failed', message: en ? 'Could not get the phone number; please type it in' : '未能获取手机号，请手动填写' })
  return fail(m, { type: 'host', code: 'face_verification_failed', message: en ? 'Facial verification did not pass; you can still submit and the union will check' : '人脸核验未通过，仍可提交，由工会人工核实' })
}

export function faceChecked(m: FlowModel, a: Of<'faceChecked'>): Next {
  if (!a.result.passed) return hostFailed(m, false)
  return none(patch(m, { busy: false, verification: { ...m.view.verification, faceVerifiedAt: a.result.verifiedAt ?? toChinaTime(a.at) } }), [emit('FACE_VERIFIED')])
}

export function confirmIdentity(m: FlowModel, a: Of<'confirmIdentity'>): Next {
  const v = m.view
  if (v.busy) return none(m)
  const { result, issues } = validateFields(v.fields, m.touched, true, a.at)
  // A prefilled field with a problem is opened for editing, so that the driver can see and fix it.
  const opened = v.prefilled.filter((f) => !issues[f])
  if (!result.ok || Object.keys(issues).length > 0) {
    const shown = patch(m, { fieldIssues: issues, prefilled: opened })
    // Under 16: the flow ends, and nothing is stored.
    return !result.ok && result.issues.some((i) => i.code === 'age_below_working_age') ? finish(shown, { exit: 'ineligible' }) : none(shown)
  }
  const valid = [emit('IDENTITY_VALID')]
  let next = patch(m, { fieldIssues: {} })
  if (m.outbox && v.selectedOrgId) {
    // A queued submission resumed without its ID number (storage not private), typed again now.
    const outbox = { ...m.outbox, body: { ...m.outbox.body, applicant: { ...m.outbox.body.applicant, id_number: v.fields.idNumber } } }
    if (sameBody(outbox.body, buildSubmission(v, a.at))) {
      next = { ...next, outbox }
      return v.online ? andThen(valid, sendNow(next, true)) : none(patch(next, { step: 'queued' }), valid)
    }
    // The driver changed more than the ID number: that is a new submission. Match again; the union step sends it.
    next = { ...next, outbox: null }
  }
  return none(patch(next, { busy: true }), [...valid, { type: 'call', call: 'match', input: matchRequest(v.fields, result.value), done: 'matched', failed: 'matchFailed' }])
}

export function matched(m: FlowModel, a: Of<'matched'>): Next {
  const match = a.result
  if (match.status === 'not_in_pilot' || match.status === 'ineligible') return finish(m, { exit: match.status })
  return none(patch(m, { busy: false, match, selectedOrgId: offeredOrgIdsOnWire(match)[0] ?? null, step: 'union' }))
}
