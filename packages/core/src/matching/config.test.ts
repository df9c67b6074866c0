import { describe, expect, it } from 'vitest'
import { TIER_IDS, checkMatchingConfig, defineMatchingConfig, rulesForProvince } from '@ruhui/core/matching'

const issuesOf = (input: unknown) => {
  const r = checkMatchingConfig(input)
  return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}:${i.code}`)
}

describe('matching configuration', () => {
  it('fills in defaults: DOMAIN.md tier order, manual review on, floor 16', () => {
    const c = defineMatchingConfig({ version: 'v1' })
    expect(c.tiers).toEqual([...TIER_IDS])
    expect(c.manualReview).toEqual({ minors: true, permitHolders: true, ownerOperatorEmployers: true, otherEmployment: true })
    expect(c.minAge).toBe(16)
    expect(c.maxCandidates).toBe(5)
  })

  it('province rules inherit and override', () => {
    const c = defineMatchingConfig({ version: 'v1', manualReview: { minors: false }, provinces: { '34': { tiers: ['industry', 'territorial'], manualReview: { permitHolders: false } } } })
    expect(rulesForProvince(c, '32').manualReview).toMatchObject({ minors: false, permitHolders: true })
    expect(rulesForProvince(c, '34')).toMatchObject({ tiers: ['industry', 'territorial'], manualReview: { minors: false, permitHolders: false } })
  })

  it('rejects bad configuration with paths', () => {
    expect(issuesOf({})).toEqual(['version:required'])
    expect(issuesOf({ version: 'v', tiers: ['industry', 'space'] })).toEqual(['tiers.1:invalid_enum'])
    expect(issuesOf({ version: 'v', tiers: ['industry', 'industry'] })).toEqual(['tiers:duplicate_tier'])
    expect(issuesOf({ version: 'v', tiers: [] })).toEqual(['tiers:required'])
    expect(issuesOf({ version: 'v', pilotRegionPrefixes: ['3'] })).toEqual(['pilotRegionPrefixes.0:invalid_format'])
    expect(issuesOf({ version: 'v', provinces: { '3x': {} } })).toEqual(['provinces.3x:invalid_format'])
    expect(issuesOf({ version: 'v', provinces: { '32': { minAge: 12 } } })).toEqual(['provinces.32.minAge:out_of_range'])
    expect(issuesOf({ version: 'v', colour: 'red' })).toEqual([':unknown_field'])
    expect(() => defineMatchingConfig({ version: '' })).toThrow(/required at version/)
  })
})
