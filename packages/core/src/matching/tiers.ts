/**
 * The tiers of DOMAIN.md §7.6, each bringing its own `collect`: the evaluator never
 * switches on tier kinds. A tier returns drafts; the evaluator filters, dedups and ranks.
 */
import type { Issue } from '../issues'
import type { DirectoryIndex } from './directory-index'
import type { TierId } from './config'
import type { MatchInput } from './match-input'
import type { UnionOrg } from './org'
import { regionDisplayName } from './region-names'

export interface TierContext {
  index: DirectoryIndex
  driver: MatchInput
  /** The driver's region prefixes, most specific first: [village?, township?, county, city, province]. */
  prefixes: readonly string[]
}

export interface Draft {
  org: UnionOrg
  /** Length of the coverage key that matched (12 > 9 > 6 > 4 > 2); 100 for a direct key (employer, park). */
  specificity: number
  /** Ordering inside a tier before specificity (territorial: township, then devzone, then village). */
  typeRank: number
  reason: Issue
}

export interface Tier {
  id: TierId
  collect(ctx: TierContext): Draft[]
}

const DIRECT = 100

function reason(code: string, org: UnionOrg, ctx: TierContext, coveragePrefix?: string): Issue {
  const params: Record<string, string> = { orgName: org.name, regionName: regionDisplayName(ctx.driver.baseRegion.county) }
  if (coveragePrefix !== undefined) params.coverageName = regionDisplayName(coveragePrefix)
  return { code, path: [], params }
}

function byPrefix(ctx: TierContext, code: string, lookup: (prefix: string) => readonly UnionOrg[], typeRank: (org: UnionOrg) => number = () => 0): Draft[] {
  const out: Draft[] = []
  for (const p of ctx.prefixes) {
    for (const org of lookup(p)) out.push({ org, specificity: p.length, typeRank: typeRank(org), reason: reason(code, org, ctx, p) })
  }
  return out
}

const TERRITORIAL_ORDER: Record<string, number> = { township_union: 0, devzone_union: 1, village_union: 2 }

export const TIERS: Record<TierId, Tier> = {
  enterprise: {
    id: 'enterprise',
    collect(ctx) {
      const { employmentForm, employerUscc } = ctx.driver
      if (employerUscc === undefined) return []
      if (employmentForm === 'employee') return ctx.index.get('employer', employerUscc).map((org) => ({ org, specificity: DIRECT, typeRank: 0, reason: reason('match_employer_union', org, ctx) }))
      // 挂靠: the company's union only when it says it takes affiliated drivers; otherwise the later tiers, as for the self-employed.
      if (employmentForm === 'affiliated') return ctx.index.get('employer', employerUscc).filter((org) => org.takesAffiliatedDrivers === true).map((org) => ({ org, specificity: DIRECT, typeRank: 0, reason: reason('match_affiliated_company_union', org, ctx) }))
      return []
    },
  },
  head_enterprise_federation: {
    id: 'head_enterprise_federation',
    collect(ctx) {
      const uscc = ctx.driver.platformUscc
      if (uscc === undefined) return []
      return byPrefix(ctx, 'match_head_enterprise_federation', (p) => ctx.index.get('head_federation', `${uscc}|${p}`))
    },
  },
  industry: {
    id: 'industry',
    collect(ctx) {
      return byPrefix(ctx, 'match_industry', (p) => ctx.index.get('industry', p))
    },
  },
  platform: {
    id: 'platform',
    collect(ctx) {
      const platformId = ctx.driver.platformId
      if (platformId === undefined) return []
      return byPrefix(ctx, 'match_platform_union', (p) => ctx.index.get('platform', `${platformId}|${p}`))
    },
  },
  park: {
    id: 'park',
    collect(ctx) {
      const park = ctx.driver.homeParkId
      const home = park === undefined ? [] : ctx.index.get('park', park).map((org) => ({ org, specificity: DIRECT, typeRank: 0, reason: reason('match_park_home', org, ctx) }))
      return [...home, ...byPrefix(ctx, 'match_park_region', (p) => ctx.index.get('park_region', p))]
    },
  },
  territorial: {
    id: 'territorial',
    collect(ctx) {
      // Township and village codes only: a county-wide code is not a township union's patch.
      const local = ctx.prefixes.filter((p) => p.length >= 9)
      return byPrefix({ ...ctx, prefixes: local }, 'match_territorial', (p) => ctx.index.get('territorial', p), (org) => TERRITORIAL_ORDER[org.type] ?? 3)
    },
  },
}
