import { formatIssue } from '@ruhui/core'
import type { MatchRequest, Organisation, OrganisationMatch } from '@ruhui/core/contract'
import { type MatchCandidate, type OrgRef, matchUnion } from '@ruhui/core/matching'
import type { Ctx } from '../http-kit'

type IssueLike = Parameters<typeof formatIssue>[0]
const reasonWire = (ctx: Ctx) => (i: IssueLike) => ({ code: i.code, params: { ...(i.params ?? {}) }, message: formatIssue(i, ctx.locale) })
const refWire = (o: OrgRef) => ({ org_id: o.orgId, name: o.name, type: o.type, level: o.level })

export function matchOrganisations(ctx: Ctx, body: MatchRequest): OrganisationMatch {
  const r = matchUnion(
    ctx.state.directory,
    {
      employmentForm: body.employment_form,
      baseRegion: body.base_region,
      ...(body.employer_uscc ? { employerUscc: body.employer_uscc } : {}),
      ...(body.home_park_id ? { homeParkId: body.home_park_id } : {}),
      ...(body.age !== undefined ? { age: body.age } : {}),
      ...(body.document_kind ? { documentKind: body.document_kind } : {}),
    },
    { asOf: new Date(ctx.state.now()).toISOString().slice(0, 10) },
  )
  const toWire = (c: MatchCandidate) => ({ ...refWire(c), tier: c.tier, rank: c.rank, reasons: c.reasons.map(reasonWire(ctx)) })
  return {
    object: 'organisation_match',
    status: r.status,
    config_version: r.configVersion,
    tier: r.tier ?? null,
    candidates: r.candidates.map(toWire),
    assigner: r.assigner ? refWire(r.assigner) : null,
    reasons: r.reasons.map(reasonWire(ctx)),
  }
}

export function searchOrganisations(ctx: Ctx, query: { q?: string; region_prefix?: string; limit?: string }) {
  const limit = Number(query.limit ?? 20)
  const found: Organisation[] = ctx.state.directory.orgs
    .filter((o) => (query.q === undefined || o.name.includes(query.q)) && (query.region_prefix === undefined || o.regionCode.startsWith(query.region_prefix)))
    .map((o) => ({ id: o.id, object: 'organisation', name: o.name, type: o.type, level: o.level, region_code: o.regionCode, accepts_online: o.acceptsOnline }))
  return { object: 'list' as const, data: found.slice(0, limit), has_more: found.length > limit, next_cursor: null }
}
