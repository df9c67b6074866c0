/** A MatchResult in the API's wire shape (`organisation_match`), with reasons in words for a locale. */
import type { OrganisationMatch } from '../contract/organisations'
import type { Issue } from '../issues'
import { enumLabel } from '../messages/enum-labels'
import { formatMatchingIssue, orgServesWords } from '../messages/matching-words'
import type { Locale } from '../messages/types'
import type { MatchCandidate, MatchResult, OrgRef } from '../matching/match-union'

function reasonWire(issue: Issue, locale: Locale) {
  return { code: issue.code, params: { ...(issue.params ?? {}) }, message: formatMatchingIssue(issue, locale) }
}

function refWire(o: OrgRef, locale: Locale) {
  const d = o.duesPolicy
  const dues = d ? { mode: d.mode, ...(d.amountFen !== undefined ? { amount_fen: d.amountFen } : {}), ...(d.rateBp !== undefined ? { rate_bp: d.rateBp } : {}) } : undefined
  // The words are made here, where matching runs, so that they stay out of the driver's bundle.
  const words = { type_words: enumLabel('orgType', o.type, locale), serves: orgServesWords(o.type, locale) }
  return { org_id: o.orgId, name: o.name, type: o.type, level: o.level, contact: o.contact ?? null, ...words, ...(o.covers ? { covers: o.covers } : {}), ...(dues ? { dues_policy: dues } : {}) }
}

const LEVEL_ORDER = ['village', 'township', 'unit', 'county', 'prefecture', 'province', 'national']

/** Why the first candidate comes first, from what ranked it above the second (matching's order: type, coverage, level, seniority). */
export function recommendation(first: MatchCandidate, second: MatchCandidate | undefined): Issue {
  const params = { orgName: first.name, coverageName: first.covers ?? '' }
  if (!second) return { code: 'recommended_only', path: [], params }
  if (first.type !== second.type) return { code: 'recommended_type', path: [], params }
  if (first.specificity !== second.specificity) return { code: 'recommended_closest', path: [], params }
  if (first.level !== second.level && LEVEL_ORDER.indexOf(first.level) < LEVEL_ORDER.indexOf(second.level)) return { code: 'recommended_nearest_level', path: [], params }
  return { code: 'recommended_longest', path: [], params }
}

export function toOrganisationMatchWire(r: MatchResult, locale: Locale = 'zh-CN'): OrganisationMatch {
  const candidate = (c: MatchCandidate, i: number) => ({
    ...refWire(c, locale),
    tier: c.tier,
    rank: c.rank,
    reasons: c.reasons.map((x) => reasonWire(x, locale)),
    ...(i === 0 ? { recommended_because: reasonWire(recommendation(c, r.candidates[1]), locale) } : {}),
  })
  return {
    object: 'organisation_match',
    status: r.status,
    config_version: r.configVersion,
    tier: r.tier ?? null,
    candidates: r.candidates.map(candidate),
    assigner: r.assigner ? refWire(r.assigner, locale) : null,
    reasons: r.reasons.map((i) => reasonWire(i, locale)),
  }
}
