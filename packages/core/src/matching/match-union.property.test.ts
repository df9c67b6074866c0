// The indexed matcher agrees with a plain linear scan (test/linear-scan-matcher.mjs) on random
// directories and drivers: same winning tier, same ranked candidates, same assigner.
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { type MatchInput, ORG_LEVELS, ORG_TYPES, type UnionOrg, createDirectory, defineMatchingConfig, matchUnion } from '@ruhui/core/matching'
import { matchUnionLinear } from '../../test/linear-scan-matcher.mjs'
import { uscc } from '../../test/directory-fixtures'

// A small world so that random organisations and drivers actually meet.
const TOWNSHIPS = ['320115001', '320115002', '320116001', '340104001', '340104002']
const EMPLOYERS = [uscc('91320115MA0000001'), uscc('91340104MA0000002')]
const HEADS = [uscc('91320100MA1000003'), uscc('91340100MA1000004')]
const PLATFORMS = ['P-A', 'P-B']
const PARKS = ['PARK-1', 'PARK-2']

const prefixOf = (t: string) => fc.constantFrom(t.slice(0, 2), t.slice(0, 4), t.slice(0, 6), t)

const orgArb = (i: number) =>
  fc
    .record({
      type: fc.constantFrom(...ORG_TYPES),
      level: fc.constantFrom(...ORG_LEVELS),
      township: fc.constantFrom(...TOWNSHIPS),
      isGrassroots: fc.constantFrom(true, true, true, false),
      acceptsOnline: fc.constantFrom(true, true, true, false),
      status: fc.constantFrom('active', 'active', 'active', 'suspended' as const),
      validTo: fc.constantFrom(undefined, undefined, '2025-01-01', '2030-01-01'),
      extraPrefix: fc.constantFrom(...TOWNSHIPS).chain(prefixOf),
      employer: fc.constantFrom(...EMPLOYERS),
      head: fc.option(fc.constantFrom(...HEADS), { nil: undefined }),
      platform: fc.constantFrom(...PLATFORMS),
      park: fc.constantFrom(...PARKS),
    })
    .chain((r) => prefixOf(r.township).map((p) => ({ ...r, prefix: p })))
    .map((r): UnionOrg => {
      const o: UnionOrg = {
        id: `org_${String(i).padStart(3, '0')}`,
        name: `组织${i}`,
        type: r.type,
        level: r.level,
        isGrassroots: r.isGrassroots,
        acceptsOnline: r.acceptsOnline,
        status: r.status,
        regionCode: r.township.slice(0, 6),
        coverage: { regionPrefixes: [...new Set([r.prefix, r.extraPrefix])] },
      }
      if (r.validTo) o.validTo = r.validTo
      if (r.type === 'township_union' || r.type === 'devzone_union' || r.type === 'village_union') o.townshipCode = r.township
      if (r.type === 'village_union') o.villageCode = `${r.township}001`
      if (r.type === 'enterprise_union') o.coverage.employerUsccs = [r.employer]
      if (r.type === 'platform_union') o.coverage.platformIds = [r.platform]
      if (r.type === 'park_union') o.coverage.parkIds = [r.park]
      if (r.head) o.reliesOnEnterpriseUscc = r.head
      return o
    })

const directoryArb = fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => orgArb(i))))

const driverArb = fc.record({
  employmentForm: fc.constantFrom('employee', 'platform_self_employed' as const),
  employerUscc: fc.option(fc.constantFrom(...EMPLOYERS), { nil: undefined }),
  platformId: fc.option(fc.constantFrom(...PLATFORMS), { nil: undefined }),
  platformUscc: fc.option(fc.constantFrom(...HEADS), { nil: undefined }),
  homeParkId: fc.option(fc.constantFrom(...PARKS), { nil: undefined }),
  township: fc.constantFrom(...TOWNSHIPS),
  withTownship: fc.boolean(),
  withVillage: fc.boolean(),
})

const tiersArb = fc.shuffledSubarray(['enterprise', 'head_enterprise_federation', 'industry', 'platform', 'park', 'territorial'] as const, { minLength: 1 })

it('indexed matching equals a linear scan on random directories and drivers', () => {
  fc.assert(
    fc.property(directoryArb, driverArb, tiersArb, (orgs, d, tiers) => {
      const directory = createDirectory(orgs)
      const baseRegion: { county: string; township?: string; village?: string } = { county: d.township.slice(0, 6) }
      if (d.withTownship) {
        baseRegion.township = d.township
        if (d.withVillage) baseRegion.village = `${d.township}001`
      }
      const driver = { employmentForm: d.employmentForm, baseRegion, ...strip({ employerUscc: d.employerUscc, platformId: d.platformId, platformUscc: d.platformUscc, homeParkId: d.homeParkId }) } as MatchInput
      const config = defineMatchingConfig({ version: 'prop', tiers: [...tiers], maxCandidates: 50 })
      const fast = matchUnion(directory, driver, { asOf: '2026-01-01', config })
      const slow = matchUnionLinear(orgs, driver, { tiers, maxCandidates: 50, asOf: '2026-01-01' })
      expect({ tier: fast.tier, candidates: fast.candidates.map((c) => c.orgId), assigner: fast.assigner?.orgId }).toEqual({
        tier: slow.tier,
        candidates: slow.candidates,
        assigner: slow.assigner,
      })
    }),
    { numRuns: 400 },
  )
})

function strip<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
