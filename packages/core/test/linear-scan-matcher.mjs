// A deliberately plain reference matcher: for each tier, scan every organisation and test
// the rule of DOMAIN.md §7.6 directly. Written independently of src/matching (no indexes,
// no shared helpers) so that tests can hold the indexed matcher to it, and the bench can
// measure the indexes against it. Covers eligible drivers without an existing membership.

const LEVEL = { village: 0, township: 1, unit: 1, county: 2, prefecture: 3, province: 4, national: 5 }
const TERRITORIAL = { township_union: 0, devzone_union: 1, village_union: 2 }
const INDUSTRY = ['freight_federation', 'freight_committee', 'new_form_federation']

/** Length of the longest coverage prefix that the driver's most detailed code starts with (0: none). */
function coverage(org, base, minLength = 0, maxLength = 12) {
  const code = base.village ?? base.township ?? base.county
  let best = 0
  for (const p of org.coverage.regionPrefixes) if (p.length >= minLength && p.length <= maxLength && code.startsWith(p) && p.length > best) best = p.length
  return best
}

function joinable(org, asOf) {
  return org.status === 'active' && org.acceptsOnline && org.isGrassroots && valid(org, asOf)
}

function valid(org, asOf) {
  return (!org.validFrom || org.validFrom <= asOf) && (!org.validTo || asOf <= org.validTo)
}

const RULES = {
  enterprise: (o, d) => ((d.employmentForm === 'employee' || (d.employmentForm === 'affiliated' && o.takesAffiliatedDrivers === true)) && d.employerUscc && o.type === 'enterprise_union' && (o.coverage.employerUsccs ?? []).includes(d.employerUscc) ? 100 : 0),
  head_enterprise_federation: (o, d) => (d.platformUscc && o.type === 'freight_federation' && o.reliesOnEnterpriseUscc === d.platformUscc ? coverage(o, d.baseRegion) : 0),
  industry: (o, d) => (INDUSTRY.includes(o.type) ? coverage(o, d.baseRegion) : 0),
  platform: (o, d) => (d.platformId && o.type === 'platform_union' && (o.coverage.platformIds ?? []).includes(d.platformId) ? coverage(o, d.baseRegion) : 0),
  park: (o, d) => (o.type !== 'park_union' ? 0 : d.homeParkId && (o.coverage.parkIds ?? []).includes(d.homeParkId) ? 100 : coverage(o, d.baseRegion)),
  territorial: (o, d) => (o.type in TERRITORIAL ? coverage(o, d.baseRegion, 9) : 0),
}

function compare(a, b) {
  return (TERRITORIAL[a.org.type] ?? 0) - (TERRITORIAL[b.org.type] ?? 0) || b.spec - a.spec || LEVEL[a.org.level] - LEVEL[b.org.level] || ((a.org.registeredAt ?? '') < (b.org.registeredAt ?? '') ? -1 : (a.org.registeredAt ?? '') > (b.org.registeredAt ?? '') ? 1 : 0) || (a.org.id < b.org.id ? -1 : a.org.id > b.org.id ? 1 : 0)
}

/**
 * @param {any[]} orgs the directory's organisations
 * @param {any} driver a MatchInput
 * @param {{ tiers: string[], maxCandidates: number, asOf: string }} options
 * @returns {{ tier?: string, candidates: string[], assigner?: string }}
 */
export function matchUnionLinear(orgs, driver, { tiers, maxCandidates, asOf }) {
  for (const tier of tiers) {
    const found = []
    for (const org of orgs) {
      if (!joinable(org, asOf)) continue
      const spec = RULES[tier](org, driver)
      if (spec > 0) found.push({ org, spec })
    }
    if (found.length > 0) return { tier, candidates: found.sort(compare).slice(0, maxCandidates).map((f) => f.org.id) }
  }
  const assigners = []
  for (const org of orgs) {
    if (org.type !== 'local_federation' || org.status !== 'active' || !valid(org, asOf)) continue
    // The county's federation, else the city's, else the province's: county level or above.
    const spec = coverage(org, driver.baseRegion, 0, 6)
    if (spec > 0) assigners.push({ org, spec })
  }
  assigners.sort((a, b) => b.spec - a.spec || LEVEL[a.org.level] - LEVEL[b.org.level] || (a.org.id < b.org.id ? -1 : 1))
  return { candidates: [], assigner: assigners[0]?.org.id }
}
