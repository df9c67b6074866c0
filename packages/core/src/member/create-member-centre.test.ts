import { describe, expect, it } from 'vitest'
import { RegistryConnectionError, RegistryInvalidRequestError } from '../client/errors'
import { memoryStorage } from '../flow/ports'
import type { OrganisationMatch } from '../contract/organisations'
import type { MemberApi, Membership } from './api'
import { createMemberCentre } from './create-member-centre'
import { nanjingMember } from './test-membership'

const hefeiMatch: OrganisationMatch = {
  object: 'organisation_match',
  status: 'matched',
  config_version: 't',
  tier: 'industry',
  candidates: [{ org_id: 'org_hf', name: '合肥市道路货运行业工会联合会（示例）', type: 'freight_federation', level: 'prefecture', contact: null, tier: 'industry', rank: 1, reasons: [{ code: 'covers', params: {}, message: '覆盖合肥市' }] }],
  assigner: null,
  reasons: [],
}

/** A stand-in of the registry's member routes, recording what it was asked. */
function fakeApi(overrides: Partial<MemberApi> = {}) {
  const calls: Array<[string, unknown, string?]> = []
  let current: Membership = nanjingMember
  const api: MemberApi = {
    membership: async () => (calls.push(['membership', null]), current),
    services: async (q) => (calls.push(['services', q]), [{ id: 'svc_1', object: 'member_service', kind: 'care_fund', name: '关爱基金', summary: '…', provider_org_id: 'org_nj', region_prefixes: ['32'], members_only: true, url: null, location: null }]),
    places: async (q) => (
      calls.push(['places', q]),
      [
        { code: '3401', name: '合肥市', level: 'prefecture', full_name: '安徽省 合肥市' },
        { code: '340104', name: '蜀山区', level: 'county', full_name: '安徽省 合肥市 蜀山区' },
      ]
    ),
    transferOptions: async (b) => (calls.push(['transferOptions', b]), hefeiMatch),
    transfer: async (b, k) => {
      calls.push(['transfer', b, k])
      current = { ...current, status: 'transferring', open_transfer: { id: 'trf_1', status: 'requested', to_org_id: 'org_hf', to_org_name: '合肥市道路货运行业工会联合会（示例）', reason: 'relocation', created_at: '2026-12-01T10:00:00.000+08:00' } }
      return { id: 'trf_1', object: 'transfer', session_id: 'jsess_1', status: 'requested', from_org_id: 'org_nj', to_org_id: 'org_hf', reason: 'relocation', created_at: '2026-12-01T10:00:00.000+08:00', updated_at: '2026-12-01T10:00:00.000+08:00' }
    },
    leave: async (b, k) => (calls.push(['leave', b, k]), { ...current, leave_request: { id: 'lvr_1', object: 'leave_request', status: 'pending', reason: 'retired', requested_at: '2026-12-01T10:00:00.000+08:00', decided_at: null } }),
    cancelLeave: async (k) => (calls.push(['cancelLeave', null, k]), current),
    updateProfile: async (b, k) => (calls.push(['updateProfile', b, k]), { ...current, home_region: { county: '320116' } }),
    upload: async () => {
      throw new Error('not used')
    },
    respond: async () => {
      throw new Error('not used')
    },
    ...overrides,
  }
  return { api, calls }
}

describe('createMemberCentre', () => {
  it('loads the membership, then the member services of the home region; events carry no personal data', async () => {
    const { api, calls } = fakeApi()
    const events: unknown[] = []
    const c = createMemberCentre({ api, onEvent: (e) => events.push(e) })
    expect(c.getState().status).toBe('loading')
    await c.load()
    const s = c.getState()
    expect(s.status).toBe('member')
    expect(s.membership?.card?.number).toBe('RH0000000000000001')
    expect(s.services.map((x) => x.name)).toEqual(['关爱基金'])
    expect(calls.map((x) => x[0])).toEqual(['membership', 'services'])
    expect(calls[1]![1]).toEqual({ region: '320115' })
    expect(s.update.county).toBe('320115')
    expect(events).toEqual([{ name: 'MEMBERSHIP_LOADED', metadata: { status: 'active' } }])
  })

  it('a driver who is not a member sees not_member (and no services are asked for)', async () => {
    const { api, calls } = fakeApi({ membership: async () => ({ ...nanjingMember, status: null, union: null, card: null }) })
    const c = createMemberCentre({ api })
    await c.load()
    expect(c.getState()).toMatchObject({ status: 'not_member', error: null })
    expect(calls.map((x) => x[0])).toEqual([])
  })

  it('a driver who never applied through this platform (404 membership_not_found) sees not_member, not an error', async () => {
    const { api } = fakeApi({
      membership: async () => {
        throw new RegistryInvalidRequestError({ type: 'invalid_request_error', code: 'membership_not_found', message: 'x', userMessage: '没有找到会籍', statusCode: 404 })
      },
    })
    const c = createMemberCentre({ api })
    await c.load()
    expect(c.getState()).toMatchObject({ status: 'not_member', error: null, busy: false })
  })

  it('a load that fails shows the words and can be tried again', async () => {
    let fail = true
    const { api } = fakeApi({
      membership: async () => {
        if (fail) throw new Error('boom')
        return nanjingMember
      },
    })
    const c = createMemberCentre({ api })
    await c.load()
    expect(c.getState()).toMatchObject({ status: 'failed', error: { code: 'unexpected', message: '出了点问题，请稍后再试' } })
    fail = false
    await c.load()
    expect(c.getState().status).toBe('member')
  })

  it('move: checks the county on the phone, asks which unions take members there, sends the chosen one with the reason and a key, then reads the membership again', async () => {
    const { api, calls } = fakeApi()
    const c = createMemberCentre({ api })
    await c.load()
    c.open('move')
    c.setMove({ county: '3401' })
    await c.findUnions()
    expect(c.getState().fieldIssues.county).toBe('请填写 6 位区县代码')
    c.setMove({ county: '320115' })
    await c.findUnions()
    expect(c.getState().fieldIssues.county).toBe('这就是您现在的常驻地')
    await c.submitMove()
    expect(c.getState().fieldIssues.county).toBe('请先查找新地方的工会')
    expect(calls.filter((x) => x[0] === 'transferOptions' || x[0] === 'transfer')).toEqual([])
    c.setMove({ county: '340104', reason: 'job_change' })
    expect(c.getState().fieldIssues).toEqual({})
    await c.findUnions()
    expect(calls.find((x) => x[0] === 'transferOptions')![1]).toEqual({ base_region: { county: '340104' } })
    expect(c.getState().move).toMatchObject({ options: [{ id: 'org_hf', name: '合肥市道路货运行业工会联合会（示例）', reasons: ['覆盖合肥市'] }], selectedOrgId: 'org_hf' })
    await c.submitMove()
    const move = calls.find((x) => x[0] === 'transfer')!
    expect(move[1]).toEqual({ reason: 'job_change', base_region: { county: '340104' }, to_org_id: 'org_hf' })
    expect(move[2]).toMatch(/\S{16,}/)
    expect(c.getState()).toMatchObject({ panel: 'home', notice: 'moveSent', busy: false, membership: { status: 'transferring', open_transfer: { to_org_name: '合肥市道路货运行业工会联合会（示例）' } } })
    expect(calls.filter((x) => x[0] === 'membership')).toHaveLength(2)
  })

  it('changing the new base forgets the unions found for the old one', async () => {
    const { api } = fakeApi()
    const c = createMemberCentre({ api })
    await c.load()
    c.setMove({ county: '340104' })
    await c.findUnions()
    expect(c.getState().move.options).toHaveLength(1)
    c.setMove({ county: '340103' })
    expect(c.getState().move).toMatchObject({ options: null, selectedOrgId: null })
  })

  it('leave needs a reason; the registry’s refusal is shown in its words under the field it names, nothing chosen is lost', async () => {
    const refusal = new RegistryInvalidRequestError({ type: 'invalid_request_error', code: 'parameter_invalid', message: 'note too long', userMessage: '说明太长', param: 'note' })
    let refuse = true
    const { api, calls } = fakeApi()
    const leave = api.leave
    api.leave = async (b, k) => {
      if (refuse) {
        calls.push(['leave', b, k])
        throw refusal
      }
      return leave(b, k)
    }
    const c = createMemberCentre({ api })
    await c.load()
    c.open('leave')
    await c.submitLeave()
    expect(c.getState().fieldIssues.reason).toBe('请选择退会原因')
    c.setLeave({ reason: 'retired', note: '到龄退休' })
    await c.submitLeave()
    expect(c.getState()).toMatchObject({ panel: 'leave', busy: false, error: { code: 'parameter_invalid', message: '说明太长', field: 'note' }, leave: { reason: 'retired', note: '到龄退休' } })
    expect(c.getState().fieldIssues.note).toBe('说明太长')
    refuse = false
    await c.submitLeave()
    expect(c.getState()).toMatchObject({ panel: 'home', notice: 'leaveSent', error: null, membership: { leave_request: { status: 'pending' } } })
    const sent = calls.filter((x) => x[0] === 'leave')
    expect(sent.map((x) => x[1])).toEqual([{ reason: 'retired', note: '到龄退休' }, { reason: 'retired', note: '到龄退休' }])
    // two tries the driver made are two requests with two keys
    expect(new Set(sent.map((x) => x[2])).size).toBe(2)
  })

  it('update: a mobile that is not one is refused in words; a good one is sent normalised, with the new home county', async () => {
    const { api, calls } = fakeApi()
    const c = createMemberCentre({ api })
    await c.load()
    c.open('update')
    await c.submitUpdate()
    expect(c.getState().fieldIssues.mobile).toBe('没有需要保存的修改')
    c.setUpdate({ mobile: '1231' })
    await c.submitUpdate()
    expect(c.getState().fieldIssues.mobile).toBe('手机号码格式不正确，请核对后重新输入')
    c.setUpdate({ mobile: '+86 139 1234 5678', county: '320116' })
    await c.submitUpdate()
    expect(calls.find((x) => x[0] === 'updateProfile')![1]).toEqual({ mobile: '13912345678', home_region: { county: '320116' } })
    expect(c.getState()).toMatchObject({ notice: 'updateSaved', update: { mobile: '', county: '320116' } })
  })

  it('a registry error naming the region is shown under the county', async () => {
    const { api } = fakeApi({
      transferOptions: async () => {
        throw new RegistryInvalidRequestError({ type: 'invalid_request_error', code: 'not_in_pilot', message: 'x', userMessage: '您所在地区暂未开通网上入会', param: 'base_region.county' })
      },
    })
    const c = createMemberCentre({ api })
    await c.load()
    c.setMove({ county: '330106' })
    await c.findUnions()
    expect(c.getState()).toMatchObject({ fieldIssues: { county: '您所在地区暂未开通网上入会' }, busy: false })
  })

  it('speaks English when asked', async () => {
    const { api } = fakeApi()
    const c = createMemberCentre({ api, locale: 'en' })
    await c.load()
    c.setMove({ county: 'x' })
    await c.findUnions()
    expect(c.getState().fieldIssues.county).toBe('Enter the 6-digit county code')
  })

  it('keeps the card on the phone (private storage only): without signal the next visit shows it, marked stale, with the problem in words; a visit that finds no membership forgets it', async () => {
    const storage = memoryStorage(true)
    const online = fakeApi()
    await createMemberCentre({ api: online.api, storage }).load()
    expect([...storage.data.keys()]).toEqual(['ruhui.member.card'])
    const offline = fakeApi({
      membership: async () => {
        throw new RegistryConnectionError({ type: 'connection_error', code: 'network_error', message: 'x', userMessage: '网络连接失败，请检查网络后重试' })
      },
    })
    const seen: boolean[] = []
    const c = createMemberCentre({ api: offline.api, storage })
    c.subscribe((st) => seen.push(st.stale))
    await c.load()
    expect(c.getState()).toMatchObject({ status: 'member', stale: true, online: false, error: { message: '网络连接失败，请检查网络后重试' }, membership: { card: { number: 'RH0000000000000001' } } })
    expect(seen[0]).toBe(true) // shown before the registry was asked
    // Back online, the registry's answer replaces it and is no longer stale.
    const back = createMemberCentre({ api: online.api, storage })
    await back.load()
    expect(back.getState()).toMatchObject({ status: 'member', stale: false })
    // No membership any more: nothing is kept.
    await createMemberCentre({ api: fakeApi({ membership: async () => ({ ...nanjingMember, status: 'withdrawn', card: null }) }).api, storage }).load()
    expect(storage.data.size).toBe(0)
  })

  it('keeps nothing in a storage others can read (a browser’s)', async () => {
    const storage = memoryStorage(false)
    await createMemberCentre({ api: fakeApi().api, storage }).load()
    expect(storage.data.size).toBe(0)
  })

  it('the county in words: a search finds counties (not prefectures), a pick sets it for the open panel; typing a code forgets the name', async () => {
    const { api, calls } = fakeApi()
    const c = createMemberCentre({ api })
    await c.load()
    c.open('move')
    await c.searchPlaces('合肥 蜀山')
    expect(calls.find((x) => x[0] === 'places')![1]).toBe('合肥 蜀山')
    expect(c.getState().places.results).toEqual([{ code: '340104', name: '安徽省 合肥市 蜀山区' }])
    c.pickPlace('340104')
    expect(c.getState()).toMatchObject({ move: { county: '340104' }, places: { chosen: '安徽省 合肥市 蜀山区', results: null } })
    c.setMove({ county: '340103' })
    expect(c.getState().places.chosen).toBeNull()
    c.open('update')
    await c.searchPlaces('shs')
    c.pickPlace('340104')
    expect(c.getState().update.county).toBe('340104')
    // An empty query lists nothing and asks nothing.
    const before = calls.length
    await c.searchPlaces('  ')
    expect(calls.length).toBe(before)
    expect(c.getState().places.results).toBeNull()
  })
})
