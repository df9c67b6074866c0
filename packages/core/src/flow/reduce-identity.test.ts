// The identity step in the reducer: the home-region picker and the host's phone and face checks
// (fields and the match are in reduce.test.ts) — no network, no msw, no clock.
import { describe, expect, it } from 'vitest'
import { atUnion, calls, events, opened, run, typed } from '../../test/flow-reducer-kit'

const failure = (type: string, code: string, message = '…') => ({ failure: { type, code, message }, online: true })

describe('the home-region picker', () => {
  const regions = {
    provinces: [{ code: '320000', name: '江苏省', level: 'province' as const }],
    cities: [{ code: '320100', name: '南京市', level: 'prefecture' as const }],
    counties: [{ code: '320115', name: '江宁区', level: 'county' as const }],
    townships: [{ code: '320115002', name: '秣陵街道', level: 'township' as const }],
  }
  const parents = (effects: Parameters<typeof calls>[0]) => calls(effects, 'regions').map((e) => [e.tag, e.input.parent])

  it('goes down level by level with the right parent, fills the county and then the township, in words', () => {
    let r = run(typed(), { type: 'openRegionPicker' })
    expect(calls(r.effects, 'regions')).toEqual([{ type: 'call', call: 'regions', input: {}, done: 'regionsLoaded', failed: 'regionsFailed', tag: 1 }])
    r = run(r.state, { type: 'regionsLoaded', result: regions.provinces, tag: 1 }, { type: 'pickRegion', code: '320000' }, { type: 'pickRegion', code: '320000' })
    expect(parents(r.effects)).toEqual([[2, '32']]) // a double tap goes down one level
    r = run(r.state, { type: 'regionsLoaded', result: regions.cities, tag: 2 }, { type: 'pickRegion', code: '320100' }, { type: 'regionsLoaded', result: regions.counties, tag: 3 }, { type: 'pickRegion', code: '320115' })
    expect(r.state.view.fields.county).toBe('320115')
    expect(r.state.view.countyLabel).toBe('江苏省 南京市 江宁区')
    expect(parents(r.effects)).toEqual([[3, '3201'], [4, '320115']])
    r = run(r.state, { type: 'regionsLoaded', result: regions.townships, tag: 4 }, { type: 'pickRegion', code: '999999' }, { type: 'pickRegion', code: '320115002' })
    expect(r.state.view).toMatchObject({ townshipLabel: '秣陵街道', regionPicker: { open: false } })
    expect(r.state.view.fields.township).toBe('320115002')
  })

  it('only the latest list is shown; a county without townships (or whose list fails) closes the picker and stands', () => {
    let r = run(typed(), { type: 'openRegionPicker' }, { type: 'regionsLoaded', result: regions.provinces, tag: 1 }, { type: 'pickRegion', code: '320000' })
    r = run(r.state, { type: 'regionsLoaded', result: regions.townships, tag: 1 }) // stale
    expect(r.state.view.regionPicker.loading).toBe(true)
    const counties = run(r.state, { type: 'regionsLoaded', result: regions.counties, tag: 2 }, { type: 'pickRegion', code: '320115' }).state
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
    const body = calls(run(atUnion(passed.state), { type: 'submit', key: 'k' }).effects, 'submit')[0]?.input.body
    expect(body?.identity_verification).toEqual({ method: 'face_match', verified_at: '2026-11-28T09:05:00+08:00' })
  })

  it('without the capability, or before the identity step, the methods do nothing', () => {
    expect(run(typed(opened({ phone: false, face: false })), { type: 'applyPhoneCode', code: 'x' }, { type: 'verifyFace' }).effects).toEqual([])
    expect(run(opened(), { type: 'applyPhoneCode', code: 'x' }, { type: 'verifyFace' }).effects).toEqual([])
  })
})
