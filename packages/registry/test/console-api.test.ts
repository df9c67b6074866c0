// The console's API against real registry processes on both dialects: sign-in, the services
// catalogue (with distance search), directory management and import reports, member search,
// volunteers, exports that a standard parser opens with totals matching the database, and
// data sharing that only ever includes consented records.
import { parse as parseCsv } from 'csv-parse/sync'
import readXlsxFile from 'read-excel-file/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter } from '@ruhui/testing'
import { eachDialect } from './dialects'
import type { RegistryInstance } from './registry-process'
import { queryRows, rowCounts } from './row-counts'

eachDialect('console API', (registry) => {
  let console_: (path: string, init?: { method?: string; body?: unknown }) => Promise<Response>
  let platformKey = ''
  let partnerKey = ''
  let partnerId = ''
  const apps: string[] = []

  /** A driver submits through a fresh session; returns the application id. */
  async function submit(r: RegistryInstance, n: number, extra: { share?: boolean; county?: string } = {}) {
    const platform = createRegistryClient({ baseUrl: r.baseUrl, secretKey: platformKey, transport: createFetchTransport() })
    const s = await platform.joinSessions.create({ platform_user_id: `console-${n}` })
    const driver = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
    await driver.organisations.match({ employment_form: 'platform_self_employed', base_region: { county: extra.county ?? '320115' } })
    const consents = testConsents(undefined, extra.share ? ['share_with_partners'] : [])
    const app = await driver.applications.submit({
      applicant: { name: n % 2 ? '张测试' : '李测试', id_number: makeTestIdNumber({ regionCode: '320102', birthDate: '1985-03-15', sequence: String(300 + n) }), mobile: `1380000${String(1000 + n)}`, employment_form: 'platform_self_employed' },
      base_region: { county: extra.county ?? '320115' },
      org_id: 'org_nf_320115',
      consents,
      charter: testCharter(),
    })
    return { app, driver }
  }

  beforeAll(async () => {
    const r = registry()
    platformKey = r.cli(['platform', 'create', '--name', '平台甲', '--id', 'P-C'])['secret_key'] as string
    const partner = r.cli(['partner', 'create', '--name', '江苏省交通运输厅（测试）', '--region-prefix', '32'])
    partnerKey = partner['key'] as string
    partnerId = partner['partner_id'] as string
    r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员', '--login', 'nanjing', '--password', 'correct-horse-1'])
    const { token } = (await (await fetch(`${r.baseUrl}/v1/review/sign-in`, { method: 'POST', body: JSON.stringify({ login: 'nanjing', password: 'correct-horse-1' }) })).json()) as { token: string }
    console_ = (path, init = {}) => fetch(`${r.baseUrl}${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) })
    for (let n = 1; n <= 5; n++) apps.push((await submit(r, n, { share: n <= 2 })).app.id)
    for (const id of apps.slice(0, 3)) expect((await console_(`/v1/review/applications/${id}/approve`, { body: {} })).status).toBe(200)
  })

  describe('sign-in', () => {
    it('a wrong password is refused with the error shape and no token; an unknown login gets the same answer', async () => {
      const r = registry()
      for (const body of [{ login: 'nanjing', password: 'wrong' }, { login: 'nobody', password: 'wrong' }]) {
        const res = await fetch(`${r.baseUrl}/v1/review/sign-in`, { method: 'POST', body: JSON.stringify(body) })
        expect(res.status).toBe(401)
        expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'invalid_api_key', message: '登录名或密码不正确' })
      }
      const missing = await fetch(`${r.baseUrl}/v1/review/sign-in`, { method: 'POST', body: JSON.stringify({ login: 'nanjing' }) })
      expect(missing.status).toBe(400)
      expect(((await missing.json()) as { error: { param: string } }).error.param).toBe('password')
    })

    it('rapid guesses at one login are slowed down with a 429 and Retry-After', async () => {
      const r = registry()
      const codes: number[] = []
      for (let i = 0; i < 8; i++) codes.push((await fetch(`${r.baseUrl}/v1/review/sign-in`, { method: 'POST', body: JSON.stringify({ login: 'guessing-target', password: `guess-${i}` }) })).status)
      expect(codes.slice(0, 4)).toEqual([401, 401, 401, 401])
      expect(codes).toContain(429)
      const res = await fetch(`${r.baseUrl}/v1/review/sign-in`, { method: 'POST', body: JSON.stringify({ login: 'guessing-target', password: 'x' }) })
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe('登录尝试太频繁，请稍后再试')
    })

    it('signing out ends the session token', async () => {
      const r = registry()
      // Sign-ins are throttled per login (a burst of four, two a second): the tests before this one used some; wait as told.
      let signIn = await fetch(`${r.baseUrl}/v1/review/sign-in`, { method: 'POST', body: JSON.stringify({ login: 'nanjing', password: 'correct-horse-1' }) })
      for (let i = 0; signIn.status === 429 && i < 5; i++) {
        await new Promise((done) => setTimeout(done, Number(signIn.headers.get('retry-after') ?? 1) * 1000))
        signIn = await fetch(`${r.baseUrl}/v1/review/sign-in`, { method: 'POST', body: JSON.stringify({ login: 'nanjing', password: 'correct-horse-1' }) })
      }
      expect(signIn.status).toBe(200)
      const { token } = (await signIn.json()) as { token: string }
      const me = await fetch(`${r.baseUrl}/v1/review/me`, { headers: { authorization: `Bearer ${token}` } })
      expect(((await me.json()) as { org_name: string }).org_name).toBe('南京市总工会（示例）')
      await fetch(`${r.baseUrl}/v1/review/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
      expect((await fetch(`${r.baseUrl}/v1/review/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401)
    })
  })

  describe('regions for the home-region picker', () => {
    it('lists the pilot provinces, a province’s cities, a city’s counties, a county’s townships; refuses a malformed parent', async () => {
      const r = registry()
      const { driver } = await submit(r, 91)
      expect((await driver.regions.list()).data.map((x) => x.name)).toEqual(['江苏省', '安徽省'])
      expect((await driver.regions.list({ parent: '34' })).data.map((x) => x.name)).toContain('合肥市')
      const counties = (await driver.regions.list({ parent: '3201' })).data
      expect(counties.find((x) => x.code === '320115')).toEqual({ code: '320115', name: '江宁区', level: 'county', initials: 'jnq' })
      const townships = (await driver.regions.list({ parent: '320115' })).data
      expect(townships).toContainEqual({ code: '320115002', name: '秣陵街道', level: 'township' })
      expect((await driver.regions.list({ parent: '110101' })).data).toEqual([]) // outside the pilot: no townships
      for (const parent of ['南京', '3', '320115001']) {
        const bad = await fetch(`${r.baseUrl}/v1/regions?parent=${encodeURIComponent(parent)}`, { headers: { authorization: `Bearer ${platformKey}` } })
        expect(bad.status).toBe(400)
        expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('parent')
      }
    })
  })

  describe('member services', () => {
    it('a 司机之家 needs a location; with one it is listed to drivers nearest first, and switched off it is not', async () => {
      const r = registry()
      const base = { kind: 'driver_home', name: '司机之家·禄口（测试）', summary: '休息、热水', provider_org_id: 'org_lf_3201', region_prefixes: ['3201'], members_only: false }
      const noPlace = await console_('/v1/review/services', { body: base })
      expect(noPlace.status).toBe(400)
      expect(((await noPlace.json()) as { error: { param: string } }).error.param).toBe('location')
      const outside = await console_('/v1/review/services', { body: { ...base, provider_org_id: 'org_lf_34', location: { lat: 31.7, lng: 118.86, address: '禄口' } } })
      expect(outside.status).toBe(400)
      const created = await console_('/v1/review/services', { body: { ...base, location: { lat: 31.73, lng: 118.86, address: '南京市江宁区禄口街道（测试）' } } })
      expect(created.status).toBe(201)
      const { id } = (await created.json()) as { id: string }
      const { driver } = await submit(r, 90, {})
      const near = await driver.memberServices.list({ kind: 'driver_home', near: { lat: 31.72, lng: 118.86 } })
      expect(near.data[0]?.id).toBe(id)
      expect(near.data[0]?.distance_m).toBeGreaterThan(500)
      expect(near.data[0]?.distance_m).toBeLessThan(2000)
      const distances = near.data.map((s) => s.distance_m as number)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
      expect((await console_(`/v1/review/services/${id}`, { method: 'PATCH', body: { active: false } })).status).toBe(200)
      expect((await driver.memberServices.list({ kind: 'driver_home' })).data.map((s) => s.id)).not.toContain(id)
    })
  })

  describe('directory', () => {
    const org = (id: string, parentId: string, extra: Record<string, unknown> = {}) => ({
      id,
      name: `测试街道工会 ${id}`,
      type: 'township_union',
      level: 'township',
      isGrassroots: true,
      regionCode: '320115',
      townshipCode: '320115001',
      coverage: { regionPrefixes: ['320115001'] },
      parentId,
      acceptsOnline: true,
      status: 'active',
      ...extra,
    })

    it('adds and edits an organisation in the subtree; a bad field is refused with its name', async () => {
      const added = await console_('/v1/review/organisations', { body: org('org_tu_test_1', 'org_lf_3201') })
      expect(added.status).toBe(201)
      const bad = await console_('/v1/review/organisations', { body: org('org_tu_test_2', 'org_lf_3201', { regionCode: '32011' }) })
      expect(bad.status).toBe(400)
      expect(((await bad.json()) as { error: { param: string; message: string } }).error).toMatchObject({ param: 'regionCode' })
      const edited = await console_('/v1/review/organisations/org_tu_test_1', { method: 'PATCH', body: { name: '测试街道工会（改名）' } })
      expect(edited.status).toBe(200)
      const list = (await (await console_('/v1/review/organisations?q=改名')).json()) as { data: Array<{ id: string }> }
      expect(list.data.map((o) => o.id)).toEqual(['org_tu_test_1'])
    })

    it('an import keeps the good rows and reports each bad one by row, field and a Chinese message', async () => {
      const r = registry()
      const before = (await rowCounts(r)).orgs as number
      const file = { format: 'ruhui-directory', version: 1, organisations: [org('org_tu_import_1', 'org_lf_3201'), org('org_tu_import_2', 'org_lf_3201', { type: 'spaceship_union' }), org('org_tu_import_3', 'org_lf_34'), org('org_tu_import_4', 'org_tu_import_1')] }
      const res = await console_('/v1/review/organisations/import', { body: file })
      expect(res.status).toBe(200)
      const report = (await res.json()) as { imported: number; created: number; errors: Array<{ row: number; id: string; field: string; message: string }> }
      expect(report.imported).toBe(2) // row 4 sits under row 1, imported in the same file
      expect(report.errors.map((e) => [e.row, e.field])).toEqual([
        [2, 'type'],
        [3, 'parentId'],
      ])
      for (const e of report.errors) expect(e.message).toMatch(new RegExp(`^第 ${e.row} 条（org_tu_import_${e.row}）：[\\u4e00-\\u9fff]`))
      expect((await rowCounts(r)).orgs).toBe(before + 2)
      const garbage = await console_('/v1/review/organisations/import', { body: { format: 'other' } })
      expect(garbage.status).toBe(400)
      expect((await rowCounts(r)).orgs).toBe(before + 2)
    })
  })

  describe('members, volunteers, stats', () => {
    it('member search by masked fields finds the approved members, masked', async () => {
      const res = (await (await console_('/v1/review/members?name_last=试')).json()) as { data: Array<{ name_masked: string; id_masked: string; mobile_masked: string; card_number: string }> }
      expect(res.data.length).toBe(3) // applications 1–3 are approved
      for (const m of res.data) {
        expect(m.name_masked).toBe('**试')
        expect(m.id_masked).toContain('*')
      }
      const one = (await (await console_('/v1/review/members?mobile_last4=1002')).json()) as typeof res
      expect(one.data.map((m) => m.mobile_masked)).toEqual(['138****1002'])
      const byCard = (await (await console_(`/v1/review/members?card_number=${res.data[0]?.card_number}`)).json()) as typeof res
      expect(byCard.data).toHaveLength(1)
      const bad = await console_('/v1/review/members')
      expect(bad.status).toBe(400)
    })

    it('a driver who volunteers is listed under their organisation', async () => {
      const r = registry()
      const { app, driver } = await submit(r, 40)
      await driver.applications.volunteer(app.id, { roles: ['activist'] })
      const res = (await (await console_('/v1/review/volunteers')).json()) as { data: Array<{ org_id: string; volunteers: Array<{ application_id: string; roles: string[] }> }> }
      const group = res.data.find((g) => g.org_id === 'org_nf_320115')
      expect(group?.volunteers.find((v) => v.application_id === app.id)?.roles).toEqual(['activist'])
    })

    it('stats: the funnel counts matches, members per union are flagged at the threshold', async () => {
      const s = (await (await console_('/v1/stats?threshold=3')).json()) as { funnel: { sessions_created: number; consented: number; submitted: number; approved: number }; members_per_union: { data: Array<{ org_id: string; members: number; needs_social_worker: boolean }> } }
      expect(s.funnel.consented).toBeGreaterThanOrEqual(s.funnel.submitted)
      expect(s.funnel.sessions_created).toBeGreaterThanOrEqual(s.funnel.consented)
      expect(s.funnel.approved).toBe(3)
      expect(s.members_per_union.data.find((u) => u.org_id === 'org_nf_320115')).toMatchObject({ members: 3, needs_social_worker: true })
      const s4 = (await (await console_('/v1/stats?threshold=4')).json()) as typeof s
      expect(s4.members_per_union.data.find((u) => u.org_id === 'org_nf_320115')?.needs_social_worker).toBe(false)
      expect((await console_('/v1/stats?threshold=0')).status).toBe(400)
    })
  })

  describe('exports', () => {
    it('CSV and XLSX open with standard parsers, and their totals match the database', async () => {
      const r = registry()
      const inDb = await queryRows<{ n: number | string }>(r, `select count(*) as n from applications where base_county like '3201%'`)
      const expected = Number(inDb[0]?.n)
      const approvedInDb = Number((await queryRows<{ n: number | string }>(r, `select count(*) as n from applications where status = 'approved'`))[0]?.n)
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

      const csvRes = await console_(`/v1/review/exports/applications.csv?from=2026-01-01&to=${today}&region_prefix=3201`)
      expect(csvRes.status).toBe(200)
      expect(csvRes.headers.get('content-disposition')).toContain('.csv')
      const records = parseCsv((await csvRes.text()).replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>
      expect(records).toHaveLength(expected)
      expect(records.filter((x) => x['状态'] === '已批准')).toHaveLength(approvedInDb)
      expect(records.every((x) => x['证件号码（脱敏）']?.includes('*'))).toBe(true)

      const xlsxRes = await console_(`/v1/review/exports/applications.xlsx?from=2026-01-01&to=${today}&region_prefix=3201`)
      expect(xlsxRes.headers.get('content-type')).toContain('spreadsheetml')
      const sheets = await readXlsxFile(Buffer.from(await xlsxRes.arrayBuffer()))
      const rows = sheets[0]?.data as unknown[][]
      expect(rows[0]?.[0]).toBe('申请编号')
      expect(rows.length - 1).toBe(expected)
      expect(new Set(rows.slice(1).map((row) => row[0]))).toEqual(new Set(records.map((x) => x['申请编号'])))

      const none = await console_('/v1/review/exports/applications.csv?from=2000-01-01&to=2000-01-02')
      expect(parseCsv((await none.text()).replace(/^\uFEFF/, ''), { columns: true })).toHaveLength(0)
      const logged = await queryRows(r, `select * from audit_log where action in ('export_csv', 'export_xlsx')`)
      expect(logged.length).toBe(3)
      for (const [q, param] of [['from=2026-13-01', 'from'], ['region_prefix=abc', 'region_prefix'], ['from=2026-02-01&to=2026-01-01', 'to']] as const) {
        const res = await console_(`/v1/review/exports/applications.csv?${q}`)
        expect(res.status).toBe(400)
        expect(((await res.json()) as { error: { param: string } }).error.param).toBe(param)
      }
      expect((await console_('/v1/review/exports/applications.pdf')).status).toBe(400)
    })
  })

  describe('audit log and partners (admins)', () => {
    it('an admin sees who revealed and exported, by name; adds a partner whose key then reads aggregates', async () => {
      const r = registry()
      const adminKey = r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '江苏省总工会管理员', '--role', 'admin'])['key'] as string
      const admin = (path: string, body?: unknown) => fetch(`${r.baseUrl}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${adminKey}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
      await console_(`/v1/review/applications/${apps[0]}?reveal=true`)
      const log = (await (await admin('/v1/review/audit?action=reveal_applicant')).json()) as { data: Array<{ actor_name: string; subject: string }> }
      expect(log.data[0]).toMatchObject({ actor_name: '南京审核员', subject: apps[0] })
      expect(JSON.stringify(log)).not.toMatch(/rk_live|rs_live/)
      const bad = await admin('/v1/review/partners', { name: '' })
      expect(bad.status).toBe(400)
      expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('name')
      // Without regions a partner receives nothing (issue #13); with them, its regions only.
      const none = (await (await admin('/v1/review/partners', { name: '未设地区的单位（测试）' })).json()) as { key: string; region_prefixes: string[] }
      expect(none.region_prefixes).toEqual([])
      expect((await fetch(`${r.baseUrl}/v1/sharing/aggregates`, { headers: { authorization: `Bearer ${none.key}` } })).status).toBe(403)
      const created = (await (await admin('/v1/review/partners', { name: '南京市交通运输局（测试）', region_prefixes: ['3201'] })).json()) as { key: string }
      const agg = await fetch(`${r.baseUrl}/v1/sharing/aggregates`, { headers: { authorization: `Bearer ${created.key}` } })
      expect(agg.status).toBe(200)
      expect((await fetch(`${r.baseUrl}/v1/sharing/aggregates?region_prefix=34`, { headers: { authorization: `Bearer ${created.key}` } })).status).toBe(403)
      const reads = (await (await admin('/v1/review/audit?action=share_aggregates')).json()) as { data: Array<{ actor_name: string }> }
      expect(reads.data.map((x) => x.actor_name)).toContain('南京市交通运输局（测试）')
      expect((await admin('/v1/review/audit?action=DROP TABLE')).status).toBe(400)
    })
  })

  describe('data sharing', () => {
    it('partners get aggregates, and individual records only of drivers who consented; each read is logged', async () => {
      const r = registry()
      const get = async (path: string) => (await fetch(`${r.baseUrl}${path}`, { headers: { authorization: `Bearer ${partnerKey}` } })).json()
      const agg = (await get('/v1/sharing/aggregates')) as { funnel: { approved: number }; by_city: Record<string, number> }
      expect(agg.funnel.approved).toBe(3)
      expect(JSON.stringify(agg)).not.toMatch(/张|李/)
      const rec = (await get('/v1/sharing/records')) as { data: Array<{ application_id: string; name: string }>; withheld_without_consent: number }
      // Applications 1 and 2 consented to sharing, 1–3 are approved: only 1 and 2 are shared.
      expect(rec.data.map((x) => x.application_id).sort()).toEqual(apps.slice(0, 2).sort())
      expect(rec.withheld_without_consent).toBe(1)
      expect(rec.data.every((x) => x.name.includes('*'))).toBe(true)
      const logged = await queryRows<{ action: string }>(r, `select action from audit_log where actor = 'partner:${partnerId}'`)
      expect(logged.map((l) => l.action).sort()).toEqual(['share_aggregates', 'share_records'])
    })
  })
})

eachDialect('review queue filters', (registry) => {
  it('filters by region and platform, and refuses a malformed filter with its name', async () => {
    const r = registry()
    const key = r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '江苏省总工会'])['key'] as string
    const q = async (query: string) => fetch(`${r.baseUrl}/v1/review/applications?${query}`, { headers: { authorization: `Bearer ${key}` } })
    const platform = r.cli(['platform', 'create', '--name', '平台', '--id', 'P-F'])['secret_key'] as string
    const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: platform, transport: createFetchTransport() })
    for (const [n, county, org] of [[1, '320115', 'org_nf_320115'], [2, '320115', 'org_nf_320115']] as const) {
      const s = await api.joinSessions.create({ platform_user_id: `f-${n}` })
      const driver = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
      await driver.applications.submit({ applicant: { name: '王测试', id_number: makeTestIdNumber({ sequence: String(700 + n) }), mobile: '13800000001', employment_form: 'platform_self_employed' }, base_region: { county }, org_id: org, consents: testConsents(), charter: testCharter() })
    }
    const ids = async (query: string) => ((await (await q(query)).json()) as { data: Array<{ id: string }> }).data.length
    expect(await ids('region_prefix=3201')).toBe(2)
    expect(await ids('region_prefix=3202')).toBe(0)
    expect(await ids('platform_id=P-F')).toBe(2)
    expect(await ids('platform_id=P-NONE')).toBe(0)
    const bad = await q('region_prefix=南京')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('region_prefix')
  })
})
