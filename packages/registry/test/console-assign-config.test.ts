// The console's side of issue #12 over real HTTP (SQLite: these read configuration and the directory,
// which do not depend on the dialect): the matching configuration in force is for admins only;
// the assignment picker finds the grassroots unions of the reviewer's subtree that accept online
// joining, by name or region in words, and the assign action takes the pick; a directory import
// and an edit carry a union's contact.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter } from '@ruhui/testing'
import { type RegistryInstance, startRegistry } from './registry-process'

const PILOT_2021 = join(import.meta.dirname, '../matching/pilot-2021.json')

interface Candidate {
  id: string
  name: string
  type: string
  region_code: string
  township_code: string | null
  region_name: string
}

describe('console: matching configuration, assignment picker, contacts [sqlite]', () => {
  let r: RegistryInstance
  const keys = {} as { reviewer: string; admin: string; county: string; platform: string }
  const get = (path: string, key: string) => fetch(`${r.baseUrl}${path}`, { headers: { authorization: `Bearer ${key}` } })
  const send = (method: string, path: string, key: string, body: unknown) => fetch(`${r.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const search = async (query: string, key = keys.county) => {
    const res = await get(`/v1/review/assignable-organisations?${query}`, key)
    expect(res.status).toBe(200)
    return ((await res.json()) as { data: Candidate[] }).data
  }

  beforeAll(async () => {
    r = await startRegistry({ dialect: 'sqlite' }, { RUHUI_MATCHING_CONFIG: PILOT_2021 })
    keys.reviewer = r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员'])['key'] as string
    keys.admin = r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京管理员', '--role', 'admin'])['key'] as string
    keys.county = r.cli(['reviewer', 'create', '--org', 'org_lf_341321', '--name', '砀山县审核员'])['key'] as string
    keys.platform = r.cli(['platform', 'create', '--name', '示例平台', '--id', 'P-PICK'])['secret_key'] as string
  })
  afterAll(async () => {
    await r?.stop()
    r?.cleanup()
  })

  it('the matching configuration: version, pilot regions and each province’s tier order, for admins only', async () => {
    const res = await get('/v1/review/matching-config', keys.admin)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { version: string; pilot_region_prefixes: string[]; provinces: Array<{ code: string; name: string; tiers: string[]; in_pilot: boolean }> }
    expect(body.version).toBe('2021-pilot.1')
    expect(body.pilot_region_prefixes).toEqual(['32', '34'])
    expect(body.provinces.map((p) => [p.code, p.name, p.in_pilot])).toEqual([
      ['32', '江苏省', true],
      ['34', '安徽省', true],
    ])
    for (const p of body.provinces) expect(p.tiers).toEqual(['enterprise', 'head_enterprise_federation', 'industry', 'platform', 'park', 'territorial'])

    const refused = await get('/v1/review/matching-config', keys.reviewer)
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden')
    expect((await get('/v1/review/matching-config', keys.platform)).status).toBe(403)
    expect((await fetch(`${r.baseUrl}/v1/review/matching-config`)).status).toBe(401)
    expect((await get('/v1/review/matching-config?x=1', keys.admin)).status).toBe(200) // unknown parameters are ignored
  })

  it('the picker: grassroots unions of the subtree that accept online joining, by name or region in words; the pick is assigned', async () => {
    // A driver nothing covers (DOMAIN §7.6): the county federation must assign a union.
    const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: keys.platform, transport: createFetchTransport() })
    const s = await api.joinSessions.create({ platform_user_id: 'pick-1' })
    const driver = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
    const m = await driver.organisations.match({ employment_form: 'platform_self_employed', base_region: { county: '341321' } })
    expect([m.status, m.assigner?.org_id]).toEqual(['needs_assignment', 'org_lf_341321'])
    const app = await driver.applications.submit({
      applicant: { name: '分配测试', id_number: makeTestIdNumber({ sequence: '661' }), mobile: '13700000661', employment_form: 'platform_self_employed' },
      base_region: { county: '341321' },
      org_id: 'org_lf_341321',
      consents: testConsents(),
      charter: testCharter(),
    })
    expect(app.status).toBe('awaiting_assignment')

    const all = await search('limit=50&near=341321')
    expect(all.length).toBeGreaterThan(10)
    expect(all.map((o) => o.id)).not.toContain('org_lf_341321') // a federation, not grassroots
    expect(all.map((o) => o.id)).not.toContain('org_nf_341321') // grassroots, but it does not take online joining
    for (const o of all) expect(o.region_name).toMatch(/^安徽省 宿州市 砀山县/)
    const byName = await search(`q=${encodeURIComponent('砀城')}`)
    expect(byName).toEqual([{ id: 'org_tw_341321100', name: '砀城镇工会（示例）', type: 'township_union', region_code: '341321', township_code: '341321100', region_name: '安徽省 宿州市 砀山县 砀城镇' }])
    expect((await search(`q=${encodeURIComponent('砀山县')}&limit=5`)).length).toBe(5) // the region in words finds its unions
    // Nothing outside the subtree, whatever is typed.
    expect(await search(`q=${encodeURIComponent('埇桥')}`)).toEqual([])
    expect((await search(`q=${encodeURIComponent('埇桥')}`, keys.admin)).length).toBe(0)
    // A provincial view ranks the unions nearest to `near` first.
    const province = r.cli(['reviewer', 'create', '--org', 'org_lf_34', '--name', '安徽省审核员'])['key'] as string
    const near = await search('near=341302100&limit=3', province)
    expect(near[0]?.id).toBe('org_tw_341302100')
    expect(near.every((o) => o.region_code === '341302')).toBe(true)
    // Out of range and malformed queries are 400s.
    for (const bad of ['limit=0', 'limit=51', 'near=abc', `q=${'x'.repeat(101)}`]) expect((await get(`/v1/review/assignable-organisations?${bad}`, keys.county)).status, bad).toBe(400)
    expect((await get('/v1/review/assignable-organisations', keys.platform)).status).toBe(403)

    // The server still checks the pick: a union outside the subtree is refused, the picked one taken.
    const outside = await send('POST', `/v1/review/applications/${app.id}/assign`, keys.county, { org_id: 'org_tw_341302100' })
    expect(outside.status).toBe(400)
    const assigned = await send('POST', `/v1/review/applications/${app.id}/assign`, keys.county, { org_id: byName[0]?.id })
    expect(await assigned.json()).toMatchObject({ status: 'under_review', org_id: 'org_tw_341321100', org_name: '砀城镇工会（示例）' })
  })

  it('a directory import and an edit carry the contact (phone, address, office hours)', async () => {
    const org = { id: 'org_tw_341321900', name: '测试联络镇工会', type: 'township_union', level: 'township', isGrassroots: true, regionCode: '341321', townshipCode: '341321100', parentId: 'org_lf_341321', coverage: { regionPrefixes: ['341321100'] }, acceptsOnline: true, status: 'active', contact: { phone: '0557-8000000', address: '砀山县测试路 1 号', hours: '工作日 8:30–17:30' } }
    const imported = (await (await send('POST', '/v1/review/organisations/import', keys.county, { format: 'ruhui-directory', version: 1, organisations: [org] })).json()) as { imported: number; errors: unknown[] }
    expect(imported).toMatchObject({ imported: 1, errors: [] })
    const listed = (await (await get(`/v1/review/organisations?q=${encodeURIComponent('测试联络')}`, keys.county)).json()) as { data: Array<{ data: { contact?: unknown } }> }
    expect(listed.data[0]?.data.contact).toEqual(org.contact)
    const edited = await send('PATCH', `/v1/review/organisations/${org.id}`, keys.county, { contact: { phone: '12351', hours: '每天 9:00–18:00' } })
    expect(edited.status).toBe(200)
    expect(((await edited.json()) as { data: { contact?: unknown } }).data.contact).toEqual({ phone: '12351', hours: '每天 9:00–18:00' })
    const bad = await send('PATCH', `/v1/review/organisations/${org.id}`, keys.county, { contact: { phone: 'call me' } })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('contact.phone')
    // The new union is one the picker offers.
    expect((await search(`q=${encodeURIComponent('测试联络')}`)).map((o) => o.id)).toEqual([org.id])
  })
})
