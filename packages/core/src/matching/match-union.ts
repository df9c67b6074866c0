/**
 * `matchUnion`: which union a driver should join, and why (DOMAIN.md §7.6). Deterministic:
 * the same directory, configuration and input give the same ranked answer. Never empty:
 * when no tier has a candidate, the local federation that must assign one is named.
 */
import { unwrapCheck } from '../errors'
import { type Issue, issue } from '../issues'
import { todayInChina } from '../identity/calendar'
import { deriveEligibility } from '../identity/eligibility'
import { DEFAULT_MATCHING_CONFIG, type MatchingConfig, type ProvinceRules, type TierId, rulesForProvince } from './config'
import type { Directory } from './directory'
import { type MatchInput, checkMatchInput } from './match-input'
import type { DuesPolicy, OrgContact, OrgLevel, OrgType, UnionOrg } from './org'
import { regionDisplayName } from './region-names'
import { type Draft, TIERS, type TierContext } from './tiers'

export type MatchStatus =
  | 'matched' // candidates found; the driver confirms or picks one
  | 'manual_review' // candidates found, but a union reviewer must decide (minor, permit holder, employer-owner…)
  | 'transfer_required' // already a member elsewhere: transfer (接转), not a second membership
  | 'already_member' // already a member of the union this match would pick
  | 'needs_assignment' // nothing covers the driver: `assigner` must assign a union
  | 'not_in_pilot' // outside the configured pilot regions
  | 'ineligible' // below the working-age floor

export interface OrgRef {
  orgId: string
  name: string
  type: OrgType
  level: OrgLevel
  /** How the driver reaches it (absent when the directory has none). */
  contact?: OrgContact
  /** The area it covers, in words ('南京市江宁区、南京市浦口区'; absent when it covers no region). */
  covers?: string
  /** Its dues, for the charter declaration (absent when the directory has none). */
  duesPolicy?: DuesPolicy
}

export interface MatchCandidate extends OrgRef {
  tier: TierId
  /** 1-based rank in the result. */
  rank: number
  specificity: number
  /** Why this union, as issue-like data (`formatIssue` gives zh-CN / en words). */
  reasons: Issue[]
}

export interface MatchResult {
  status: MatchStatus
  /** The configuration version the result was made with. */
  configVersion: string
  /** 2-digit province of the driver's base. */
  province: string
  /** The tier the candidates come from. */
  tier?: TierId
  /** Ranked candidates of the winning tier; the first is the default choice. */
  candidates: MatchCandidate[]
  /** With `includeAlternatives`: the best candidate of each later tier, for reviewers. */
  alternatives: MatchCandidate[]
  /** For `needs_assignment`: the local federation (county, else city, else province) that assigns. */
  assigner?: OrgRef
  /** For `transfer_required` / `already_member`: where the membership is now. */
  currentOrgId?: string
  /** Status-level reasons: not in pilot, manual-review grounds, membership found, assignment. */
  reasons: Issue[]
  /** How many organisations the tiers looked at (audit). */
  candidatesConsidered: number
}

export interface MatchOptions {
  /** @default DEFAULT_MATCHING_CONFIG */
  config?: MatchingConfig
  /** Date for organisations' validity windows, 'YYYY-MM-DD'. @default today in China Standard Time */
  asOf?: string
  includeAlternatives?: boolean
}

const LEVEL_RANK: Record<OrgLevel, number> = { village: 0, township: 1, unit: 1, county: 2, prefecture: 3, province: 4, national: 5 }

function compareDrafts(a: Draft, b: Draft): number {
  return (
    a.typeRank - b.typeRank ||
    b.specificity - a.specificity ||
    LEVEL_RANK[a.org.level] - LEVEL_RANK[b.org.level] ||
    seniority(a.org, b.org) ||
    (a.org.id < b.org.id ? -1 : a.org.id > b.org.id ? 1 : 0)
  )
}

/** The longer-standing union first (never who chose the id); entries without a time count as the oldest. */
function seniority(a: UnionOrg, b: UnionOrg): number {
  const x = a.registeredAt ?? ''
  const y = b.registeredAt ?? ''
  return x < y ? -1 : x > y ? 1 : 0
}

function ref(org: UnionOrg): OrgRef {
  const covers = org.coverage.regionPrefixes.map(regionDisplayName).join('、')
  return { orgId: org.id, name: org.name, type: org.type, level: org.level, ...(org.contact ? { contact: org.contact } : {}), ...(covers ? { covers } : {}), ...(org.duesPolicy ? { duesPolicy: org.duesPolicy } : {}) }
}

function validOn(org: UnionOrg, asOf: string): boolean {
  return (org.validFrom === undefined || org.validFrom <= asOf) && (org.validTo === undefined || asOf <= org.validTo)
}

function prefixesOf(base: MatchInput['baseRegion']): string[] {
  const out: string[] = []
  if (base.village !== undefined) out.push(base.village)
  if (base.township !== undefined) out.push(base.township)
  out.push(base.county, base.county.slice(0, 4), base.county.slice(0, 2))
  return out
}

/** Ranked, de-duplicated (best draft per organisation) drafts of one tier. */
function rankTier(drafts: Draft[], asOf: string): Draft[] {
  const best = new Map<string, Draft>()
  for (const d of drafts) {
    if (!validOn(d.org, asOf)) continue
    const seen = best.get(d.org.id)
    if (seen === undefined || compareDrafts(d, seen) < 0) best.set(d.org.id, d)
  }
  return [...best.values()].sort(compareDrafts)
}

function toCandidate(d: Draft, tier: TierId, rank: number): MatchCandidate {
  return { ...ref(d.org), tier, rank, specificity: d.specificity, reasons: [d.reason] }
}

/**
 * Match a driver to the union they should join.
 * Throws `ValidationError` when `driver` is malformed (check it with `checkMatchInput` first to get issues instead).
 * @example
 * const directory = createDirectory(orgs)
 * matchUnion(directory, { employmentForm: 'platform_self_employed', platformId: 'P-JIA', baseRegion: { county: '320115' } })
 */
export function matchUnion(directory: Directory, driver: MatchInput, options: MatchOptions = {}): MatchResult {
  unwrapCheck(checkMatchInput(driver))
  const config = options.config ?? DEFAULT_MATCHING_CONFIG
  const asOf = options.asOf ?? todayInChina()
  const base = driver.baseRegion
  const province = base.county.slice(0, 2)
  const result: MatchResult = { status: 'matched', configVersion: config.version, province, candidates: [], alternatives: [], reasons: [], candidatesConsidered: 0 }
  const regionName = regionDisplayName(base.county)

  if (config.pilotRegionPrefixes !== undefined && !config.pilotRegionPrefixes.some((p) => base.county.startsWith(p))) {
    result.status = 'not_in_pilot'
    result.reasons.push(issue('not_in_pilot', { regionName }))
    return result
  }

  const rules = rulesFor(config, province)
  const eligibility = deriveEligibility(
    { ...(driver.age !== undefined ? { age: driver.age } : {}), ...(driver.documentKind ? { documentKind: driver.documentKind } : {}), employmentForm: driver.employmentForm },
    rules,
  )
  if (!eligibility.eligible) {
    result.status = 'ineligible'
    result.reasons.push(...eligibility.reasons)
    return result
  }

  const ctx: TierContext = { index: directory.index, driver, prefixes: prefixesOf(base) }
  for (const tierId of rules.tiers) {
    const drafts = TIERS[tierId].collect(ctx)
    result.candidatesConsidered += drafts.length
    const ranked = rankTier(drafts, asOf)
    if (ranked.length === 0) continue
    if (result.tier === undefined) {
      result.tier = tierId
      result.candidates = ranked.slice(0, config.maxCandidates).map((d, i) => toCandidate(d, tierId, i + 1))
      if (!options.includeAlternatives) break
    } else {
      result.alternatives.push(toCandidate(ranked[0] as Draft, tierId, result.alternatives.length + 1))
    }
  }

  const membership = driver.existingMembership
  if (membership !== undefined && (membership.status === 'active' || membership.status === 'transferring' || membership.status === 'retained')) {
    result.currentOrgId = membership.orgId
    const current = directory.byId.get(membership.orgId)
    const orgName = current?.name ?? membership.orgId
    if (result.candidates.some((c) => c.orgId === membership.orgId)) {
      result.status = 'already_member'
      result.reasons.push(issue('already_member', { orgName }))
    } else {
      result.status = 'transfer_required'
      result.reasons.push(issue('transfer_required', { orgName }))
    }
    return result
  }

  if (result.candidates.length === 0) {
    result.status = 'needs_assignment'
    const assigner = findAssigner(directory, ctx.prefixes, asOf)
    if (assigner !== undefined) {
      result.assigner = ref(assigner)
      result.reasons.push(issue('assigned_by_federation', { regionName, orgName: assigner.name }))
    } else {
      result.reasons.push(issue('no_assigner', { regionName }))
    }
    result.reasons.push(...eligibility.reasons)
    return result
  }

  if (eligibility.review === 'manual') result.status = 'manual_review'
  result.reasons.push(...eligibility.reasons)
  return result
}

// rulesForProvince allocates; cache per (config, province): configurations are treated as immutable data.
const rulesCache = new WeakMap<MatchingConfig, Map<string, ProvinceRules>>()
function rulesFor(config: MatchingConfig, province: string): ProvinceRules {
  let byProvince = rulesCache.get(config)
  if (byProvince === undefined) rulesCache.set(config, (byProvince = new Map()))
  let rules = byProvince.get(province)
  if (rules === undefined) byProvince.set(province, (rules = rulesForProvince(config, province)))
  return rules
}

/** The closest active local federation covering the base: county, else city, else province. */
function findAssigner(directory: Directory, prefixes: readonly string[], asOf: string): UnionOrg | undefined {
  for (const p of prefixes) {
    if (p.length > 6) continue
    const found = directory.index
      .get('assigner', p)
      .filter((o) => validOn(o, asOf))
      .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || (a.id < b.id ? -1 : 1))
    if (found.length > 0) return found[0]
  }
  return undefined
}

/** The organisations a driver may choose: the candidates, or the assigner when nothing covers them. */
export function offeredOrgIds(result: Pick<MatchResult, 'candidates' | 'assigner'>): string[] {
  const ids = result.candidates.map((c) => c.orgId)
  if (result.assigner) ids.push(result.assigner.orgId)
  return ids
}
