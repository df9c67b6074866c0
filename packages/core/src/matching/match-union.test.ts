import { describe, expect, it } from 'vitest'
import { type MatchInput, type UnionOrg, createDirectory, defineMatchingConfig, formatMatchingIssue as formatIssue, matchUnion } from '@ruhui/core/matching'
import { NANJING_HAULIER_USCC, PLATFORM_JIA_USCC, PLATFORM_YI_USCC, SUZHOU_TRANSPORT_USCC, org, workedExampleOrgs } from '../../test/directory-fixtures'

const asOf = '2025-07-01'
const directory = createDirectory(workedExampleOrgs())
const jia = { platformId: 'P-JIA', platformUscc: PLATFORM_JIA_USCC }
const yi = { platformId: 'P-YI', platformUscc: PLATFORM_YI_USCC }
const ids = (r: { candidates: { orgId: string }[] }) => r.candidates.map((c) => c.orgId)

describe('DOMAIN.md §7.6 worked examples', () => {
  it('A: self-employed in 江宁区 via 平台甲 → tier 2, the Nanjing federation built on 平台甲; O1 is tier 4', () => {
    const r = matchUnion(directory, { employmentForm: 'platform_self_employed', ...jia, baseRegion: { county: '320115' } }, { asOf, includeAlternatives: true })
    expect(r.status).toBe('matched')
    expect(r.tier).toBe('head_enterprise_federation')
    expect(ids(r)).toEqual(['org_o2'])
    expect(r.alternatives.map((a) => [a.orgId, a.tier])).toEqual([
      ['org_o2', 'industry'],
      ['org_o1', 'platform'],
    ])
    expect(formatIssue(r.candidates[0]!.reasons[0]!)).toBe('您在南京市江宁区通过平台接单，南京市道路货运行业工会联合会（示例）依托该平台企业成立，覆盖南京市')
  })

  it('B: self-employed in 蜀山区, home park PARK-HF-01, via 平台乙 → tier 3, the Hefei federation; O4 is tier 5', () => {
    const r = matchUnion(directory, { employmentForm: 'platform_self_employed', ...yi, homeParkId: 'PARK-HF-01', baseRegion: { county: '340104' } }, { asOf, includeAlternatives: true })
    expect(r.tier).toBe('industry')
    expect(ids(r)).toEqual(['org_o3'])
    expect(r.alternatives.map((a) => [a.orgId, a.tier])).toEqual([['org_o4', 'park']])
    expect(formatIssue(r.candidates[0]!.reasons[0]!)).toBe('您在合肥市蜀山区从事货运，合肥市道路货运行业工会联合会（示例）覆盖该地区')
  })

  it('C: employee of the Suzhou transport company → tier 1, its own union', () => {
    const r = matchUnion(directory, { employmentForm: 'employee', employerUscc: SUZHOU_TRANSPORT_USCC, ...jia, baseRegion: { county: '320506' } }, { asOf })
    expect([r.status, r.tier, ids(r)]).toEqual(['matched', 'enterprise', ['org_o6']])
  })

  it('D: self-employed in 埇桥区 / 埇桥街道 via 平台乙, nothing else covers 3413 → tier 6, the street union', () => {
    const r = matchUnion(directory, { employmentForm: 'platform_self_employed', ...yi, baseRegion: { county: '341302', township: '341302001' } }, { asOf })
    expect([r.status, r.tier, ids(r)]).toEqual(['matched', 'territorial', ['org_o5']])
  })

  it('G (挂靠): a truck registered under the Suzhou company, whose union does not take affiliated drivers → matched as a self-employed driver', () => {
    const r = matchUnion(directory, { employmentForm: 'affiliated', employerUscc: SUZHOU_TRANSPORT_USCC, ...jia, baseRegion: { county: '320115' } }, { asOf })
    expect([r.tier, ids(r)]).toEqual(['head_enterprise_federation', ['org_o2']])
    const selfEmployed = matchUnion(directory, { employmentForm: 'platform_self_employed', ...jia, baseRegion: { county: '320115' } }, { asOf })
    expect([r.status, r.tier, ids(r)]).toEqual([selfEmployed.status, selfEmployed.tier, ids(selfEmployed)])
  })

  it('H (挂靠): a truck registered under the Nanjing haulier, whose union takes affiliated drivers → tier 1, that union', () => {
    const r = matchUnion(directory, { employmentForm: 'affiliated', employerUscc: NANJING_HAULIER_USCC, ...jia, baseRegion: { county: '320115' } }, { asOf })
    expect([r.status, r.tier, ids(r)]).toEqual(['matched', 'enterprise', ['org_o7']])
    expect(formatIssue(r.candidates[0]!.reasons[0]!)).toBe('您的车辆挂靠的运输公司，其工会南京某运输有限公司工会（示例）接收挂靠车辆司机入会')
    // An employee of that haulier is its union's member anyway; an affiliated driver without a company code is self-employed.
    expect(ids(matchUnion(directory, { employmentForm: 'employee', employerUscc: NANJING_HAULIER_USCC, ...jia, baseRegion: { county: '320115' } }, { asOf }))).toEqual(['org_o7'])
    expect(matchUnion(directory, { employmentForm: 'affiliated', ...jia, baseRegion: { county: '320115' } }, { asOf }).tier).toBe('head_enterprise_federation')
  })

  it('E: already an active member of O6 → no application; transfer offered', () => {
    const a = matchUnion(directory, { employmentForm: 'platform_self_employed', ...jia, baseRegion: { county: '320115' }, existingMembership: { orgId: 'org_o6', status: 'active' } }, { asOf })
    expect(a.status).toBe('transfer_required')
    expect(a.currentOrgId).toBe('org_o6')
    expect(ids(a)).toEqual(['org_o2']) // where the transfer would go
    expect(formatIssue(a.reasons[0]!)).toBe('您已是苏州某运输有限公司工会（示例）的会员，无需重复入会，可以申请转接会员组织关系')
    const c = matchUnion(directory, { employmentForm: 'employee', employerUscc: SUZHOU_TRANSPORT_USCC, baseRegion: { county: '320506' }, existingMembership: { orgId: 'org_o6', status: 'retained' } }, { asOf })
    expect(c.status).toBe('already_member')
  })

  it('F: base in 杭州 with the 2021 pilot regions → not_in_pilot, nothing matched', () => {
    const config = defineMatchingConfig({ version: '2021-pilot.1', pilotRegionPrefixes: ['32', '34'] })
    const r = matchUnion(directory, { employmentForm: 'platform_self_employed', baseRegion: { county: '330106' } }, { asOf, config })
    expect(r).toMatchObject({ status: 'not_in_pilot', configVersion: '2021-pilot.1', candidates: [] })
    expect(formatIssue(r.reasons[0]!)).toBe('杭州市西湖区暂未开通货车司机网上入会')
  })
})

describe('tiers', () => {
  const base = { employmentForm: 'platform_self_employed', baseRegion: { county: '320115', township: '320115001' } } as const
  const extra: UnionOrg[] = [
    org({ id: 'org_pu_hq', name: '示例平台丙工会（总部）', type: 'platform_union', level: 'national', regionCode: '110105', coverage: { regionPrefixes: ['32', '34'], platformIds: ['P-BING'] } }),
    org({ id: 'org_pu_nj', name: '示例平台丙工会南京分会', type: 'platform_union', level: 'prefecture', regionCode: '320100', coverage: { regionPrefixes: ['3201'], platformIds: ['P-BING'] } }),
    org({ id: 'org_pk_nj', name: '南京某物流园区工会（示例）', type: 'park_union', level: 'county', regionCode: '320115', coverage: { regionPrefixes: ['320115'], parkIds: ['PARK-NJ-01'] } }),
    org({ id: 'org_tw_a', name: '甲街道工会（示例）', type: 'township_union', level: 'township', regionCode: '320115', townshipCode: '320115001', coverage: { regionPrefixes: ['320115001'] } }),
    org({ id: 'org_dz_a', name: '某开发区工会（示例）', type: 'devzone_union', level: 'township', regionCode: '320115', townshipCode: '320115001', coverage: { regionPrefixes: ['320115001'] } }),
    org({ id: 'org_nf_off', name: '江宁区新业态行业工会联合会（示例）', type: 'new_form_federation', level: 'county', regionCode: '320115', acceptsOnline: false }),
  ]
  const dir = createDirectory([...workedExampleOrgs().filter((o) => o.id !== 'org_o2' && o.id !== 'org_o1'), ...extra])

  it('platform tier: the branch before the HQ', () => {
    const r = matchUnion(dir, { ...base, platformId: 'P-BING' }, { asOf })
    expect([r.tier, ids(r)]).toEqual(['platform', ['org_pu_nj', 'org_pu_hq']])
    expect(formatIssue(r.candidates[0]!.reasons[0]!)).toBe('您通过该平台接单，示例平台丙工会南京分会是平台在南京市的工会')
  })

  it('park tier: the home park first, else a park union covering the base', () => {
    expect(ids(matchUnion(dir, { ...base, homeParkId: 'PARK-NJ-01' }, { asOf }))).toEqual(['org_pk_nj'])
    const r = matchUnion(dir, base, { asOf })
    expect([r.tier, ids(r)]).toEqual(['park', ['org_pk_nj']])
    expect(r.candidates[0]!.reasons[0]!.code).toBe('match_park_region')
  })

  it('territorial tier: township union, then development zone, then village; only with a township code', () => {
    const noPark = createDirectory(dir.orgs.filter((o) => o.type !== 'park_union'))
    expect(ids(matchUnion(noPark, base, { asOf }))).toEqual(['org_tw_a', 'org_dz_a'])
    // County only: a township union is not the county's; the province federation assigns.
    const r = matchUnion(noPark, { ...base, baseRegion: { county: '320115' } }, { asOf })
    expect(r.status).toBe('needs_assignment')
    expect(r.assigner?.orgId).toBe('org_lf_32')
  })

  it('an organisation that does not accept online joining, is suspended or out of its validity window is never a candidate', () => {
    const orgs = [
      org({ id: 'org_a', name: '甲', type: 'freight_committee', level: 'county', regionCode: '320115', acceptsOnline: false }),
      org({ id: 'org_b', name: '乙', type: 'freight_committee', level: 'county', regionCode: '320115', status: 'suspended' }),
      org({ id: 'org_c', name: '丙', type: 'freight_committee', level: 'county', regionCode: '320115', validTo: '2024-12-31' }),
      org({ id: 'org_d', name: '丁', type: 'freight_committee', level: 'county', regionCode: '320115', validFrom: '2026-01-01' }),
      org({ id: 'org_e', name: '戊', type: 'freight_committee', level: 'county', regionCode: '320115', isGrassroots: false }),
      org({ id: 'org_f', name: '己', type: 'freight_committee', level: 'county', regionCode: '320115', validFrom: '2025-01-01', validTo: '2025-12-31' }),
    ]
    expect(ids(matchUnion(createDirectory(orgs), base, { asOf }))).toEqual(['org_f'])
  })

  it('the enterprise tier needs an employee with an employer credit code', () => {
    const r = matchUnion(directory, { employmentForm: 'platform_self_employed', employerUscc: SUZHOU_TRANSPORT_USCC, baseRegion: { county: '320506' } }, { asOf })
    expect(r.tier).not.toBe('enterprise')
  })
})

describe('ranking and determinism', () => {
  const same = (id: string, level: UnionOrg['level'], prefix: string) =>
    org({ id, name: id, type: 'freight_committee', level, regionCode: '320115', coverage: { regionPrefixes: [prefix] } })
  const orgs = [same('org_z', 'county', '320115'), same('org_a', 'county', '320115'), same('org_m', 'prefecture', '3201'), same('org_k', 'unit', '320115'), same('org_p', 'province', '32')]
  const driver: MatchInput = { employmentForm: 'platform_self_employed', baseRegion: { county: '320115' } }

  it('most specific coverage, then the level closest to the driver, then id', () => {
    const r = matchUnion(createDirectory(orgs), driver, { asOf })
    expect(ids(r)).toEqual(['org_k', 'org_a', 'org_z', 'org_m', 'org_p'])
    expect(r.candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5])
  })

  it('in a tie the longer-standing union first, whatever id the newer one chose; then id', () => {
    const twin = (id: string, registeredAt?: string) => org({ id, name: id, type: 'township_union', level: 'township', regionCode: '341302', townshipCode: '341302001', coverage: { regionPrefixes: ['341302001'] }, ...(registeredAt ? { registeredAt } : {}) })
    const d = createDirectory([twin('org_b_seeded'), twin('org_a_newer', '2026-11-30T08:00:00.000Z'), twin('org_0_newest', '2026-12-01T08:00:00.000Z'), twin('org_a_seeded')])
    const r = matchUnion(d, { employmentForm: 'platform_self_employed', baseRegion: { county: '341302', township: '341302001' } }, { asOf })
    expect(ids(r)).toEqual(['org_a_seeded', 'org_b_seeded', 'org_a_newer', 'org_0_newest'])
  })

  it('the same input gives the same ranked output, whatever the directory order', () => {
    const expected = matchUnion(createDirectory(orgs), driver, { asOf })
    for (let i = 0; i < 20; i++) {
      const shuffled = [...orgs].sort(() => Math.random() - 0.5)
      expect(matchUnion(createDirectory(shuffled), driver, { asOf })).toEqual(expected)
    }
  })

  it('maxCandidates caps the list', () => {
    const config = defineMatchingConfig({ version: 'x', maxCandidates: 2 })
    expect(ids(matchUnion(createDirectory(orgs), driver, { asOf, config }))).toEqual(['org_k', 'org_a'])
  })
})

describe('statuses', () => {
  const driver: MatchInput = { employmentForm: 'platform_self_employed', ...jia, baseRegion: { county: '320115' } }

  it('ineligible: under the working-age floor, no candidates', () => {
    const r = matchUnion(directory, { ...driver, age: 15 }, { asOf })
    expect(r).toMatchObject({ status: 'ineligible', candidates: [] })
    expect(r.reasons.map((i) => i.code)).toEqual(['age_below_working_age'])
  })

  it('manual_review: a minor, a permit holder, an employer-owner — still with candidates', () => {
    for (const extra of [{ age: 17 }, { documentKind: 'hk' as const }, { employmentForm: 'owner_operator_employer' as const }]) {
      const r = matchUnion(directory, { ...driver, ...extra }, { asOf })
      expect(r.status).toBe('manual_review')
      expect(ids(r)).toEqual(['org_o2'])
    }
  })

  it('manual-review rules are per province configuration', () => {
    const config = defineMatchingConfig({ version: 'x', provinces: { '32': { manualReview: { permitHolders: false } } } })
    expect(matchUnion(directory, { ...driver, documentKind: 'tw' }, { asOf, config }).status).toBe('matched')
    expect(matchUnion(directory, { ...driver, documentKind: 'tw', baseRegion: { county: '340104' } }, { asOf, config }).status).toBe('manual_review')
  })

  it('needs_assignment names the closest local federation: city before province', () => {
    const r = matchUnion(directory, { employmentForm: 'platform_self_employed', ...yi, baseRegion: { county: '341321' } }, { asOf })
    expect(r.status).toBe('needs_assignment')
    expect(r.assigner).toEqual({ orgId: 'org_lf_3413', name: '宿州市总工会（示例）', type: 'local_federation', level: 'prefecture', covers: '宿州市' })
    expect(formatIssue(r.reasons[0]!)).toBe('宿州市砀山县暂无可直接加入的工会，将由宿州市总工会（示例）为您指定所属工会')
  })

  it('a withdrawn membership does not stop a new application', () => {
    expect(matchUnion(directory, { ...driver, existingMembership: { orgId: 'org_o6', status: 'withdrawn' } }, { asOf }).status).toBe('matched')
  })

  it('every result carries the configuration version', () => {
    const config = defineMatchingConfig({ version: 'js-2021.3' })
    expect(matchUnion(directory, driver, { asOf, config }).configVersion).toBe('js-2021.3')
    expect(matchUnion(directory, driver, { asOf }).configVersion).toBe('default.1')
  })

  it('the ID number is never the base: only baseRegion counts', () => {
    // A driver whose ID was issued in 江宁区 but who is based in 蜀山区 matches in Hefei.
    const r = matchUnion(directory, { employmentForm: 'platform_self_employed', ...jia, baseRegion: { county: '340104' } }, { asOf })
    expect(ids(r)).toEqual(['org_o3'])
  })
})

describe('configuration', () => {
  const driver: MatchInput = { employmentForm: 'platform_self_employed', ...jia, baseRegion: { county: '320115' } }

  it('promoting platform unions puts the platform tier right after the employer tier', () => {
    const config = defineMatchingConfig({ version: 'promote', promotePlatformUnions: true })
    const r = matchUnion(directory, driver, { asOf, config })
    expect([r.tier, ids(r)]).toEqual(['platform', ['org_o1']])
  })

  it('a province can reorder tiers (因地制宜) and leave some out', () => {
    const config = defineMatchingConfig({ version: 'ah', provinces: { '34': { tiers: ['territorial', 'park'] } } })
    const b = matchUnion(directory, { employmentForm: 'platform_self_employed', ...yi, homeParkId: 'PARK-HF-01', baseRegion: { county: '340104' } }, { asOf, config })
    expect([b.tier, ids(b)]).toEqual(['park', ['org_o4']])
    expect(matchUnion(directory, driver, { asOf, config }).tier).toBe('head_enterprise_federation')
  })

  it('a malformed driver is a ValidationError naming the fields', () => {
    expect(() => matchUnion(directory, { employmentForm: 'boss', baseRegion: { county: '3201' } } as unknown as MatchInput)).toThrow(/invalid_enum at employmentForm, invalid_format at baseRegion\.county/)
  })
})
