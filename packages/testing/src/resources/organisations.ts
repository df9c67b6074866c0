import type { MatchRequest, Organisation, OrganisationMatch } from '@ruhui/core/contract'
import { matchUnion } from '@ruhui/core/matching'
import { toOrganisationMatchWire } from '@ruhui/core/server'
import type { Ctx } from '../http-kit'

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
  return toOrganisationMatchWire(r, ctx.locale)
}

export function searchOrganisations(ctx: Ctx, query: { q?: string | undefined; region_prefix?: string | undefined; limit?: string | undefined }) {
  const limit = Number(query.limit ?? 20)
  const found: Organisation[] = ctx.state.directory.orgs
    .filter((o) => (query.q === undefined || o.name.includes(query.q)) && (query.region_prefix === undefined || o.regionCode.startsWith(query.region_prefix)))
    .map((o) => ({ id: o.id, object: 'organisation', name: o.name, type: o.type, level: o.level, region_code: o.regionCode, accepts_online: o.acceptsOnline }))
  return { object: 'list' as const, data: found.slice(0, limit), has_more: found.length > limit, next_cursor: null }
}
