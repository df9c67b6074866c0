// Matching through the registry's API (DOMAIN.md §7.6): the join token's platform and its registered credit
// code reach the rules (never the body's), and the per-province configuration file is the one in force.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient, type JoinTokenClient } from '@ruhui/core/client'
import type { ApplicationSubmit } from '@ruhui/core/contract'
import sampleDirectory from '@ruhui/sample-directory'
import { makeTestIdNumber, testConsents, testCharter } from '@ruhui/testing'
import { NANJING_HAULIER_USCC, PLATFORM_JIA_USCC, PLATFORM_YI_USCC, SUZHOU_TRANSPORT_USCC, workedExampleOrgs } from '../../core/test/directory-fixtures'
import { eachDialect } from './dialects'
import { type RegistryInstance, startRegistry } from './registry-process'
import { queryRows } from './row-counts'

const BIN = join(import.meta.dirname, '../bin/ruhui-registry.mjs')
const dir = mkdtempSync(join(tmpdir(), 'ruhui-matching-'))
const file = (name: string, content: unknown) => {
  const p = join(dir, name)
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content))
  return p
}
const USCC = Object.fromEntries(sampleDirectory.platforms.map((p) => [p.id, p.uscc])) as Record<'P-JIA' | 'P-YI' | 'P-BING', string>
const PROMOTE_34 = file('promote-34.json', { version: 'test-promote-34.1', pilotRegionPrefixes: ['32', '34'], provinces: { '34': { promotePlatformUnions: true } } })
const PILOT_2021 = join(import.meta.dirname, '../matching/pilot-2021.json')

/** A driver's join-token client through one platform of the registry. */
async function driverThrough(r: RegistryInstance, platform: { secret_key: string }, user: string): Promise<JoinTokenClient> {
  const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: platform.secret_key, transport: createFetchTransport() })
  const s = await api.joinSessions.create({ platform_user_id: user })
  return createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport(), maxRetries: 0 })
}

let seq = 300
const submission = (county: string, orgId: string, extra: Partial<ApplicationSubmit['applicant']> = {}): ApplicationSubmit => ({
  applicant: { name: '匹配测试', id_number: makeTestIdNumber({ sequence: String(++seq) }), mobile: '13700000000', employment_form: 'platform_self_employed', ...extra },
  base_region: { county },
  org_id: orgId,
  consents: testConsents(),
  charter: testCharter(),
})
const self = (county: string) => ({ employment_form: 'platform_self_employed' as const, base_region: { county } })

function createPlatforms(r: RegistryInstance) {
  const make = (id: 'P-JIA' | 'P-YI' | 'P-BING', name: string) => r.cli(['platform', 'create', '--name', name, '--id', id, '--uscc', USCC[id]]) as { secret_key: string }
  return { jia: make('P-JIA', '示例货运平台甲'), yi: make('P-YI', '示例货运平台乙'), bing: make('P-BING', '示例货运平台丙') }
}

eachDialect(
  'matching with the platform of the join token, under a configuration that promotes platform unions in Anhui',
  (registry) => {
    let p: ReturnType<typeof createPlatforms>
    beforeAll(() => {
      p = createPlatforms(registry())
    })

    it('a 江宁区 driver through 示例货运平台甲: the Nanjing freight federation built on that platform (tier 2), in the match and in the stored application', async () => {
      const driver = await driverThrough(registry(), p.jia, 'jia-320115')
      const m = await driver.organisations.match(self('320115'))
      expect([m.status, m.tier, m.config_version, m.candidates[0]?.org_id, m.candidates[0]?.name]).toEqual(['matched', 'head_enterprise_federation', 'test-promote-34.1', 'org_rf_3201', '南京市道路货运行业工会联合会（示例）'])
      const app = await driver.applications.submit(submission('320115', 'org_rf_3201'))
      expect([app.tier, app.org_id]).toEqual(['head_enterprise_federation', 'org_rf_3201'])
      const [row] = await queryRows<{ tier: string; config_version: string }>(registry(), `select tier, config_version from applications where id = '${app.id}'`)
      expect(row).toEqual({ tier: 'head_enterprise_federation', config_version: 'test-promote-34.1' })
    })

    it('a 340104 driver through 示例货运平台乙, with platform unions promoted in province 34: the platform’s own union', async () => {
      const driver = await driverThrough(registry(), p.yi, 'yi-340104')
      const m = await driver.organisations.match(self('340104'))
      expect([m.tier, m.candidates[0]?.org_id]).toEqual(['platform', 'org_pu_yi_34'])
      expect((await driver.applications.submit(submission('340104', 'org_pu_yi_34'))).tier).toBe('platform')
    })

    it('the logistics parks of a county, by name (none where the directory lists none)', async () => {
      const driver = await driverThrough(registry(), p.bing, 'bing-park')
      const parks = await driver.parks.list({ county: '320115' })
      expect(parks.data).toEqual([{ id: 'PARK-NJ-01', object: 'park', name: '南京某物流园区（示例）', county: '320115' }])
      expect((await driver.parks.list({ county: '341302' })).data).toEqual([])
    })

    it('a 330106 (杭州) driver is outside the pilot: not_in_pilot, and nothing is stored', async () => {
      const driver = await driverThrough(registry(), p.jia, 'jia-330106')
      expect((await driver.organisations.match(self('330106'))).status).toBe('not_in_pilot')
      await expect(driver.applications.submit(submission('330106', 'org_rf_3201'))).rejects.toMatchObject({ code: 'not_in_pilot', param: 'base_region.county', statusCode: 422 })
    })

    it('platform fields in the body change nothing: a driver of 平台丙 cannot claim 平台甲’s federation', async () => {
      const driver = await driverThrough(registry(), p.bing, 'bing-320115')
      const honest = await driver.organisations.match(self('320115'))
      expect(honest.tier).toBe('industry')
      const spoof = { ...self('320115'), platform_id: 'P-JIA', platform_uscc: USCC['P-JIA'], platformUscc: USCC['P-JIA'] }
      const claimed = await driver.organisations.match(spoof as never)
      expect([claimed.tier, claimed.candidates.map((c) => c.org_id)]).toEqual([honest.tier, honest.candidates.map((c) => c.org_id)])
      await expect(driver.applications.submit({ ...submission('320115', 'org_rf_3201'), platform_uscc: USCC['P-JIA'] } as never)).resolves.toMatchObject({ tier: 'industry' })
    })
  },
  { RUHUI_MATCHING_CONFIG: PROMOTE_34 },
)

eachDialect('the same drivers under the default configuration (DOMAIN.md §7.6 order everywhere, no pilot regions)', (registry) => {
  let p: ReturnType<typeof createPlatforms>
  beforeAll(() => {
    p = createPlatforms(registry())
  })

  it('平台甲 at 320115: tier 2; 平台乙 at 340104: tier 2 too (合肥’s federation relies on 平台乙), not the platform union; 330106: no pilot, so no refusal', async () => {
    const r = registry()
    const a = await (await driverThrough(r, p.jia, 'd-jia')).organisations.match(self('320115'))
    expect([a.config_version, a.tier, a.candidates[0]?.org_id]).toEqual(['default.1', 'head_enterprise_federation', 'org_rf_3201'])
    const b = await (await driverThrough(r, p.yi, 'd-yi')).organisations.match(self('340104'))
    expect([b.tier, b.candidates[0]?.org_id]).toEqual(['head_enterprise_federation', 'org_rf_3401'])
    const f = await (await driverThrough(r, p.jia, 'd-hz')).organisations.match(self('330106'))
    expect(f.status).toBe('needs_assignment') // the sample directory has no union in Zhejiang to assign; the pilot configuration refuses it instead
  })
})

describe('DOMAIN.md §7.6 worked examples A–F through the API (the worked-example directory, the 2021 pilot configuration)', () => {
  let r: RegistryInstance
  let jia: { secret_key: string }
  let yi: { secret_key: string }
  beforeAll(async () => {
    r = await startRegistry({ dialect: 'sqlite' }, { RUHUI_MATCHING_CONFIG: PILOT_2021 }, { seed: file('worked-examples.json', workedExampleOrgs()) })
    jia = r.cli(['platform', 'create', '--name', '平台甲', '--id', 'P-JIA', '--uscc', PLATFORM_JIA_USCC]) as { secret_key: string }
    yi = r.cli(['platform', 'create', '--name', '平台乙', '--id', 'P-YI', '--uscc', PLATFORM_YI_USCC]) as { secret_key: string }
  })
  afterAll(async () => {
    await r?.stop()
    r?.cleanup()
  })

  it('A: self-employed, 320115, from 平台甲 → tier 2, O2', async () => {
    const m = await (await driverThrough(r, jia, 'A')).organisations.match(self('320115'))
    expect([m.tier, m.candidates[0]?.org_id, m.config_version]).toEqual(['head_enterprise_federation', 'org_o2', '2021-pilot.1'])
  })

  it('B: self-employed, 340104, home park PARK-HF-01, from 平台乙 → tier 3, O3 (O4 would be tier 5)', async () => {
    const m = await (await driverThrough(r, yi, 'B')).organisations.match({ ...self('340104'), home_park_id: 'PARK-HF-01' })
    expect([m.tier, m.candidates[0]?.org_id]).toEqual(['industry', 'org_o3'])
  })

  it('C: employee of the Suzhou transport company, 320506, from 平台甲 → tier 1, O6', async () => {
    const m = await (await driverThrough(r, jia, 'C')).organisations.match({ employment_form: 'employee', base_region: { county: '320506' }, employer_uscc: SUZHOU_TRANSPORT_USCC })
    expect([m.tier, m.candidates[0]?.org_id]).toEqual(['enterprise', 'org_o6'])
  })

  it('D: self-employed, 341302 / township 341302001, from 平台乙 → tier 6, O5', async () => {
    const m = await (await driverThrough(r, yi, 'D')).organisations.match({ ...self('341302'), base_region: { county: '341302', township: '341302001' } })
    expect([m.tier, m.candidates[0]?.org_id]).toEqual(['territorial', 'org_o5'])
  })

  it('E: already an active member of O6 → no application; the transfer is offered', async () => {
    const reviewer = r.cli(['reviewer', 'create', '--org', 'org_o6', '--name', 'O6 审核员']) as { key: string }
    const first = await driverThrough(r, jia, 'E-1')
    const person = { name: '示例会员', id_number: makeTestIdNumber({ sequence: '377' }), mobile: '13700000377' }
    const app = await first.applications.submit({ ...submission('320506', 'org_o6'), applicant: { ...person, employment_form: 'employee', employer_uscc: SUZHOU_TRANSPORT_USCC } })
    const approved = await fetch(`${r.baseUrl}/v1/review/applications/${app.id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${reviewer.key}` } })
    expect(approved.status).toBe(200)
    const again = await driverThrough(r, jia, 'E-2')
    await expect(again.applications.submit({ ...submission('320115', 'org_o2'), applicant: { ...person, employment_form: 'platform_self_employed' } })).rejects.toMatchObject({ code: 'transfer_required' })
  })

  it('G (挂靠): a truck under the Suzhou company, whose union takes no affiliated drivers → matched as self-employed; H: under the Nanjing haulier, whose union takes them → tier 1, with its contact', async () => {
    const driver = await driverThrough(r, jia, 'GH')
    const g = await driver.organisations.match({ employment_form: 'affiliated', base_region: { county: '320115' }, employer_uscc: SUZHOU_TRANSPORT_USCC })
    const self320115 = await driver.organisations.match(self('320115'))
    expect([g.tier, g.candidates.map((c) => c.org_id)]).toEqual([self320115.tier, self320115.candidates.map((c) => c.org_id)])
    const h = await driver.organisations.match({ employment_form: 'affiliated', base_region: { county: '320115' }, employer_uscc: NANJING_HAULIER_USCC })
    expect([h.tier, h.candidates[0]?.org_id, h.candidates[0]?.contact]).toEqual(['enterprise', 'org_o7', { phone: '025-52000007', address: '南京市江宁区示例路 7 号', hours: '工作日 9:00–17:00' }])
    expect(h.candidates[0]?.reasons[0]?.message).toBe('您的车辆挂靠的运输公司，其工会南京某运输有限公司工会（示例）接收挂靠车辆司机入会')
    const app = await driver.applications.submit({ ...submission('320115', 'org_o7', { employment_form: 'affiliated', employer_uscc: NANJING_HAULIER_USCC }) })
    expect([app.status, app.tier, app.org_id]).toEqual(['under_review', 'enterprise', 'org_o7'])
  })

  it('F: 330106 under the pilot prefixes 32 and 34 → not_in_pilot', async () => {
    expect((await (await driverThrough(r, jia, 'F')).organisations.match(self('330106'))).status).toBe('not_in_pilot')
  })
})

describe('a configuration file with a mistake stops the start, naming every problem by its path', () => {
  const start = (config: string) => spawnSync(process.execPath, [BIN, 'start', '--port', '0', '--data-dir', dir, '--matching-config', config], { encoding: 'utf8', timeout: 20_000 })
  it.each([
    ['an unknown tier', { version: 'x.1', provinces: { '34': { tiers: ['industry', 'nope'] } } }, /provinces\.34\.tiers\[1\]: /],
    ['a bad region prefix', { version: 'x.1', pilotRegionPrefixes: ['32', '3'] }, /pilotRegionPrefixes\[1\]: /],
    ['a bad version', { version: '', tiers: ['industry'] }, /version: /],
    ['an unknown field', { version: 'x.1', promotePlatformUnion: true }, /\(root\): .*promotePlatformUnion|promotePlatformUnion/],
    ['not JSON', '{ "version": "x.1", ', /\(root\): 不是有效的 JSON/],
  ])('%s', (_what, content, where) => {
    const r = start(file(`bad-${Math.random().toString(36).slice(2)}.json`, content))
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/匹配配置文件有误/)
    expect(r.stderr).toMatch(where)
    expect(r.stdout).not.toMatch(/listening/)
  })

  it('every problem at once, not only the first', () => {
    const r = start(file('two-bad.json', { version: '', pilotRegionPrefixes: ['3'], provinces: { '99x': {} } }))
    expect(r.status).toBe(2)
    expect(r.stderr.split('\n').filter((l) => /^\s+\S+: /.test(l)).length).toBeGreaterThanOrEqual(3)
  })
})
