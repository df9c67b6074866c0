// The identity step in the reducer: the home-region picker and the host's phone and face checks
// (fields and the match are in reduce.test.ts) — no network, no msw, no clock.
import { describe, expect, it } from 'vitest'
import { DRIVER, atCharter, atUnion, calls, config, events, opened, run, typed } from '../../test/flow-reducer-kit'
import { initialModel } from './state'
import { unionContactOf } from './union-contact'

const failure = (type: string, code: string, message = '…') => ({ failure: { type, code, message }, online: true })

describe('the home-region picker', () => {
  const regions = {
    provinces: [{ code: '320000', name: '江苏省', level: 'province' as const }],
    cities: [{ code: '320100', name: '南京市', level: 'prefecture' as const }],
    counties: [{ code: '320115', name: '江宁区', level: 'county' as const }],
    townships: [{ code: '320115002', name: '秣陵街道', level: 'township' as const }],
  }
  const parents = (effects: Parameters<typeof calls>[0]) => calls(effects, 'regions').map((e) => [e.tag, e.input.parent])

  it('goes down level by level with the right parent, fills the county (the picker closes) and then, from its own row, the township, in words', () => {
    let r = run(typed(), { type: 'openRegionPicker' })
    expect(calls(r.effects, 'regions')).toEqual([{ type: 'call', call: 'regions', input: {}, done: 'regionsLoaded', failed: 'regionsFailed', tag: 1 }])
    r = run(r.state, { type: 'regionsLoaded', result: regions.provinces, tag: 1 }, { type: 'pickRegion', code: '320000' }, { type: 'pickRegion', code: '320000' })
    expect(parents(r.effects)).toEqual([[2, '32']]) // a double tap goes down one level
    r = run(r.state, { type: 'regionsLoaded', result: regions.cities, tag: 2 }, { type: 'pickRegion', code: '320100' }, { type: 'regionsLoaded', result: regions.counties, tag: 3 }, { type: 'pickRegion', code: '320115' })
    expect(r.state.view.fields.county).toBe('320115')
    expect(r.state.view.countyLabel).toBe('江苏省 南京市 江宁区')
    expect(parents(r.effects)).toEqual([[3, '3201']])
    expect(r.state.view.regionPicker.open).toBe(false)
    r = run(r.state, { type: 'openTownshipPicker' })
    expect(parents(r.effects)).toEqual([[4, '320115']])
    r = run(r.state, { type: 'regionsLoaded', result: regions.townships, tag: 4 }, { type: 'pickRegion', code: '999999' }, { type: 'pickRegion', code: '320115002' })
    expect(r.state.view).toMatchObject({ townshipLabel: '秣陵街道', regionPicker: { open: false } })
    expect(r.state.view.fields.township).toBe('320115002')
  })

  it('only the latest list is shown; a county without townships (or whose list fails) closes the picker and stands', () => {
    let r = run(typed(), { type: 'openRegionPicker' }, { type: 'regionsLoaded', result: regions.provinces, tag: 1 }, { type: 'pickRegion', code: '320000' })
    r = run(r.state, { type: 'regionsLoaded', result: regions.townships, tag: 1 }) // stale
    expect(r.state.view.regionPicker.loading).toBe(true)
    const counties = run(r.state, { type: 'regionsLoaded', result: regions.counties, tag: 2 }, { type: 'pickRegion', code: '320115' }, { type: 'openTownshipPicker' }).state
    expect(run(counties, { type: 'regionsLoaded', result: [], tag: 3 }).state.view.regionPicker.open).toBe(false)
    const failed = run(counties, { type: 'regionsFailed', ...failure('api_error', 'internal_error'), tag: 3 })
    expect(failed.state.view).toMatchObject({ regionPicker: { open: false }, error: null, fields: { county: '320115' } })
    const failedProvinces = run(typed(), { type: 'openRegionPicker' }, { type: 'regionsFailed', ...failure('api_error', 'internal_error', '服务暂时出了点问题'), tag: 1 })
    expect(failedProvinces.state.view.error).toEqual({ code: 'internal_error', message: '服务暂时出了点问题' })
  })

  it('typing over a picked code drops its words; back goes up a level, and closes at the top', () => {
    const picked = { ...typed(), view: { ...typed().view, countyLabel: '江苏省 南京市 江宁区', townshipLabel: '秣陵街道' } }
    const t = run(picked, { type: 'setField', name: 'township', value: '320115003' }).state
    expect([t.view.countyLabel, t.view.townshipLabel]).toEqual(['江苏省 南京市 江宁区', null])
    expect(run(t, { type: 'setField', name: 'county', value: '340104' }).state.view.countyLabel).toBeNull()
    const down = run(typed(), { type: 'openRegionPicker' }, { type: 'regionsLoaded', result: regions.provinces, tag: 1 }, { type: 'pickRegion', code: '320000' }, { type: 'regionsLoaded', result: regions.cities, tag: 2 })
    const back = run(down.state, { type: 'regionPickerBack' })
    expect(parents(back.effects)).toEqual([[3, undefined]])
    expect(run(back.state, { type: 'regionsLoaded', result: regions.provinces, tag: 3 }, { type: 'regionPickerBack' }).state.view.regionPicker.open).toBe(false)
  })
})

describe('host capabilities', () => {
  it('the phone code: a verified mobile; typing over it drops the verification; a failure is a message in the driver’s language', () => {
    const asked = run(typed(), { type: 'applyPhoneCode', code: 'wx-1' })
    expect(asked.effects).toEqual([{ type: 'call', call: 'phone', input: 'wx-1', done: 'phoneVerified', failed: 'phoneFailed' }])
    const got = run(asked.state, { type: 'phoneVerified', result: { mobile: '13800000009', verifiedAt: '2026-11-28T09:00:00+08:00' } })
    expect(got.state.view).toMatchObject({ busy: false, fields: { mobile: '13800000009' }, verification: { mobileVerifiedAt: '2026-11-28T09:00:00+08:00' } })
    expect(events(got.effects)).toEqual(['PHONE_VERIFIED'])
    expect(run(asked.state, { type: 'phoneVerified', result: { mobile: '13800000009' } }).state.view.verification.mobileVerifiedAt).toBe('2026-11-28T10:00:00.000+08:00') // the host gave no time: now
    expect(run(got.state, { type: 'setField', name: 'mobile', value: '13800000001' }).state.view.verification.mobileVerifiedAt).toBeNull()
    expect(run(typed(opened({ locale: 'en' })), { type: 'phoneFailed', ...failure('unexpected', 'unexpected') }).state.view.error).toEqual({ code: 'phone_code_failed', message: 'Could not get the phone number; please type it in' })
  })

  it('the face check: passed is recorded; not passed (or failed) is a message, not an end', () => {
    for (const no of [{ type: 'faceChecked' as const, result: { passed: false } }, { type: 'faceFailed' as const, ...failure('unexpected', 'unexpected') }]) {
      const failed = run(typed(), { type: 'verifyFace' }, no)
      expect(failed.state.view).toMatchObject({ finished: false, busy: false, error: { code: 'face_verification_failed', message: '人脸核验未通过，仍可提交，由工会人工核实' } })
    }
    const passed = run(typed(), { type: 'verifyFace' }, { type: 'faceChecked', result: { passed: true, verifiedAt: '2026-11-28T09:05:00+08:00' } })
    expect(passed.state.view.verification.faceVerifiedAt).toBe('2026-11-28T09:05:00+08:00')
    expect(events(passed.effects)).toEqual(['FACE_VERIFIED'])
    const body = calls(run(atCharter(atUnion(passed.state)), { type: 'submit', key: 'k' }).effects, 'submit')[0]?.input.body
    expect(body?.identity_verification).toEqual({ method: 'face_match', verified_at: '2026-11-28T09:05:00+08:00' })
  })

  it('without the capability, or before the identity step, the methods do nothing', () => {
    expect(run(typed(opened({ phone: false, face: false })), { type: 'applyPhoneCode', code: 'x' }, { type: 'verifyFace' }).effects).toEqual([])
    expect(run(opened(), { type: 'applyPhoneCode', code: 'x' }, { type: 'verifyFace' }).effects).toEqual([])
  })
})

describe('the park question (optional) and whom to contact', () => {
  const parks = [{ id: 'PARK-NJ-01', object: 'park' as const, name: '南京某物流园区（示例）', county: '320115' }]

  it('a county chosen asks for its parks; only that county’s answer is shown; a park of the list can be picked, another county drops it', () => {
    let r = run(typed(opened(), { ...DRIVER, county: '' }), { type: 'setField', name: 'county', value: '320115' })
    expect(calls(r.effects, 'parks')).toEqual([{ type: 'call', call: 'parks', input: { county: '320115' }, done: 'parksLoaded', tag: '320115', background: true }])
    r = run(r.state, { type: 'parksLoaded', result: parks, tag: '320104' }) // an older county's answer
    expect(r.state.view.parks).toEqual([])
    r = run(r.state, { type: 'parksLoaded', result: parks, tag: '320115' }, { type: 'setField', name: 'homeParkId', value: 'PARK-NOT-LISTED' })
    expect([r.state.view.parks, r.state.view.fields.homeParkId]).toEqual([parks, ''])
    r = run(r.state, { type: 'setField', name: 'homeParkId', value: 'PARK-NJ-01' })
    expect(r.state.view.fields.homeParkId).toBe('PARK-NJ-01')
    const moved = run(r.state, { type: 'setField', name: 'county', value: '340104' })
    expect([moved.state.view.parks, moved.state.view.fields.homeParkId]).toEqual([[], ''])
    expect(calls(run(r.state, { type: 'setField', name: 'county', value: '3401' }).effects, 'parks')).toEqual([]) // not a county code yet
  })

  it('the match request and the submission carry the park; without one, no park is sent', () => {
    const withPark = run(typed(opened(), { ...DRIVER, county: '' }), { type: 'setField', name: 'county', value: '320115' }, { type: 'parksLoaded', result: parks, tag: '320115' }, { type: 'setField', name: 'homeParkId', value: 'PARK-NJ-01' }, { type: 'confirmIdentity' })
    expect(calls(withPark.effects, 'match')[0]?.input).toMatchObject({ home_park_id: 'PARK-NJ-01', base_region: { county: '320115' } })
    const sent = run(atCharter(atUnion(withPark.state)), { type: 'submit', key: 'k' })
    expect(calls(sent.effects, 'submit')[0]?.input.body).toMatchObject({ home_park_id: 'PARK-NJ-01' })
    const without = run(typed(), { type: 'confirmIdentity' })
    expect(calls(without.effects, 'match')[0]?.input).not.toHaveProperty('home_park_id')
  })

  it('whom to contact: the chosen (or applied-to) union, else the union that assigns', () => {
    const contact = { phone: '12351', address: '南京市江宁区（示例地址）', hours: '工作日 9:00–17:00' }
    const ref = (org_id: string, c: typeof contact | null) => ({ org_id, name: org_id, type: 'freight_federation' as const, level: 'prefecture' as const, contact: c })
    const m = { object: 'organisation_match' as const, status: 'matched' as const, config_version: 'v', tier: 'industry' as const, candidates: [{ ...ref('org_a', contact), tier: 'industry' as const, rank: 1, reasons: [] }, { ...ref('org_b', null), tier: 'industry' as const, rank: 2, reasons: [] }], assigner: null, reasons: [] }
    expect(unionContactOf({ match: m, selectedOrgId: 'org_a', result: null })).toEqual({ orgId: 'org_a', name: 'org_a', contact })
    expect(unionContactOf({ match: m, selectedOrgId: 'org_b', result: null })).toBeNull()
    const assigning = { ...m, status: 'needs_assignment' as const, tier: null, candidates: [], assigner: ref('org_lf', contact) }
    expect(unionContactOf({ match: assigning, selectedOrgId: 'org_lf', result: null })?.orgId).toBe('org_lf')
    expect(unionContactOf({ match: null, selectedOrgId: null, result: null })).toBeNull()
  })
})

describe('the number the host already verified (no WeChat button)', () => {
  it('asks the host once; its number fills the mobile, verified; without the capability nothing happens', () => {
    const asked = run(typed(), { type: 'useHostPhone' })
    expect(calls(asked.effects, 'hostPhone')).toEqual([{ type: 'call', call: 'hostPhone', input: null, done: 'phoneVerified', failed: 'phoneFailed' }])
    const done = run(asked.state, { type: 'phoneVerified', result: { mobile: '13900000777', verifiedAt: '2026-12-01T12:00:00+08:00' } })
    expect([done.state.view.fields.mobile, done.state.view.verification.mobileVerifiedAt]).toEqual(['13900000777', '2026-12-01T12:00:00+08:00'])
    expect(events(done.effects)).toEqual(['PHONE_VERIFIED'])
    const without = run(typed(opened({ hostPhone: false })), { type: 'useHostPhone' })
    expect(without.effects).toEqual([])
  })
})

describe('prefill and the picker a driver can use (issue #18)', () => {
  const anhui = { code: '340000', name: '安徽省', level: 'province' as const }
  const prefill = { name: '王师傅', idNumber: DRIVER.idNumber, mobile: '13900000009', employmentForm: 'platform_self_employed', county: '340123', township: '340123101', verified: true }

  it('prefilled fields are read-only until 修改; the place is asked for in words by code; the county’s parks are asked for', () => {
    const o = run(initialModel(config(), prefill), { type: 'open', saved: null })
    expect(o.state.view).toMatchObject({ prefilled: ['name', 'idNumber', 'mobile', 'employmentForm', 'county'], prefillVerified: true })
    expect(calls(o.effects, 'regions')).toContainEqual({ type: 'call', call: 'regions', input: { parent: '340123', q: '340123101' }, done: 'placeNamed', tag: '340123101', background: true })
    expect(calls(o.effects, 'parks').map((c) => c.input)).toEqual([{ county: '340123' }])
    const named = run(o.state, { type: 'placeNamed', tag: '340123101', result: [{ code: '340123101', name: '三河镇', level: 'township', full_name: '安徽省 合肥市 肥西县 三河镇' }] }).state
    expect([named.view.countyLabel, named.view.townshipLabel]).toEqual(['安徽省 合肥市 肥西县', '三河镇'])
    const ignored = run(named, { type: 'next' }, { type: 'grantConsent' }, { type: 'setField', name: 'name', value: '别人' })
    expect(ignored.state.view.fields.name).toBe('王师傅')
    const edited = run(ignored.state, { type: 'editField', name: 'name' }, { type: 'setField', name: 'name', value: '王大师傅' })
    expect(edited.state.view.fields.name).toBe('王大师傅')
    expect(edited.state.view.prefilled).not.toContain('name')
    // Nothing typed: 下一步 matches at once.
    expect(calls(run(named, { type: 'next' }, { type: 'grantConsent' }, { type: 'confirmIdentity' }).effects, 'match')).toHaveLength(1)
  })

  it('a province button opens the picker at that province; type-ahead finds a county two levels down and sets it in words', () => {
    let r = run(typed(opened(), { ...DRIVER, county: '' }), { type: 'provincesLoaded', result: [anhui] }, { type: 'pickRegion', code: '340000' })
    expect(calls(r.effects, 'regions').map((c) => c.input)).toEqual([{ parent: '34' }])
    r = run(r.state, { type: 'regionsLoaded', result: [{ code: '340100', name: '合肥市', level: 'prefecture' }], tag: 1 }, { type: 'searchRegions', query: 'fx' })
    expect(calls(r.effects, 'regions')).toEqual([{ type: 'call', call: 'regions', input: { parent: '34', q: 'fx' }, done: 'regionsFound', failed: 'regionsFailed', tag: 2 }])
    r = run(r.state, { type: 'regionsFound', tag: 2, result: [{ code: '340123', name: '肥西县', level: 'county', initials: 'fxx', full_name: '安徽省 合肥市 肥西县' }] }, { type: 'pickRegion', code: '340100' }, { type: 'pickRegion', code: '340123' })
    expect(r.state.view).toMatchObject({ countyLabel: '安徽省 合肥市 肥西县', regionPicker: { open: false }, fields: { county: '340123' } })
    // Clearing the query shows the list again; a stale search answer is dropped.
    const open = run(typed(), { type: 'provincesLoaded', result: [anhui] }, { type: 'pickRegion', code: '340000' }, { type: 'searchRegions', query: 'h' }, { type: 'searchRegions', query: '' }, { type: 'regionsFound', tag: 2, result: [] })
    expect(open.state.view.regionPicker).toMatchObject({ open: true, query: '', results: null })
  })
})

describe('the type-ahead does not block the list on screen', () => {
  it('a tap on the list while a search is on its way is a choice; the late answer is dropped', () => {
    const anhui = { code: '340000', name: '安徽省', level: 'province' as const }
    let r = run(typed(opened(), { ...DRIVER, county: '' }), { type: 'provincesLoaded', result: [anhui] }, { type: 'pickRegion', code: '340000' })
    r = run(r.state, { type: 'regionsLoaded', result: [{ code: '341800', name: '宣城市', level: 'prefecture' }], tag: 1 }, { type: 'searchRegions', query: '宣城' }, { type: 'pickRegion', code: '341800' })
    expect(calls(r.effects, 'regions').map((c) => c.input)).toEqual([{ parent: '34', q: '宣城' }, { parent: '3418' }])
    const late = run(r.state, { type: 'regionsFound', tag: 2, result: [] })
    expect(late.state.view.regionPicker).toMatchObject({ path: [anhui, { code: '341800' }], query: '', results: null, loading: true })
  })
})
