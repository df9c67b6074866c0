/** A MatchResult in the API's wire shape (`organisation_match`), with reasons in words for a locale. */
import type { OrganisationMatch } from '../contract/organisations'
import type { Issue } from '../issues'
import { formatMatchingIssue } from '../messages/matching-words'
import type { Locale } from '../messages/types'
import type { MatchCandidate, MatchResult, OrgRef } from '../matching/match-union'

function reasonWire(issue: Issue, locale: Locale) {
  return { code: issue.code, params: { ...(issue.params ?? {}) }, message: formatMatchingIssue(issue, locale) }
}

function refWire(o: OrgRef) {
  return { org_id: o.orgId, name: o.name, type: o.type, level: o.level, contact: o.contact ?? null }
}

export function toOrganisationMatchWire(r: MatchResult, locale: Locale = 'zh-CN'): OrganisationMatch {
  const candidate = (c: MatchCandidate) => ({ ...refWire(c), tier: c.tier, rank: c.rank, reasons: c.reasons.map((i) => reasonWire(i, locale)) })
  return {
    object: 'organisation_match',
    status: r.status,
    config_version: r.configVersion,
    tier: r.tier ?? null,
    candidates: r.candidates.map(candidate),
    assigner: r.assigner ? refWire(r.assigner) : null,
    reasons: r.reasons.map((i) => reasonWire(i, locale)),
  }
}
