// The component's view of the flow's state (what the WXML shows): prefilled fields read-only in
// words with the ID number masked, a place never shown as a code, the picker's count and type-ahead
// rows in words, the union named in the share and charter texts.
import { describe, expect, it } from 'vitest'
import { zhCNFlowLabels } from '@ruhui/core/flow'
import { type FlowModel, initialModel } from '../../core/src/flow/state'
import type { OrganisationMatch } from '../../core/src/contract/organisations'
import { run } from '../../core/test/flow-reducer-kit'
import { makeIdNumber } from '../../core/test/synthetic-ids'
import { toView } from '../src/view'

const ID = makeIdNumber('340123', '19850315', '123')
const PREFILL = { name: '王建国', idNumber: ID, mobile: '13912345678', employmentForm: 'platform_self_employed', county: '340123', township: '340123101', plate: '皖A12345', verified: true }
const model = (prefill = {}) => initialModel({ sessionId: 'jsess_view', operator: '测试运营方', locale: 'zh-CN', phone: true, hostPhone: false, face: false }, prefill)
const view = (m: FlowModel) => toView(m.view, { labels: zhCNFlowLabels, locale: 'zh-CN', phone: true, face: false })
const reason = (message: string) => ({ code: 'covers_region', params: {}, message })
const match = {
  object: 'organisation_match',
  status: 'matched',
  config_version: 'test.1',
  tier: 'industry',
  candidates: [
    { org_id: 'org_freight', name: '合肥市道路货运行业工会联合会（示例）', type: 'freight_federation', type_words: '道路货运行业工会联合会', serves: '在本地区通过货运平台接单的货车司机', tier: 'industry', rank: 1, covers: '合肥市', contact: { phone: '0551-00000000' }, reasons: [reason('覆盖合肥市')], recommended_because: reason('依托平台企业建立，专门接收货车司机') },
    { org_id: 'org_park', name: '肥西物流园区工会（示例）', type: 'park_union', type_words: '物流园区工会', serves: '在物流园区装卸货、停靠的货车司机', tier: 'industry', rank: 2, covers: '肥西县', contact: null, reasons: [reason('覆盖肥西县')] },
  ],
  assigner: null,
  reasons: [],
} as unknown as OrganisationMatch
/** A region code on its own (a mobile's 11 digits are not one). */
const CODE = /(?<!\d)(?:\d{6}|\d{9})(?!\d)/
/** Everything the WXML prints, without the codes kept for data-code attributes. */
const printed = (v: ReturnType<typeof view>) => JSON.stringify(v, (k, x) => (k === 'code' ? undefined : x))

describe('toView', () => {
  it('a prefilled driver: every field read-only with 修改, the ID number masked, no phone button, the place never a code', () => {
    const v = view(model(PREFILL))
    expect(v.topFields.map((f) => [f.name, f.readonly])).toEqual([['name', true], ['idNumber', true], ['mobile', true]])
    expect(v.topFields[1]!.shown).toBe(`3401**********${ID.slice(-4)}`)
    expect(v.employment).toMatchObject({ readonly: true, chosen: '个体司机（平台接单）' })
    expect(v.moreFields.find((f) => f.name === 'plate')).toMatchObject({ readonly: true, shown: '皖A12345' })
    expect(v.canPhone).toBe(false)
    expect(v.verified).toBe(true)
    // Its words are on their way from the registry: meanwhile 请稍候, never 340123.
    expect(v.county).toMatchObject({ chosen: '请稍候…', readonly: true, provinces: [] })
    expect(printed(v)).not.toMatch(CODE)
  })

  it('修改 (editField) opens a prefilled field for typing, with its value', () => {
    const edited = run(model(PREFILL), { type: 'open', saved: null }, { type: 'next' }, { type: 'grantConsent' }, { type: 'editField', name: 'idNumber' }).state
    const id = view(edited).topFields[1]!
    expect([id.readonly, id.shown, id.value]).toEqual([false, ID, ID])
  })

  it('a prefilled ID number with a wrong check digit opens at 下一步 with the problem in Chinese; the other fields stay read-only and kept', () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0')
    const m = run(model({ ...PREFILL, idNumber: wrong }), { type: 'open', saved: null }, { type: 'next' }, { type: 'grantConsent' }, { type: 'confirmIdentity' }).state
    const v = view(m)
    expect(v.step).toBe('identity')
    const id = v.topFields[1]!
    expect([id.readonly, id.value]).toEqual([false, wrong])
    expect(id.errors.join('')).toMatch(/校验位/)
    expect(v.topFields.filter((f) => f.name !== 'idNumber').map((f) => [f.name, f.readonly, f.value])).toEqual([['name', true, '王建国'], ['mobile', true, '13912345678']])
  })

  it('the picker: the count in words, type-ahead rows saying where they are, and "not found"', () => {
    const region = (code: string, name: string, level: 'province' | 'prefecture' | 'county', full_name?: string) => ({ code, name, level, ...(full_name ? { full_name } : {}) })
    let m = run(model(), { type: 'open', saved: null }, { type: 'next' }, { type: 'grantConsent' }, { type: 'provincesLoaded', result: [region('320000', '江苏省', 'province'), region('340000', '安徽省', 'province')] }).state
    expect(view(m).county.provinces.map((p) => p.name)).toEqual(['江苏省', '安徽省'])
    m = run(m, { type: 'pickRegion', code: '340000' }).state
    m = run(m, { type: 'regionsLoaded', result: [region('340100', '合肥市', 'prefecture'), region('340200', '芜湖市', 'prefecture')], tag: m.regionRequest }).state
    expect(view(m).county.picker).toMatchObject({ open: true, level: 1, where: '安徽省', countText: '共 2 个', searching: false })
    m = run(m, { type: 'searchRegions', query: 'fx' }).state
    m = run(m, { type: 'regionsFound', result: [region('340123', '肥西县', 'county', '安徽省 合肥市 肥西县')], tag: m.regionRequest }).state
    expect(view(m).county.picker).toMatchObject({ countText: '共 1 个', searching: true, noMatch: false, items: [{ code: '340123', name: '肥西县', where: '安徽省 合肥市 肥西县' }] })
    m = run(m, { type: 'searchRegions', query: 'qqq' }).state
    m = run(m, { type: 'regionsFound', result: [], tag: m.regionRequest }).state
    expect(view(m).county.picker).toMatchObject({ countText: '共 0 个', noMatch: true })
    expect(printed(view(m))).not.toMatch(CODE)
  })

  it('the union step tells the unions apart; the share and charter texts name the chosen one', () => {
    const m = run(model(PREFILL), { type: 'open', saved: null }, { type: 'next' }, { type: 'grantConsent' }, { type: 'confirmIdentity' }, { type: 'matched', result: match }).state
    const v = view(m)
    expect(v.unions.length).toBeGreaterThan(0)
    expect(v.unions.map((u) => [u.kind, u.covers])).toEqual([['道路货运行业工会联合会', '合肥市'], ['物流园区工会', '肥西县']])
    expect(new Set(v.unions.map((u) => u.serves)).size).toBe(2) // whom each serves, in words that differ
    expect(v.unions.map((u) => u.recommended)).toEqual(['依托平台企业建立，专门接收货车司机', ''])
    expect(v.unions[0]!.contact).toBe('0551-00000000')
    const chosen = v.unions.find((u) => u.selected)!
    expect(v.consents.share.body).toContain(chosen.name)
    expect(v.consents.share.body).toContain('测试运营方')
    expect(v.consents.charter.body).toContain(chosen.name)
    expect(v.consents.charter.body).toContain('承认《中国工会章程》')
    expect([v.consents.partners.selected, v.consents.platform.selected]).toEqual([false, false])
  })
})
