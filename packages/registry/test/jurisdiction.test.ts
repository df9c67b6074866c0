// Issue #19, findings 1 and 2, written as the attacks: a Hefei reviewer plants an organisation
// that covers Nanjing's 江宁区 (created, edited in, imported; an id that sorts first) to capture
// Nanjing's drivers; and one import of a 1,500-row chain whose head is bad, which used to hold the
// event loop for 71 s. Both dialects: the directory is stored.
import { beforeAll, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { eachDialect } from './dialects'
import { rowCounts } from './row-counts'

/** A county-level federation in Hefei's 瑶海区 (valid as it stands), under `parentId`. */
const hefeiOrg = (id: string, parentId: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `合肥测试工会 ${id}`,
  type: 'new_form_federation',
  level: 'county',
  isGrassroots: true,
  regionCode: '340102',
  coverage: { regionPrefixes: ['340102'] },
  parentId,
  acceptsOnline: true,
  status: 'active',
  ...extra,
})

eachDialect('jurisdiction of the directory', (registry) => {
  let hefei = ''
  let matchFor: () => Promise<string | undefined>
  beforeAll(async () => {
    const r = registry()
    hefei = r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥审核员'])['key'] as string
    const p = r.cli(['platform', 'create', '--name', '管辖测试平台', '--id', 'P-JUR'])
    const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
    let n = 0
    matchFor = async () => {
      const s = await api.joinSessions.create({ platform_user_id: `nanjing-driver-${++n}` })
      const driver = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
      return (await driver.organisations.match({ employment_form: 'platform_self_employed', base_region: { county: '320115' } })).candidates[0]?.org_id
    }
  })
  const asHefei = (path: string, method: string, body: unknown) =>
    fetch(`${registry().baseUrl}${path}`, { method, headers: { authorization: `Bearer ${hefei}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const refusal = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; param: string; message: string } }).error })

  it('inside its own region too, a new organisation cannot push an existing one down by choosing an id that sorts first', async () => {
    const r = registry()
    const hefeiDriver = async () => {
      const p = r.cli(['platform', 'create', '--name', '并列测试平台', '--id', `P-TIE-${Math.random().toString(36).slice(2, 7)}`])
      const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
      const s = await api.joinSessions.create({ platform_user_id: 'hefei-driver' })
      return createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
    }
    const before = (await (await hefeiDriver()).organisations.match({ employment_form: 'platform_self_employed', base_region: { county: '340102' } })).candidates.map((c) => c.org_id)
    expect(before[0]).toBe('org_nf_340102')
    // The same type, level and coverage as the union there now, and an id that sorts before it; a registeredAt of its choosing is ignored.
    const rival = hefeiOrg('org_0000_first', 'org_lf_3401', { registeredAt: '1900-01-01T00:00:00.000Z' })
    expect((await asHefei('/v1/review/organisations', 'POST', rival)).status).toBe(201)
    await new Promise((done) => setTimeout(done, 300)) // the directory reloads in every process
    const after = (await (await hefeiDriver()).organisations.match({ employment_form: 'platform_self_employed', base_region: { county: '340102' } })).candidates.map((c) => c.org_id)
    expect(after.slice(0, 2)).toEqual(['org_nf_340102', 'org_0000_first'])
  })

  it('a Hefei reviewer cannot plant an organisation covering Nanjing (created, edited, imported); Nanjing drivers still match Nanjing', async () => {
    const r = registry()
    expect(await matchFor()).toBe('org_nf_320115')
    const before = await rowCounts(r)
    const capture = hefeiOrg('org_0000_capture', 'org_lf_3401', { coverage: { regionPrefixes: ['320115'] } })
    expect(await refusal(await asHefei('/v1/review/organisations', 'POST', capture))).toMatchObject({ status: 400, code: 'parameter_invalid', param: 'coverage.regionPrefixes.0', message: expect.stringMatching(/超出本级工会辖区/) })
    // The seat, the township and the employers it covers count too.
    expect(await refusal(await asHefei('/v1/review/organisations', 'POST', hefeiOrg('org_0000_seat', 'org_lf_3401', { regionCode: '320115', coverage: { regionPrefixes: ['320115'] } })))).toMatchObject({ status: 400, param: 'regionCode' })
    const employer = hefeiOrg('org_0000_employer', 'org_lf_3401', { type: 'enterprise_union', level: 'unit', coverage: { regionPrefixes: ['340102'], employerUsccs: ['91320100900000014Q'] } })
    expect(await refusal(await asHefei('/v1/review/organisations', 'POST', employer))).toMatchObject({ status: 400, param: 'coverage.employerUsccs.0' })
    // An organisation of its own, edited to cover Nanjing.
    expect(await refusal(await asHefei('/v1/review/organisations/org_nf_340102', 'PATCH', { coverage: { regionPrefixes: ['340102', '320115'] } }))).toMatchObject({ status: 400, param: 'coverage.regionPrefixes.1' })
    // An import: the capturing row is reported, the honest one goes in.
    const imported = await asHefei('/v1/review/organisations/import', 'POST', [capture, hefeiOrg('org_hf_honest', 'org_lf_3401')])
    expect(imported.status).toBe(200)
    const report = (await imported.json()) as { imported: number; errors: Array<{ row: number; field: string; message: string }> }
    expect(report.imported).toBe(1)
    expect(report.errors).toEqual([{ row: 1, id: 'org_0000_capture', field: 'coverage.regionPrefixes.0', message: expect.stringMatching(/^第 1 条（org_0000_capture）：覆盖地区 320115 超出/) }])
    expect((await rowCounts(r)).orgs).toBe((before.orgs as number) + 1)
    expect(await matchFor()).toBe('org_nf_320115')
    // Inside its own region the same reviewer still works as before.
    expect((await asHefei('/v1/review/organisations', 'POST', hefeiOrg('org_hf_own', 'org_lf_3401', { uscc: undefined }))).status).toBe(201)
  })

  it('an import of a 1,500-row chain with a bad head is refused row by row in one pass while /health keeps answering', async () => {
    const r = registry()
    const before = (await rowCounts(r)).orgs
    const rows = Array.from({ length: 1500 }, (_, i) => hefeiOrg(`org_chain_${String(i).padStart(4, '0')}`, i === 0 ? 'org_lf_3401' : `org_chain_${String(i - 1).padStart(4, '0')}`, i === 0 ? { type: 'spaceship_union' } : {}))
    // Children first, as an attacker would order them.
    rows.reverse()
    const started = performance.now()
    const pending = asHefei('/v1/review/organisations/import', 'POST', rows)
    let slowest = 0
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      expect((await fetch(`${r.baseUrl}/health`)).status).toBe(200)
      slowest = Math.max(slowest, performance.now() - t)
    }
    const res = await pending
    const took = performance.now() - started
    expect(res.status).toBe(200)
    const report = (await res.json()) as { imported: number; errors: Array<{ row: number; field: string }> }
    expect(report.imported).toBe(0)
    expect(report.errors).toHaveLength(1500)
    expect(report.errors[1499]).toMatchObject({ row: 1500, field: 'type' })
    expect(report.errors[0]).toMatchObject({ row: 1, field: 'parentId' })
    expect((await rowCounts(r)).orgs).toBe(before)
    // Generous bounds (it was 71 s): the attack is the freeze, not a benchmark.
    expect(slowest).toBeLessThan(2000)
    expect(took).toBeLessThan(10_000)
    // Past the row cap: refused whole, with the field named.
    const tooMany = Array.from({ length: 2001 }, (_, i) => hefeiOrg(`org_many_${i}`, 'org_lf_3401'))
    expect(await refusal(await asHefei('/v1/review/organisations/import', 'POST', tooMany))).toMatchObject({ status: 400, param: 'organisations' })
  })
})
